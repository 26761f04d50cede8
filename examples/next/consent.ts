// The policy, in a server file (no 'use client'): the root layout, the proxy, the receipts route
// handler and the client providers all import it from here.
import { definePolicy } from '@connexx/consent-ui';
import type { GeolocationSource } from '@connexx/consent-ui/server';

export const policy = definePolicy({
  revision: 1,
  categories: [
    { id: 'essential', title: 'Essential Cookies', description: 'Strictly necessary for the site to work.', required: true },
    {
      id: 'performance',
      title: 'Performance Cookies',
      description: 'Count visits and traffic sources, so we can improve the site.',
      cookies: [
        { name: 'example_analytics', purpose: 'Tells one visit from another (set by the analytics script).', duration: '1 year' },
        { name: 'example_visit', purpose: 'Counts visits (set by the server).', duration: '30 days' },
      ],
    },
    { id: 'functional', title: 'Functional Cookies', description: 'Remember your language and theme.' },
    {
      id: 'targeting',
      title: 'Targeting/Advertising Cookies',
      description: 'Show relevant advertising with our partners.',
      // Sharing for cross-context behavioural advertising (CCPA): off under Global Privacy Control,
      // and what the opt-out of sale or sharing turns off where the law is opt-out (California).
      saleOrShare: true,
      cookies: [{ name: 'example_ads', purpose: 'Remembers which advertisements were shown (set by the advertising script).', duration: '90 days' }],
    },
  ],
});

/**
 * The CDNs in front of this site whose geolocation headers say where the visitor is
 * (`jurisdictionFromHeaders` in app/layout.tsx and proxy.ts). Name only the one that really is in
 * front of the server and overwrites those headers: anyone can send any header, and one from a CDN
 * not named here is ignored. `[]` (or no CDN) gives every visitor the opt-in regime.
 */
export const trustedCdns: GeolocationSource[] = ['vercel'];

/** The patient area: authenticated health pages, where no tracking runs whatever was allowed. */
export const sensitivePaths = ['/patient'];

export const isSensitivePath = (pathname: string) => sensitivePaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));

declare module '@connexx/consent-ui' {
  interface Register {
    policy: typeof policy;
  }
}
