import type { ReactNode } from 'react';
import { CookieSettingsButton } from '../../src';
import './connexx-site.css';

/** The Connexx site's header: logo, main navigation and the sign-in link. */
export function SiteHeader() {
  return (
    <header className="cx-header">
      <a className="cx-skip" href="#main">
        Skip to main content
      </a>
      <div className="cx-header-inner">
        <a className="cx-logo" href="#home" aria-label="Connexx home">
          <svg className="cx-logo-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
            <rect width="32" height="32" rx="9" fill="currentColor" />
            <path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="var(--cc-color-bg)" />
          </svg>
          <span className="cx-logo-text">Connexx</span>
        </a>
        <nav className="cx-nav" aria-label="Main">
          <ul>
            <li>
              <a href="#platform">Platform</a>
            </li>
            <li>
              <a href="#providers">For Providers</a>
            </li>
            <li>
              <a href="#patients">For Patients</a>
            </li>
            <li>
              <a href="#security">Security</a>
            </li>
            <li>
              <a href="#contact">Contact</a>
            </li>
          </ul>
        </nav>
        <a className="cx-login" href="#login">
          Patient login
        </a>
      </div>
    </header>
  );
}

function FooterColumn({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="cx-footer-column">
      <h2 className="cx-footer-title">{title}</h2>
      <ul>{children}</ul>
    </div>
  );
}

/** The site's footer, with "Cookie Settings" on every page (it reopens the preferences). */
export function SiteFooter() {
  return (
    <footer className="cx-footer">
      <div className="cx-footer-inner">
        <div className="cx-footer-about">
          <p className="cx-footer-brand">Connexx</p>
          <p>Care coordination for clinics, care teams and the patients they look after.</p>
        </div>
        <FooterColumn title="Company">
          <li>
            <a href="#about">About us</a>
          </li>
          <li>
            <a href="#careers">Careers</a>
          </li>
          <li>
            <a href="#press">Press</a>
          </li>
        </FooterColumn>
        <FooterColumn title="Legal">
          <li>
            <a href="#privacy">Privacy Policy</a>
          </li>
          <li>
            <a href="#terms">Terms of Service</a>
          </li>
          <li>
            <a href="#hipaa">HIPAA Notice of Privacy Practices</a>
          </li>
          <li>
            <a href="#main" aria-current="page">
              Cookie Policy
            </a>
          </li>
        </FooterColumn>
        <div className="cx-footer-column">
          <h2 className="cx-footer-title">Your privacy</h2>
          <p>Change or withdraw your cookie choices at any time.</p>
          {/* A link, as on the seed page ("the "Cookie Settings" link in our website footer"). */}
          <CookieSettingsButton asChild>
            <a href="#cookie-settings">Cookie Settings</a>
          </CookieSettingsButton>
        </div>
      </div>
      <p className="cx-footer-legal">© 2025 Connexx, Inc. All rights reserved.</p>
    </footer>
  );
}
