import type { ReactNode } from 'react';
import Link from 'next/link';
import { headers } from 'next/headers';
import { CookieSettingsButton, PrivacyChoicesLink, consentModeDefaultsScript, regimeFor } from '@connexx/consent-ui';
import { consentCookieHeader, jurisdictionFromHeaders } from '@connexx/consent-ui/server';
import '@connexx/consent-ui/styles.css';
import { policy, trustedCdns } from '../consent';
import { ConsentProviders } from './consent-providers';

export const metadata = { title: 'Consent UI on Next.js' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  // Where the visitor is, from the geolocation headers of the CDN in front of the site (and no
  // other's: see trustedCdns in consent.ts). It picks the regime: California gets the opt-out
  // notice, an unknown place the opt-in banner. The proxy reads consent with the same one.
  const jurisdiction = jurisdictionFromHeaders(requestHeaders, { trust: trustedCdns });
  // The browser's Global Privacy Control, as it sends it with every request. The provider adds it
  // to what the browser itself says (navigator.globalPrivacyControl), so the first HTML and
  // hydration agree.
  const gpc = requestHeaders.get('sec-gpc') === '1';
  // Where the law is opt-out (or health-data), the footer also has "Your Privacy Choices".
  const optOutLaw = regimeFor(jurisdiction, policy.jurisdictions) !== 'opt-in';
  return (
    <html lang="en">
      <head>
        {/* Before any Google tag: every Consent Mode key denied until the provider says what is in
            force, which it does at once under an opt-out law. Not `perRegime`: Google would place
            the visitor itself, and could grant where this server found no trusted location. */}
        <script dangerouslySetInnerHTML={{ __html: consentModeDefaultsScript(policy) }} />
      </head>
      <body>
        {/* Only the consent cookie goes to the client component: its props are written into the
            page, and the whole Cookie header may hold HttpOnly session cookies. */}
        <ConsentProviders consentCookie={consentCookieHeader(requestHeaders)} jurisdiction={jurisdiction} gpc={gpc}>
          <header>
            <nav aria-label="Main">
              <Link href="/">Home</Link> · <Link href="/patient">Patient area</Link> · <Link href="/cookie-policy">Cookie policy</Link>
            </nav>
          </header>
          <main>{children}</main>
          <footer>
            <CookieSettingsButton />
            {optOutLaw && <PrivacyChoicesLink />}
          </footer>
        </ConsentProviders>
      </body>
    </html>
  );
}
