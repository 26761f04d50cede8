// Server-rendered with renderToString, hydrated with hydrateRoot, watched in Chromium: the banner
// must be right in the first HTML, never flash, never shift the layout, and hydrate cleanly.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/core';
import { HydrationApp } from './fixtures/hydration-app';
import { chromiumArgs, requireChromium } from './chromium';
import { bundleForBrowser, serve } from './serve';

let server: Awaited<ReturnType<typeof serve>>;
let origin: string;
let browser: Browser;

const storedDecision = encodeRecord({
  id: '5f0c2a1e-7b3d-4c6f-9a8e-1d2b3c4d5e6f',
  revision: '2025-11-25',
  decidedAt: new Date().toISOString(),
  method: 'custom',
  choices: { essential: true, performance: true, functional: false, targeting: false },
  signals: { gpc: false, dnt: false },
});

const page = (cookieHeader: string, bannerPosition?: 'top') => {
  const html = renderToString(createElement(HydrationApp, { cookieHeader, bannerPosition }));
  // The header travels to the client the way a framework passes server props: as escaped JSON.
  const header = JSON.stringify(cookieHeader).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connexx</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/styles.css"></head>
<body><div id="root">${html}</div><script>window.__COOKIE_HEADER__ = ${header};${bannerPosition ? ` window.__BANNER_POSITION__ = "${bannerPosition}";` : ''}</script><script src="/client.js"></script></body></html>`;
};

beforeAll(async () => {
  const [clientJs, css] = await Promise.all([
    bundleForBrowser(new URL('./fixtures/hydration-client.tsx', import.meta.url)),
    bundleForBrowser(new URL('../../src/styles/index.css', import.meta.url)),
  ]);
  server = await serve({ '/client.js': ['text/javascript', clientJs], '/styles.css': ['text/css', css] }, (req) =>
    page(req.headers.cookie ?? '', req.url === '/?banner=top' ? 'top' : undefined),
  );
  origin = server.origin;
  browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the page with a watcher installed before the first byte is parsed. */
async function visit(context: BrowserContext, path = '/') {
  const tab = await context.newPage();
  const console: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.push(message.text());
  });
  tab.on('pageerror', (error) => console.push(error.message));
  await tab.addInitScript(() => {
    const w = window as unknown as { __bannerSeen: boolean; __shift: number };
    w.__bannerSeen = false;
    w.__shift = 0;
    new MutationObserver(() => {
      if (document.querySelector('[data-part="banner"]')) w.__bannerSeen = true;
    }).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.__shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const response = await tab.goto(origin + path);
  const firstHtml = await response!.text();
  await tab.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
  await tab.waitForTimeout(300);
  return { tab, firstHtml, console };
}

/** Tabs through the page; no focused element outside the banner may be under the banner. */
async function expectFocusNeverCovered(tab: Page) {
  await tab.setViewportSize({ width: 1024, height: 640 });
  let checked = 0;
  for (let i = 0; i < 40; i++) {
    await tab.keyboard.press('Tab');
    const covered = await tab.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const banner = document.querySelector('[data-part="banner"]');
      if (!el || el === document.body || banner?.contains(el)) return null;
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!hit && !!banner?.contains(hit);
    });
    if (covered === null) continue;
    checked++;
    expect(covered).toBe(false);
  }
  expect(checked).toBeGreaterThan(10);
}

describe('a server-rendered page, given a stored decision', () => {
  it('never shows the banner, not even for one frame, and the first HTML has the live status', async () => {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'cookie_consent', value: storedDecision, url: origin }]);
    const { tab, firstHtml, console } = await visit(context);
    expect(firstHtml).not.toContain('data-part="banner"');
    expect(firstHtml).toContain('Performance Cookies: <strong>On</strong>');
    expect(firstHtml).toContain('Functional Cookies: <strong>Off</strong>');
    expect(await tab.evaluate(() => (window as unknown as { __bannerSeen: boolean }).__bannerSeen)).toBe(false);
    expect(await tab.getByRole('region', { name: 'Cookie consent' }).count()).toBe(0);
    expect(console).toEqual([]);
    await context.close();
  });
});

describe('a server-rendered page, on a first visit', () => {
  it('has the banner in the first HTML, hydrates cleanly, shifts no layout, and never covers the focused element', async () => {
    const context = await browser.newContext();
    const { tab, firstHtml, console } = await visit(context);
    expect(firstHtml).toMatch(/<section[^>]*aria-label="Cookie consent"/);
    expect(firstHtml).toContain('optional cookies are off until you choose');
    await expect(tab.getByRole('region', { name: 'Cookie consent' }).isVisible()).resolves.toBe(true);
    expect(console).toEqual([]);
    const shift = await tab.evaluate(() => (window as unknown as { __shift: number }).__shift);
    expect(shift).toBe(0);
    // The banner overlays the page: the main content starts where it would without it.
    const [bannerPosition, mainTop] = await tab.evaluate(() => [
      getComputedStyle(document.querySelector('[data-part="banner"]')!).position,
      document.querySelector('main')!.getBoundingClientRect().top,
    ]);
    expect(bannerPosition).toBe('fixed');
    expect(mainTop).toBeLessThan(120);
    // WCAG 2.4.11: tabbing through the page, no focused element ends up under the fixed banner.
    await expectFocusNeverCovered(tab);
    // Deciding works after hydration and writes the cookie the next request carries.
    await tab.getByRole('button', { name: 'Reject all' }).click();
    await expect(tab.getByRole('status').first().textContent()).resolves.toContain("You've rejected additional cookies");
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'cookie_consent')?.value).toMatch(/^3\|/);
    await context.close();
  });
});

describe('a server-rendered page with the banner at the top', () => {
  it('has the banner above the header in the flow: no layout shift, and the header link is never covered', async () => {
    const context = await browser.newContext();
    const { tab, firstHtml, console } = await visit(context, '/?banner=top');
    expect(firstHtml).toMatch(/<section[^>]*aria-label="Cookie consent"[^>]*data-position="top"/);
    expect(console).toEqual([]);
    expect(await tab.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
    const [bannerBottom, headerLinkTop] = await tab.evaluate(() => [
      document.querySelector('[data-part="banner"]')!.getBoundingClientRect().bottom,
      document.querySelector('header a')!.getBoundingClientRect().top,
    ]);
    expect(headerLinkTop).toBeGreaterThanOrEqual(bannerBottom);
    await expectFocusNeverCovered(tab);
    await context.close();
  });
});

describe('the preferences dialog, in a real browser with classic scrollbars', () => {
  // Headless Chromium hides scrollbars by default; with them shown, hiding the page's overflow
  // would widen the page by the scrollbar's width unless its gutter is kept.
  let withScrollbars: Browser;
  beforeAll(async () => {
    withScrollbars = await chromium.launch({
      executablePath: requireChromium(),
      args: chromiumArgs,
      ignoreDefaultArgs: ['--hide-scrollbars'],
      headless: true,
    });
  });
  afterAll(() => withScrollbars?.close());

  it('holds the page still behind it, scrolls its own body, and closes from the backdrop saving nothing', async () => {
    const context = await withScrollbars.newContext({ viewport: { width: 1024, height: 420 } });
    await context.addCookies([{ name: 'cookie_consent', value: storedDecision, url: origin }]);
    const { tab, console } = await visit(context);
    const box = () => tab.evaluate(() => {
      const { left, width } = document.querySelector('main')!.getBoundingClientRect();
      return { left, width, y: scrollY, overflow: document.documentElement.style.overflow };
    });
    const before = await box();
    expect(await tab.evaluate(() => innerWidth - document.documentElement.clientWidth)).toBeGreaterThan(0);
    const opener = tab.getByRole('contentinfo').getByRole('button', { name: 'Cookie Settings' });
    await opener.click();
    const dialog = tab.getByRole('dialog', { name: 'Cookie preferences' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    const open = await box();
    expect(open.overflow).toBe('hidden');
    expect([open.left, open.width]).toEqual([before.left, before.width]);

    // The wheel over the backdrop moves nothing (the footer's button left the page at its end, so
    // upwards); over the dialog's body it scrolls that body.
    expect(open.y).toBeGreaterThan(300);
    await tab.mouse.move(8, 8);
    await tab.mouse.wheel(0, -600);
    await tab.waitForTimeout(150);
    expect((await box()).y).toBe(open.y);
    const body = dialog.locator('[data-part="dialog-body"]');
    const bodyBox = (await body.boundingBox())!;
    await tab.mouse.move(bodyBox.x + bodyBox.width / 2, bodyBox.y + bodyBox.height / 2);
    await tab.mouse.wheel(0, 200);
    await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect((await box()).y).toBe(open.y);

    // A click on the backdrop closes without saving; focus goes back to the button, and the page
    // scrolls again, without having moved sideways at any point.
    await tab.mouse.click(8, 8);
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await context.cookies()).find((c) => c.name === 'cookie_consent')?.value).toBe(storedDecision);
    await expect(opener.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const closed = await box();
    expect(closed).toEqual({ ...open, overflow: '' });
    await tab.mouse.move(8, 8);
    await tab.mouse.wheel(0, -300);
    await expect.poll(async () => (await box()).y).toBeLessThan(open.y);
    expect(console).toEqual([]);
    await context.close();
  });
});
