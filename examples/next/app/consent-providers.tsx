'use client';

import type { ReactNode } from 'react';
import { ConsentProvider, ConsentReceipts, ConsentScript, CookieBanner, GoogleConsentMode, PreferencesDialog } from '@connexx/consent-ui';
import { policy } from '../consent';

/**
 * The provider lives in a client component that imports the policy itself: the root layout (a
 * server component) passes only strings and a boolean, which is all a client component's props
 * should carry here.
 */
export function ConsentProviders({
  consentCookie,
  jurisdiction,
  gpc,
  children,
}: {
  consentCookie?: string;
  jurisdiction?: string;
  gpc: boolean;
  children: ReactNode;
}) {
  return (
    // The server's reading of Sec-GPC adds to the browser's own navigator.globalPrivacyControl
    // (either one counts): false where the request had no header takes nothing away.
    <ConsentProvider policy={policy} initialCookieHeader={consentCookie} jurisdiction={jurisdiction} signals={{ gpc }}>
      {/* First in the page, so screen-reader and keyboard users meet it early. */}
      <CookieBanner policyHref="/cookie-policy" />
      {children}
      <PreferencesDialog />
      <GoogleConsentMode />
      <ConsentReceipts endpoint="/api/consent" />
      <ConsentScript category="performance" src="/analytics.js" />
      <ConsentScript category="targeting" src="/ads.js" />
    </ConsentProvider>
  );
}
