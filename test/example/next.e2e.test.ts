// examples/next, a Next.js 16 App Router app, built for production against the packed library and
// served by `next start` (see next-app.ts), as a visitor meets it in Chromium.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeRecord } from '../../src/core';
import { chromiumArgs, requireChromium } from '../e2e/chromium';
// @ts-expect-error plain .mjs script without types
import { bundle, scenarios, use } from '../../scripts/bundle-size.mjs';
import { gzipOf, libraryChunks, libraryPackages } from './library-chunks';
import { app } from './next-app';

const origin = inject('exampleOrigin');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs });
});
afterAll(() => browser?.close());

const acceptedAll = `cookie_consent=${encodeRecord({
  id: '4a1f6c2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b',
  revision: '1',
  decidedAt: new Date().toISOString(),
  method: 'accept-all',
  choices: { essential: true, performance: true, functional: true, targeting: true },
  signals: { gpc: false, dnt: false },
})}`;

const firstHtml = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(origin + path, { headers });
  expect(response.status).toBe(200);
  return response.text();
};

const trackingKeys = ['analytics_storage', 'ad_storage', 'ad_user_data', 'ad_personalization'];
/** The keys of Performance and Targeting a Consent Mode update grants. */
const trackingGrants = (keys: Record<string, string>) => Object.keys(keys).filter((key) => trackingKeys.includes(key) && keys[key] === 'granted');

/** A visitor's tab: what it logs, what it requests and what Consent Mode was told, recorded. */
async function visit({ cookie, headers, gpcInBrowser }: { cookie?: string; headers?: Record<string, string>; gpcInBrowser?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext({ extraHTTPHeaders: headers });
  if (cookie) {
    const [name, value] = cookie.split(/=(.*)/);
    await context.addCookies([{ name: name!, value: value!, url: origin }]);
  }
  if (gpcInBrowser) await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  const page: Page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // Every request of the gated stand-in tags (public/), from the start, with the page it came from.
  const analytics: string[] = [];
  const ads: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === '/analytics.js') analytics.push(page.url());
    if (pathname === '/ads.js') ads.push(page.url());
  });
  /** Every Consent Mode update pushed to dataLayer, from its `from`th entry on (from the start by default). */
  const updates = (from = 0) =>
    page.evaluate(
      (from) =>
        ((window as unknown as { dataLayer?: ArrayLike<unknown>[] }).dataLayer ?? [])
          .slice(from)
          .map((entry) => Array.from(entry))
          .filter(([command, action]) => command === 'consent' && action === 'update')
          .map(([, , keys]) => keys as Record<string, string>),
      from,
    );
  /** Where dataLayer is now: `updates(mark)` then reads only what is pushed from here on. */
  const dataLayerMark = () => page.evaluate(() => ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).length);
  // Every Consent Mode update granted anything of Performance or Targeting, read from dataLayer.
  const grants = async (from = 0) => (await updates(from)).flatMap(trackingGrants);
  const stored = async () => {
    const value = (await context.cookies(origin)).find((c) => c.name === 'cookie_consent')?.value;
    return value && decodeURIComponent(value);
  };
  /** Waits for hydration: Next's router has taken over the page. */
  const hydrated = () => page.waitForFunction(() => 'next' in window && document.readyState === 'complete');
  return { context, page, problems, analytics, ads, updates, dataLayerMark, grants, stored, hydrated, close: () => context.close() };
}

describe('examples/next, a first visit', () => {
  it('has the banner in the first HTML', async () => {
    const html = await firstHtml('/');
    expect(html).toMatch(/<section[^>]*aria-label="Cookie consent"/);
    expect(html).toContain('Accept all');
    expect(html).toContain('Not chosen yet');
  });

  it('hydrates without a console error or hydration warning, and loads no analytics before consent', async () => {
    const tab = await visit();
    await tab.page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await tab.hydrated();
    expect(await tab.page.getByRole('region', { name: 'Cookie consent' }).isVisible()).toBe(true);
    expect(tab.analytics).toEqual([]);
    expect(await tab.grants()).toEqual([]);
    expect(tab.problems).toEqual([]);
    await tab.close();
  });

  it('loads the gated analytics script once the visitor accepts, and sends the receipt', async () => {
    const tab = await visit();
    await tab.page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await tab.hydrated();
    const receipt = tab.page.waitForResponse((r) => r.url().endsWith('/api/consent') && r.request().method() === 'POST');
    await tab.page.getByRole('button', { name: 'Accept all' }).click();
    expect((await receipt).status()).toBe(200);
    await tab.page.waitForFunction(() => 'exampleAnalytics' in window && 'exampleAds' in window);
    expect(tab.analytics).toEqual([`${origin}/`]);
    expect(tab.ads).toEqual([`${origin}/`]);
    expect(await tab.grants()).toContain('analytics_storage');
    expect(tab.problems).toEqual([]);
    await tab.close();
  });
});

describe('examples/next, a returning visitor who accepted all', () => {
  it('gets no banner and the live status right in the first HTML', async () => {
    const html = await firstHtml('/', { cookie: acceptedAll });
    expect(html).not.toMatch(/aria-label="Cookie consent"/);
    expect(html).toMatch(/Performance Cookies: <!-- -->?<strong>On<\/strong>|Performance Cookies: <strong>On<\/strong>/);
    expect(html).toMatch(/Targeting\/Advertising Cookies: (<!-- -->)?<strong>On<\/strong>/);
  });

  it('hydrates every page without a console error or hydration warning', async () => {
    const tab = await visit({ cookie: acceptedAll });
    for (const path of ['/', '/cookie-policy', '/patient']) {
      await tab.page.goto(origin + path, { waitUntil: 'networkidle' });
      await tab.hydrated();
    }
    expect(tab.problems).toEqual([]);
    await tab.close();
  });

  it('is counted by the proxy, which reads consent on the server, except on a sensitive page', async () => {
    const visits = async (path: string) => (await fetch(origin + path, { headers: { cookie: acceptedAll } })).headers.getSetCookie().filter((c) => c.startsWith('example_visit='));
    expect(await visits('/')).toHaveLength(1);
    expect(await visits('/patient')).toEqual([]);
    expect((await fetch(`${origin}/`)).headers.getSetCookie().filter((c) => c.startsWith('example_visit='))).toEqual([]);
  });
});

describe('examples/next, the patient area (sensitive)', () => {
  it('runs nothing of Performance or Targeting on a full load, whatever the visitor allowed', async () => {
    const html = await firstHtml('/patient', { cookie: acceptedAll });
    expect(html).toMatch(/Performance Cookies: (<!-- -->)?<strong>Off on this page<\/strong>/);
    const tab = await visit({ cookie: acceptedAll });
    await tab.page.goto(`${origin}/patient`, { waitUntil: 'networkidle' });
    await tab.hydrated();
    expect(tab.analytics).toEqual([]);
    expect(tab.ads).toEqual([]);
    // What Consent Mode heard from the start: the visitor's decision as this page keeps it.
    const updates = await tab.updates();
    expect(updates[0]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied', functionality_storage: 'granted' });
    expect(updates.flatMap(trackingGrants)).toEqual([]);
    expect(tab.problems).toEqual([]);
    await tab.close();
  });

  it('takes them out of force before anything runs on a client-side navigation there after the visitor accepted all', async () => {
    const tab = await visit();
    await tab.page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await tab.hydrated();
    await tab.page.getByRole('button', { name: 'Accept all' }).click();
    await tab.page.waitForFunction(() => 'exampleAnalytics' in window && 'exampleAds' in window);
    expect(await tab.grants()).toEqual(expect.arrayContaining(trackingKeys));
    // From the very start of the navigation: every request and every dataLayer push.
    const requested: string[] = [];
    tab.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const start = await tab.dataLayerMark();
    // What the new page's status says the first time it is in the document (a MutationObserver
    // runs after React's commit and its layout effects, before anything later).
    await tab.page.evaluate(() => {
      const seen = ((window as unknown as { firstPatientStatus?: string[] }).firstPatientStatus = [] as string[]);
      const observer = new MutationObserver(() => {
        if (document.querySelector('main h1')?.textContent !== 'Patient area') return;
        observer.disconnect();
        seen.push(...[...document.querySelectorAll('main [data-part="status-item"]')].map((item) => `${item.textContent}`));
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await tab.page.getByRole('link', { name: 'Patient area' }).click();
    await tab.page.getByRole('heading', { name: 'Patient area' }).waitFor();
    await tab.page.getByText('Off on this page').first().waitFor();
    await tab.page.waitForTimeout(500);
    expect(await tab.page.evaluate(() => (window as unknown as { firstPatientStatus: string[] }).firstPatientStatus)).toEqual([
      'Performance Cookies: Off on this page',
      'Functional Cookies: On',
      'Targeting/Advertising Cookies: Off on this page',
    ]);
    // The first thing Consent Mode hears on the way there is the denial, and nothing is granted.
    const there = await tab.updates(start);
    expect(there[0]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' });
    expect(there.flatMap(trackingGrants)).toEqual([]);
    // No tag is requested again (Next's own chunks for the new page aside).
    expect(requested.filter((path) => !path.startsWith('/_next/') && path.endsWith('.js'))).toEqual([]);
    expect(tab.analytics).toEqual([`${origin}/`]);
    expect(tab.ads).toEqual([`${origin}/`]);
    // Leaving the page puts them back in force, and Consent Mode hears it: the checks above can fail.
    const back = await tab.dataLayerMark();
    await tab.page.getByRole('link', { name: 'Home' }).click();
    await tab.page.getByRole('heading', { name: 'Example Health' }).waitFor();
    await expect.poll(async () => (await tab.updates(back)).flatMap(trackingGrants)).toEqual(trackingKeys);
    expect(tab.problems).toEqual([]);
    await tab.close();
  });

  it('runs nothing of them after a client-side navigation there either, and does once the visitor leaves', async () => {
    const tab = await visit();
    await tab.page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await tab.hydrated();
    await tab.page.getByRole('link', { name: 'Patient area' }).click();
    await tab.page.getByRole('heading', { name: 'Patient area' }).waitFor();
    await tab.page.getByRole('button', { name: 'Accept all' }).click();
    await tab.page.getByText('Off on this page').first().waitFor();
    await tab.page.waitForTimeout(500);
    expect(tab.analytics).toEqual([]);
    expect(await tab.grants()).toEqual([]);
    expect(await tab.stored()).toMatch(/performance/);
    // The same decision takes effect on a page that is not sensitive: the check above can fail.
    await tab.page.getByRole('link', { name: 'Home' }).click();
    await tab.page.waitForFunction(() => 'exampleAnalytics' in window);
    expect(tab.analytics).toHaveLength(1);
    expect(tab.problems).toEqual([]);
    await tab.close();
  });
});

// Vercel's geolocation headers, the CDN the example trusts (app/layout.tsx, proxy.ts): the tests
// play the CDN. The same place in the headers of a CDN it does not trust, which anyone can send.
const california = { 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'CA' };
const forgedCalifornia = { 'cf-ipcountry': 'US', 'cf-region-code': 'CA' };

describe('examples/next, a visitor in California (opt-out regime, located by the trusted CDN)', () => {
  const state = (page: Page, category: string) => page.locator('[data-part="status-item"]', { hasText: category }).getAttribute('data-state');

  it('with Global Privacy Control gets the opt-out notice, "Opt-Out Request Honored" and no sale or sharing, in the first HTML and after hydration', async () => {
    const html = await firstHtml('/', { ...california, 'sec-gpc': '1' });
    expect(html).toMatch(/<section[^>]*aria-label="Privacy notice"/);
    expect(html).not.toMatch(/aria-label="Cookie consent"/);
    expect(html).toMatch(/data-part="banner-signal"[^>]*>Opt-Out Request Honored</);
    expect(html).toMatch(/data-part="status-signal"[^>]*>Opt-Out Request Honored</);
    expect(html).toMatch(/data-part="privacy-choices-signal"[^>]*>Opt-Out Request Honored</);
    // Nothing left to opt out of: the signal did it.
    expect(html).not.toContain('Opt out of sale or sharing');
    expect(html).toMatch(/Performance Cookies: (<!-- -->)?<strong>On<\/strong>/);
    expect(html).toMatch(/Targeting\/Advertising Cookies: (<!-- -->)?<strong>Off<\/strong>/);

    const tab = await visit({ headers: { ...california, 'Sec-GPC': '1' }, gpcInBrowser: true });
    await tab.page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await tab.hydrated();
    await tab.page.waitForFunction(() => 'exampleAnalytics' in window);
    const notice = tab.page.getByRole('region', { name: 'Privacy notice' });
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getByText('Opt-Out Request Honored').isVisible()).toBe(true);
    expect(await tab.page.getByRole('main').getByText('Opt-Out Request Honored').isVisible()).toBe(true);
    expect(await notice.getByRole('button', { name: 'Opt out of sale or sharing' }).count()).toBe(0);
    // The footer's "Your Privacy Choices", with the same words beside it.
    const footer = tab.page.getByRole('contentinfo');
    expect(await footer.getByRole('button', { name: 'Your Privacy Choices' }).isVisible()).toBe(true);
    expect(await footer.getByText('Opt-Out Request Honored').isVisible()).toBe(true);
    expect(await state(tab.page, 'Targeting')).toBe('unchecked');
    expect(await state(tab.page, 'Performance')).toBe('checked');
    // Performance runs before any decision under the opt-out regime; Targeting sells or shares and does not.
    expect(tab.analytics).toEqual([`${origin}/`]);
    expect(tab.ads).toEqual([]);
    expect(await tab.grants()).toEqual(['analytics_storage']);
    expect(tab.problems).toEqual([]);
    await tab.close();
  });

  it('without it gets the notice with a one-step opt-out, and Targeting runs until then (so the check above can fail)', async () => {
    const html = await firstHtml('/', california);
    expect(html).toMatch(/<section[^>]*aria-label="Privacy notice"/);
    expect(html).toContain('Opt out of sale or sharing');
    expect(html).not.toContain('Opt-Out Request Honored');
    expect(html).toMatch(/Targeting\/Advertising Cookies: (<!-- -->)?<strong>On<\/strong>/);
    const tab = await visit({ headers: california });
    await tab.page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await tab.hydrated();
    await tab.page.waitForFunction(() => 'exampleAnalytics' in window && 'exampleAds' in window);
    expect(tab.ads).toEqual([`${origin}/`]);
    expect(await tab.grants()).toEqual(expect.arrayContaining(trackingKeys));
    expect(tab.problems).toEqual([]);
    await tab.close();
  });

  it('is counted by the proxy before deciding, which reads consent with the same jurisdiction', async () => {
    const visits = async (path: string, headers: Record<string, string>) =>
      (await fetch(origin + path, { headers })).headers.getSetCookie().filter((c) => c.startsWith('example_visit='));
    expect(await visits('/', california)).toHaveLength(1);
    expect(await visits('/', { ...california, 'sec-gpc': '1' })).toHaveLength(1);
    expect(await visits('/patient', california)).toEqual([]);
    expect(await visits('/', forgedCalifornia)).toEqual([]);
  });

  it('is not believed from the headers of a CDN the site does not trust: that visitor is asked first, as one with no location is', async () => {
    for (const headers of [forgedCalifornia, { ...forgedCalifornia, 'sec-gpc': '1' }, {}]) {
      const html = await firstHtml('/', headers);
      expect(html).toMatch(/<section[^>]*aria-label="Cookie consent"/);
      expect(html).not.toContain('Privacy notice');
      expect(html).not.toContain('Your Privacy Choices');
      expect(html).toContain('Not chosen yet');
    }
  });
});

describe('examples/next, Global Privacy Control', () => {
  it('is read from the Sec-GPC header: Targeting off in the first HTML and after hydration', async () => {
    const html = await firstHtml('/', { cookie: acceptedAll, 'sec-gpc': '1' });
    expect(html).toMatch(/Targeting\/Advertising Cookies: (<!-- -->)?<strong>Off/);
    expect(html).toMatch(/Performance Cookies: (<!-- -->)?<strong>On<\/strong>/);
    const tab = await visit({ cookie: acceptedAll, headers: { 'Sec-GPC': '1' }, gpcInBrowser: true });
    await tab.page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await tab.hydrated();
    expect(await tab.grants()).not.toContain('ad_storage');
    expect(tab.problems).toEqual([]);
    await tab.close();
  });

  it("is read from the browser when no header says so: Accept all leaves Targeting off", async () => {
    const tab = await visit({ gpcInBrowser: true });
    await tab.page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await tab.hydrated();
    await tab.page.getByRole('button', { name: 'Accept all' }).click();
    await tab.page.waitForFunction(() => document.cookie.includes('cookie_consent='));
    expect(await tab.page.locator('[data-part="status-item"]', { hasText: 'Targeting' }).getAttribute('data-state')).toBe('unchecked');
    expect(await tab.grants()).not.toContain('ad_storage');
    await tab.page.waitForFunction(() => 'exampleAnalytics' in window);
    expect(tab.ads).toEqual([]);
    expect(tab.problems).toEqual([]);
    await tab.close();
  });
});

describe("examples/next, the library's client chunks", () => {
  // What the example's home page renders of the library (app/layout.tsx, app/consent-providers.tsx,
  // app/page.tsx), bundled by esbuild as `npm run size` bundles its scenarios.
  const homeParts = ['definePolicy', 'ConsentProvider', 'CookieBanner', 'PreferencesDialog', 'CookieSettingsButton', 'PrivacyChoicesLink', 'ConsentStatus', 'GoogleConsentMode', 'ConsentScript', 'ConsentReceipts'];
  const packageOf = (path: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? '@connexx/consent-ui';

  it('ship the home page within 10% of the esbuild measure of the same parts, with no policy-page code or text', async () => {
    const packages = libraryPackages(app);
    const home = await libraryChunks(origin, '/', packages);
    const esbuild: { gzip: number; inputs: string[] } = await bundle(use(homeParts));
    // Turbopack keeps whole modules: Radix Dialog's one file imports react-remove-scroll for
    // Dialog.Overlay, which this library does not render, and esbuild leaves out. Those packages
    // are reported, and are the only ones esbuild does without.
    const inEsbuild = new Set(esbuild.inputs.map(packageOf));
    const extra = [...new Set(home.pieces.map((piece) => piece.pkg))].filter((pkg) => !inEsbuild.has(pkg)).sort();
    const all = gzipOf(home.pieces);
    const same = gzipOf(home.pieces.filter((piece) => inEsbuild.has(piece.pkg)));
    console.info(
      `examples/next: library code on / ${all.gzip} B gzip (${all.raw} B min), ${same.gzip} B without ${extra.join(', ')}; ` +
        `esbuild, same parts: ${esbuild.gzip} B; npm run size shell: ${(await bundle((scenarios as Record<string, [string]>).shell![0])).gzip} B`,
    );
    expect(extra).toEqual(['get-nonce', 'react-remove-scroll', 'react-remove-scroll-bar', 'react-style-singleton', 'tslib', 'use-callback-ref', 'use-sidecar']);
    expect(home.pieces.filter((piece) => /components\/policy\/|i18n\/en-policy|i18n\/en-catalogue/.test(piece.file))).toEqual([]);
    expect(home.code).not.toContain('Understanding Cookies & Similar Technologies');
    expect(same.gzip).toBeLessThanOrEqual(esbuild.gzip * 1.1);
  });

  it('ship the policy page text on the policy page, so the checks above can fail', async () => {
    const policyPage = await libraryChunks(origin, '/cookie-policy', libraryPackages(app));
    const { gzip, raw } = gzipOf(policyPage.pieces);
    console.info(`examples/next: library code on /cookie-policy ${gzip} B gzip (${raw} B min)`);
    expect(policyPage.code).toContain('Understanding Cookies & Similar Technologies');
  });
});
