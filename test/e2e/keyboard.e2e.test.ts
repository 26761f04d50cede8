// The Connexx cookie policy page (the Storybook page) walked with Tab and Shift+Tab in Chromium at
// desktop, phone and zoomed sizes: the focused element must never be hidden behind the cookie
// banner or the site's sticky header (WCAG 2.4.11, Focus Not Obscured).
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, requireChromium } from './chromium';
import { bundleForBrowser, serve } from './serve';

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cookie Policy | Connexx</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/styles.css">
<link rel="stylesheet" href="/site.css"><style>body { margin: 0; }</style></head>
<body><div id="root"></div><script src="/page.js"></script></body></html>`;

beforeAll(async () => {
  const [pageJs, css, siteCss] = await Promise.all([
    // The site's stylesheet is imported by the page's module; it is served on its own here.
    bundleForBrowser(new URL('./fixtures/connexx-page.tsx', import.meta.url), { loader: { '.css': 'empty' } }),
    bundleForBrowser(new URL('../../src/styles/index.css', import.meta.url)),
    bundleForBrowser(new URL('../../stories/pages/connexx-site.css', import.meta.url)),
  ]);
  server = await serve(
    { '/page.js': ['text/javascript', pageJs], '/styles.css': ['text/css', css], '/site.css': ['text/css', siteCss] },
    () => html,
  );
  browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(viewport: { width: number; height: number }, query = '') {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`${server.origin}/${query}`);
  await tab.waitForFunction(() => window.__ready === true);
  return { context, tab, errors };
}

interface Stop {
  name: string;
  /** Of 9 points spread over the element, how many show the element itself (not something over it). */
  seen: number;
  /** What covers the points that do not, e.g. "banner", "header". */
  under: string[];
  /** Its top and bottom edge in the viewport. */
  edges: string;
}

/** Where focus is and how much of it a sighted keyboard user can see. */
const focusStop = (tab: Page) =>
  tab.evaluate((): Stop | null => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40) || el.tagName;
    let seen = 0;
    const under = new Set<string>();
    for (const x of [0.1, 0.5, 0.9]) {
      for (const y of [0.1, 0.5, 0.9]) {
        const [px, py] = [r.left + r.width * x, r.top + r.height * y];
        if (px < 0 || py < 0 || px >= innerWidth || py >= innerHeight) continue;
        const hit = document.elementFromPoint(px, py);
        if (hit && el.contains(hit)) seen++;
        else if (hit?.closest('[data-part="banner"]')) under.add('banner');
        else if (hit?.closest('.cx-header')) under.add('header');
      }
    }
    return { name, seen, under: [...under], edges: `${Math.round(r.top)}..${Math.round(r.bottom)} of ${innerHeight}` };
  });

/** Every stop of one full round of Tab (or Shift+Tab), from where focus is now. */
async function walk(tab: Page, key: 'Tab' | 'Shift+Tab') {
  const stops: Stop[] = [];
  await tab.evaluate(() => (window as unknown as { __visited: WeakSet<Element> }).__visited = new WeakSet());
  for (let i = 0; i < 150; i++) {
    await tab.keyboard.press(key);
    const first = await tab.evaluate(() => {
      const visited = (window as unknown as { __visited: WeakSet<Element> }).__visited;
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const again = visited.has(el);
      visited.add(el);
      return !again;
    });
    if (first === false) break;
    const stop = await focusStop(tab);
    if (stop) stops.push(stop);
  }
  return stops;
}

/** How much of the viewport's height the banner covers halfway down the page, in per cent. */
const bannerShare = (tab: Page) =>
  tab.evaluate(() => {
    const banner = document.querySelector('[data-part="banner"]')!;
    scrollTo(0, document.documentElement.scrollHeight / 2);
    const r = banner.getBoundingClientRect();
    const share = Math.round((100 * Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0))) / innerHeight);
    scrollTo(0, 0);
    return share;
  });

const sizes = [
  ['400% zoom', { width: 320, height: 256 }],
  ['300% zoom', { width: 427, height: 341 }],
  ['200% zoom', { width: 640, height: 400 }],
  ['a phone', { width: 360, height: 640 }],
  ['a desktop', { width: 1280, height: 800 }],
] as const;

describe.each(sizes)('the Connexx page on a first visit, at %s (%o)', (_, viewport) => {
  it('never hides the focused element behind the banner or the header, tabbing forwards or backwards', async () => {
    const { context, tab, errors } = await visit(viewport);
    await expect.poll(() => tab.getByRole('region', { name: 'Cookie consent' }).isVisible()).toBe(true);
    const share = await bannerShare(tab);
    const forwards = await walk(tab, 'Tab');
    const backwards = await walk(tab, 'Shift+Tab');
    console.info(`${viewport.width}x${viewport.height}: halfway down the page the banner covers ${share}% of the viewport; ${forwards.length} stops`);
    // Fixed over the page or in its flow, it leaves most of the page to read and to move focus in.
    expect(share).toBeLessThanOrEqual(60);
    // The banner's own buttons, the site's links, the policy's controls and the footer.
    expect(forwards.length).toBeGreaterThan(40);
    expect(backwards.length).toBe(forwards.length);
    const hidden = [...forwards, ...backwards].filter((stop) => stop.seen === 0);
    expect(hidden.map((stop) => `${stop.name} at ${stop.edges} (under ${stop.under.join(', ') || 'nothing: out of view'})`)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.each(sizes)('the Connexx page after a decision, at %s (%o)', (_, viewport) => {
  it("shows each focused link whole, clear of the site's sticky header, tabbing backwards", async () => {
    const { context, tab, errors } = await visit(viewport, '?decided');
    await expect(tab.getByRole('region', { name: 'Cookie consent' }).count()).resolves.toBe(0);
    // From the end of the page back to its top (Shift+Tab from the page itself starts at its last
    // link): Chromium scrolls each link in at the top edge.
    const backwards = await walk(tab, 'Shift+Tab');
    expect(backwards.length).toBeGreaterThan(35);
    const covered = backwards.filter((stop) => stop.under.length > 0 || stop.seen === 0);
    expect(covered.map((stop) => `${stop.name}: ${stop.seen}/9 seen at ${stop.edges}, under ${stop.under.join(', ') || 'nothing'}`)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
