import type { ReactNode } from 'react';
import { ConsentProvider, CookieBanner, PolicySections, PreferencesDialog, type MessageOverrides } from '../../src';
import { connexxPage, connexxPolicy } from '../fixtures/connexx-policy';
import { SiteFooter, SiteHeader } from './connexx-site';

/**
 * The Connexx cookie policy page: the story shows it, and the consent audit's e2e test serves it
 * with the site's (fake) vendors as `children`.
 */
export function ConnexxCookiePolicyPage({ messages, children }: { messages?: MessageOverrides; children?: ReactNode }) {
  return (
    <ConsentProvider policy={connexxPolicy} messages={messages}>
      <CookieBanner policyHref="#cc-policy-overview" />
      <div className="cx-site">
        <SiteHeader />
        <main id="main" className="cx-main" tabIndex={-1}>
          <nav className="cx-breadcrumb" aria-label="Breadcrumb">
            <ol>
              <li>
                <a href="#home">Home</a>
              </li>
              <li>
                <a href="#legal">Legal</a>
              </li>
              <li aria-current="page">Cookie Policy</li>
            </ol>
          </nav>
          <PolicySections content={connexxPage} toc />
        </main>
        <SiteFooter />
      </div>
      <PreferencesDialog />
      {children}
    </ConsentProvider>
  );
}
