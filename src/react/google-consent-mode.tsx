'use client';

import { useEffect } from 'react';
import { connectGoogleConsentMode, type ConsentModeMapping } from '../core';
import { useStoreFromContext, type RegisteredId } from './context';

export interface GoogleConsentModeProps<Id extends RegisteredId = RegisteredId> {
  /** Which Consent Mode keys each category controls; read on mount. */
  mapping?: ConsentModeMapping<Id>;
}

/**
 * Sends Google Consent Mode updates for the provider's store; renders nothing. The defaults must
 * already be in `<head>` (`consentModeDefaultsScript`), before any Google tag.
 */
export function GoogleConsentMode<Id extends RegisteredId>({ mapping }: GoogleConsentModeProps<Id>) {
  const store = useStoreFromContext<Id>('GoogleConsentMode');
  // The mapping is read on mount (a new object each render must not reconnect).
  useEffect(() => connectGoogleConsentMode(store, { mapping }), [store]);
  return null;
}
