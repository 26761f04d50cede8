// The banner and the dialog at 400% zoom, the standalone parts in a dark theme on a light host
// page, and the switch in Windows High Contrast, checked in Chromium: what jsdom cannot lay out.
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, requireChromium } from './chromium';
import { bundleForBrowser, serve } from './serve';

let server: Awaited<ReturnType<typeof serve>>;
let origin: string;
let browser: Browser;

// The host's own page: white, black text, and nothing of its own that themes the library.
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connexx</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/styles.css">
<style>html, body { margin: 0; background: #fff; color: #000; font-family: sans-serif; }</style></head>
<body><div id="root"></div><script src="/page.js"></script></body></html>`;

beforeAll(async () => {
  const [pageJs, css] = await Promise.all([
    bundleForBrowser(new URL('./fixtures/layout-page.tsx', import.meta.url)),
    bundleForBrowser(new URL('../../src/styles/index.css', import.meta.url)),
  ]);
  server = await serve({ '/page.js': ['text/javascript', pageJs], '/styles.css': ['text/css', css] }, () => html);
  origin = server.origin;
  browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(query: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`${origin}/?${query}`);
  await tab.waitForFunction(() => window.__ready === true);
  return { context, tab, errors };
}

/** Wholly inside the viewport, and what a pointer at its centre lands on. */
const inView = (target: Locator) =>
  target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && !!hit && el.contains(hit);
  });

/** Scrolls the way the browser does to show an element (find in page, focus), then checks it. */
async function expectReachable(target: Locator) {
  await target.scrollIntoViewIfNeeded({ timeout: 5_000 }).catch(() => undefined);
  expect(await inView(target), `${await target.textContent()} can be brought into view`).toBe(true);
}

// WCAG 1.4.10: 1280x1024 at 400% zoom is 320x256 CSS px.
const zoomed = { viewport: { width: 320, height: 256 } };

describe('the preferences dialog at 400% zoom (320x256)', () => {
  it('scrolls as a whole, so its title, its close button and all three choices can be reached', async () => {
    const { context, tab, errors } = await visit('view=dialog', zoomed);
    const dialog = tab.getByRole('dialog', { name: 'Cookie preferences' });
    await expect(dialog.isVisible()).resolves.toBe(true);
    const choices = ['Reject all', 'Accept all', 'Save choices'].map((name) => dialog.getByRole('button', { name }));

    // A person scrolls with the wheel over the dialog, down to its end and back up to its top.
    const box = (await dialog.boundingBox())!;
    await tab.mouse.move(box.x + box.width / 2, Math.max(box.y, 0) + 40);
    for (let i = 0; i < 12; i++) await tab.mouse.wheel(0, 400);
    await expect.poll(() => inView(choices[2]!), { message: 'Save choices after scrolling down' }).toBe(true);
    for (const choice of choices) expect(await inView(choice), `${await choice.textContent()} after scrolling down`).toBe(true);
    for (let i = 0; i < 12; i++) await tab.mouse.wheel(0, -400);
    await expect.poll(() => inView(dialog.getByRole('heading', { name: 'Cookie preferences' })), { message: 'the title after scrolling up' }).toBe(true);
    expect(await inView(dialog.getByRole('button', { name: 'Close' }))).toBe(true);

    for (const choice of choices) await expectReachable(choice);
    await expectReachable(dialog.getByRole('switch', { name: 'Targeting/Advertising Cookies' }));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the preferences dialog at 400% zoom (320x256), by keyboard', () => {
  const focused = (tab: Page) => tab.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

  it('brings the control focus wraps to into view: Shift+Tab from Close to Save choices, Tab back to Close', async () => {
    const { context, tab, errors } = await visit('view=dialog', zoomed);
    const dialog = tab.getByRole('dialog', { name: 'Cookie preferences' });
    const close = dialog.getByRole('button', { name: 'Close' });
    const save = dialog.getByRole('button', { name: 'Save choices' });
    await expect.poll(() => focused(tab)).toBe('Close');
    await tab.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(tab)).toBe('Save choices');
    expect(await inView(save), 'Save choices, focused by Shift+Tab from Close').toBe(true);
    await tab.keyboard.press('Tab');
    await expect.poll(() => focused(tab)).toBe('Close');
    expect(await inView(close), 'Close, focused by Tab from Save choices').toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps every control it stops at in view, all the way round', async () => {
    const { context, tab } = await visit('view=dialog', zoomed);
    const dialog = tab.getByRole('dialog', { name: 'Cookie preferences' });
    await expect.poll(() => focused(tab)).toBe('Close');
    const outOfView: string[] = [];
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 12; i++) {
        await tab.keyboard.press(key);
        const visible = await tab.evaluate(() => {
          const r = document.activeElement!.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        });
        if (!visible) outOfView.push(`${key} to ${await focused(tab)}`);
      }
    }
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(outOfView).toEqual([]);
    await context.close();
  });
});

describe('the preferences dialog at a normal size', () => {
  it('keeps its header and its choices in view while only its body scrolls', async () => {
    const { context, tab } = await visit('view=dialog', { viewport: { width: 1024, height: 600 } });
    const dialog = tab.getByRole('dialog', { name: 'Cookie preferences' });
    const body = dialog.locator('[data-part="dialog-body"]');
    expect(await body.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await body.hover();
    await tab.mouse.wheel(0, 300);
    await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect(await dialog.evaluate((el) => el.scrollTop)).toBe(0);
    expect(await inView(dialog.getByRole('heading', { name: 'Cookie preferences' }))).toBe(true);
    for (const name of ['Reject all', 'Accept all', 'Save choices']) expect(await inView(dialog.getByRole('button', { name }))).toBe(true);
    await context.close();
  });
});

describe.each(['bar', 'box'])('the cookie banner (%s) at 400% zoom (320x256)', (layout) => {
  it('takes its room in the page instead of covering it, so its heading and each of its buttons can be brought fully into view', async () => {
    const { context, tab, errors } = await visit(`view=banner&layout=${layout}`, zoomed);
    const banner = tab.getByRole('region', { name: 'Cookie consent' });
    await expect(banner.isVisible()).resolves.toBe(true);
    expect(await banner.evaluate((el) => getComputedStyle(el).position)).not.toBe('fixed');
    expect(await tab.evaluate(() => document.documentElement.style.scrollPaddingBottom)).toBe('0px');
    await expectReachable(banner.getByRole('heading', { name: 'We use cookies' }));
    for (const name of ['Accept all', 'Reject all', 'Customize']) await expectReachable(banner.getByRole('button', { name }));
    await expectReachable(banner.getByRole('heading', { name: 'We use cookies' }));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the standalone parts on a white host page, for a visitor in dark mode', () => {
  it('paint the dark background their light text was chosen for: axe finds no contrast failure', async () => {
    const { context, tab } = await visit('view=standalone', { colorScheme: 'dark' });
    // The dark tokens are in force (light text), while the host's page stays white.
    const [text, page] = await tab.evaluate(() => [
      getComputedStyle(document.querySelector('[data-part="policy-section"]')!).color,
      getComputedStyle(document.body).backgroundColor,
    ]);
    expect(text).toBe('rgb(238, 241, 246)');
    expect(page).toBe('rgb(255, 255, 255)');
    const result = await new AxeBuilder({ page: tab }).include('main').withRules(['color-contrast']).analyze();
    const failures = result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`));
    expect(failures).toEqual([]);
    expect(result.passes.flatMap((v) => v.nodes).length).toBeGreaterThan(50);
    await context.close();
  });
});

describe('the category switches in forced colours (Windows High Contrast)', () => {
  const colours = (target: Locator) =>
    target.evaluate((el) => {
      const track = getComputedStyle(el);
      const thumb = getComputedStyle(el.querySelector('[data-part="switch-thumb"]')!);
      return { track: track.backgroundColor, border: track.borderColor, thumb: thumb.backgroundColor };
    });

  it('tells on from off by colour as well as position, and keeps a visible focus ring', async () => {
    const { context, tab, errors } = await visit('view=dialog', { forcedColors: 'active', viewport: { width: 900, height: 700 } });
    expect(await tab.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    const on = tab.getByRole('switch', { name: 'Functional Cookies' });
    const off = tab.getByRole('switch', { name: 'Performance Cookies' });
    await on.click();
    await expect(on.getAttribute('aria-checked')).resolves.toBe('true');
    await expect(off.getAttribute('aria-checked')).resolves.toBe('false');
    const [checked, unchecked] = [await colours(on), await colours(off)];
    // The thumb stands out from its track in both states, and the two states look different.
    expect(checked.thumb).not.toBe(checked.track);
    expect(unchecked.thumb).not.toBe(unchecked.track);
    expect(checked.track).not.toBe(unchecked.track);
    expect(checked.thumb).not.toBe(unchecked.thumb);

    // Keyboard focus: a solid ring in a colour of the visitor's palette that stands out from Canvas
    // (an author colour kept as it is could vanish in a dark palette).
    await tab.keyboard.press('Shift+Tab');
    await tab.keyboard.press('Tab');
    await expect(on.evaluate((el) => el === document.activeElement && el.matches(':focus-visible'))).resolves.toBe(true);
    const { ring, palette } = await on.evaluate((el) => {
      const s = getComputedStyle(el);
      const probe = document.body.appendChild(document.createElement('span'));
      const system = (colour: string) => ((probe.style.color = colour), getComputedStyle(probe).color);
      const palette = { canvas: system('Canvas'), canvasText: system('CanvasText'), highlight: system('Highlight') };
      probe.remove();
      return { ring: { style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor }, palette };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect([palette.canvasText, palette.highlight]).toContain(ring.colour);
    expect(ring.colour).not.toBe(palette.canvas);
    expect(errors).toEqual([]);
    await context.close();
  });
});
