// The policy, in a server file (no 'use client'): the root layout, the proxy, the receipts route
// handler and the client providers all import it from here.
import { definePolicy } from '@connexx/consent-ui';

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
    { id: 'targeting', title: 'Targeting/Advertising Cookies', description: 'Show relevant advertising with our partners.', saleOrShare: true },
  ],
});

/** The patient area: authenticated health pages, where no tracking runs whatever was allowed. */
export const sensitivePaths = ['/patient'];

export const isSensitivePath = (pathname: string) => sensitivePaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));

declare module '@connexx/consent-ui' {
  interface Register {
    policy: typeof policy;
  }
}
