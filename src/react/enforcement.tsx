'use client';

import { useEffect, useRef } from 'react';
import { activateScripts, connectGoogleConsentMode, connectReceipts, type ActivateScriptsOptions, type ConsentModeMapping, type ReceiptOptions } from '../core';
import { useStoreFromContext, type RegisteredId } from './context';

// Each part below connects one core module to the provider's store while it is rendered, and
// renders nothing: `<X {...options} />` is `connectX(store, options)` for as long as it is mounted.
// Options are read on mount (an inline object is new each render and must not reconnect).

export interface GoogleConsentModeProps<Id extends RegisteredId = RegisteredId> {
  /** Which Consent Mode keys each category controls. */
  mapping?: ConsentModeMapping<Id>;
}

/**
 * Sends Google Consent Mode updates (`connectGoogleConsentMode`). The defaults must already be in
 * `<head>` (`consentModeDefaultsScript`), before any Google tag.
 */
export function GoogleConsentMode<Id extends RegisteredId>({ mapping }: GoogleConsentModeProps<Id>) {
  const store = useStoreFromContext<Id>('GoogleConsentMode');
  useEffect(() => connectGoogleConsentMode(store, { mapping }), [store]);
  return null;
}

export type ConsentReceiptsProps = ReceiptOptions;

/**
 * Sends every decision made on this page to `endpoint` until acknowledged (`connectReceipts`):
 * from any tab, with backoff, a few requests at a time; `onDrop` hears of each record that will
 * never be sent (the latest `onDrop` passed, without reconnecting).
 */
export function ConsentReceipts(options: ConsentReceiptsProps) {
  const store = useStoreFromContext('ConsentReceipts');
  const onDrop = useRef(options.onDrop);
  onDrop.current = options.onDrop;
  useEffect(() => connectReceipts(store, { ...options, onDrop: options.onDrop && ((drop) => onDrop.current?.(drop)) }), [store]);
  return null;
}

export type ActivateScriptsProps = ActivateScriptsOptions;

/**
 * Runs the page's `<script type="text/plain" data-category="x">` placeholders while their category
 * is granted (`activateScripts`), looking again on every change of the choices in force.
 */
export function ActivateScripts(options: ActivateScriptsProps) {
  const store = useStoreFromContext('ActivateScripts');
  useEffect(() => activateScripts(store, options), [store]);
  return null;
}
