import type { ReactNode } from 'react';
import Link from 'next/link';
import { cookies, headers } from 'next/headers';
import { CookieSettingsButton, consentModeDefaultsScript } from '@connexx/consent-ui';
import '@connexx/consent-ui/styles.css';
import { policy } from '../consent';
import { ConsentProviders } from './consent-providers';

export const metadata = { title: 'Consent UI on Next.js' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Only the consent cookie goes to the client component: its props are written into the page,
  // and the whole Cookie header may hold HttpOnly session cookies.
  const consent = (await cookies()).get('cookie_consent');
  // The browser's Global Privacy Control, as it sends it with every request.
  const gpc = (await headers()).get('sec-gpc') === '1';
  return (
    <html lang="en">
      <head>
        {/* Before any Google tag: every Consent Mode key denied until the visitor decides. */}
        <script dangerouslySetInnerHTML={{ __html: consentModeDefaultsScript(policy) }} />
      </head>
      <body>
        <ConsentProviders consentCookie={consent && `${consent.name}=${consent.value}`} gpc={gpc}>
          <header>
            <nav aria-label="Main">
              <Link href="/">Home</Link> · <Link href="/patient">Patient area</Link> · <Link href="/cookie-policy">Cookie policy</Link>
            </nav>
          </header>
          <main>{children}</main>
          <footer>
            <CookieSettingsButton />
          </footer>
        </ConsentProviders>
      </body>
    </html>
  );
}
