'use client';

import type { ReactNode } from 'react';
import { ConsentProvider, ConsentReceipts, ConsentScript, CookieBanner, GoogleConsentMode, PreferencesDialog } from '@connexx/consent-ui';
import { policy } from '../consent';

/**
 * The provider lives in a client component that imports the policy itself: the root layout (a
 * server component) passes only a string and a boolean, which is all a client component's props
 * should carry here.
 */
export function ConsentProviders({ consentCookie, gpc, children }: { consentCookie?: string; gpc: boolean; children: ReactNode }) {
  return (
    // Only a Sec-GPC header adds to the signals: without one, the store reads the browser's own
    // navigator.globalPrivacyControl (a request without the header says nothing either way).
    <ConsentProvider policy={policy} initialCookieHeader={consentCookie} signals={gpc ? { gpc } : undefined}>
      {/* First in the page, so screen-reader and keyboard users meet it early. */}
      <CookieBanner policyHref="/cookie-policy" />
      {children}
      <PreferencesDialog />
      <GoogleConsentMode />
      <ConsentReceipts endpoint="/api/consent" />
      <ConsentScript category="performance" src="/analytics.js" />
    </ConsentProvider>
  );
}
