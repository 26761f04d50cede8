// Script gating on pages whose CSP requires Trusted Types: assigning a plain string to a script's
// src or text throws there, so the library must hand over trusted values (its own policy, one the
// host names, or the host's default policy), and a load that still fails must leave the page up.
import type { IncomingMessage } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, requireChromium } from './chromium';
import { bundleForBrowser, serve } from './serve';

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

// The host's own default policy, as a page that adopted Trusted Types before this library would have one.
const defaultPolicy = `<script>window.defaultPolicyUses = 0;
trustedTypes.createPolicy('default', {
  createScriptURL: (url) => (window.defaultPolicyUses++, url),
  createScript: (code) => (window.defaultPolicyUses++, code),
});</script>`;

const pages: Record<string, { csp: string; head?: string }> = {
  '/library-policy': { csp: "require-trusted-types-for 'script'; trusted-types consent-ui" },
  '/host-named': { csp: "require-trusted-types-for 'script'; trusted-types host-scripts" },
  '/host-default': { csp: "require-trusted-types-for 'script'; trusted-types default", head: defaultPolicy },
  '/no-policy-allowed': { csp: "require-trusted-types-for 'script'; trusted-types 'none'" },
};

function page(request: IncomingMessage) {
  const { pathname } = new URL(request.url!, 'http://x');
  const { head = '' } = pages[pathname] ?? {};
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trusted Types</title>${head}</head><body>
<div id="root"></div>
<script type="text/plain" data-category="performance" data-src="/placeholder.js"></script>
<script type="text/plain" data-category="performance">window.inlineRuns = (window.inlineRuns || 0) + 1</script>
<script src="/app.js"></script></body></html>`;
}

beforeAll(async () => {
  const app = await bundleForBrowser(new URL('./fixtures/trusted-types-page.tsx', import.meta.url), { target: 'chrome120' });
  server = await serve(
    {
      '/app.js': ['text/javascript', app],
      '/gated.js': ['text/javascript', 'window.gatedRuns = (window.gatedRuns || 0) + 1;'],
      '/placeholder.js': ['text/javascript', 'window.placeholderRuns = (window.placeholderRuns || 0) + 1;'],
    },
    page,
    (request) => ({ 'content-security-policy': pages[new URL(request.url!, 'http://x').pathname]?.csp ?? '' }),
  );
  browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  tab: Page;
  /** Uncaught errors and console errors, as a developer would see them. */
  problems: string[];
}

async function visit(context: BrowserContext, path: string): Promise<Visit> {
  const tab = await context.newPage();
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await tab.goto(server.origin + path);
  await tab.waitForFunction(() => !!window.ttPage);
  return { tab, problems };
}

const runs = (tab: Page) =>
  tab.evaluate(() => {
    const w = window as unknown as Record<string, number | undefined>;
    return { gated: w.gatedRuns ?? 0, placeholder: w.placeholderRuns ?? 0, inline: w.inlineRuns ?? 0 };
  });
const rootChildren = (tab: Page) => tab.evaluate(() => document.getElementById('root')!.childElementCount);
const ran = { gated: 1, placeholder: 1, inline: 1 };

describe("under Content-Security-Policy: require-trusted-types-for 'script'", () => {
  it("loads gated scripts through the library's policy (consent-ui), and keeps the page rendered on reload with the grant stored", async () => {
    const context = await browser.newContext();
    const { tab, problems } = await visit(context, '/library-policy');
    expect(await runs(tab)).toEqual({ gated: 0, placeholder: 0, inline: 0 });
    await tab.evaluate(() => window.ttPage.store.acceptAll());
    await expect.poll(() => runs(tab)).toEqual(ran);
    expect(await rootChildren(tab)).toBe(1);

    await tab.reload();
    await tab.waitForFunction(() => !!window.ttPage);
    await expect.poll(() => runs(tab)).toEqual(ran);
    expect(await tab.getByRole('heading', { name: 'Connexx shop' }).isVisible()).toBe(true);
    expect(await rootChildren(tab)).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('uses the policy the host names, where the CSP allows only that name', async () => {
    const context = await browser.newContext();
    const { tab, problems } = await visit(context, '/host-named?policy=host-scripts');
    await tab.evaluate(() => window.ttPage.store.acceptAll());
    await expect.poll(() => runs(tab)).toEqual(ran);
    expect(await tab.evaluate(() => window.ttPage.errors)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("leaves the host's own default policy in charge where the CSP allows no other", async () => {
    const context = await browser.newContext();
    const { tab, problems } = await visit(context, '/host-default');
    await tab.evaluate(() => window.ttPage.store.acceptAll());
    await expect.poll(() => runs(tab)).toEqual(ran);
    // One src each for ConsentScript and the placeholder, and the inline code.
    expect(await tab.evaluate(() => (window as unknown as { defaultPolicyUses: number }).defaultPolicyUses)).toBe(3);
    // Chromium reports the refused `consent-ui` policy as a CSP violation; nothing else may go wrong.
    expect(problems.filter((p) => !p.startsWith("Creating a TrustedTypePolicy named 'consent-ui' violates"))).toEqual([]);
    await context.close();
  });

  it('reports a load that no policy allows once, runs nothing, and keeps the page rendered', async () => {
    const context = await browser.newContext();
    const { tab, problems } = await visit(context, '/no-policy-allowed');
    await tab.evaluate(() => window.ttPage.store.acceptAll());
    await tab.evaluate(() => window.ttPage.store.rejectAll());
    await tab.evaluate(() => window.ttPage.store.acceptAll());
    expect(await runs(tab)).toEqual({ gated: 0, placeholder: 0, inline: 0 });
    expect(await rootChildren(tab)).toBe(1);
    expect(problems.filter((p) => p.startsWith('uncaught'))).toEqual([]);
    const reports = problems.filter((p) => p.startsWith('[consent-ui]'));
    expect(reports).toHaveLength(3);
    expect(reports.every((p) => /could not (load|run) .*Trusted Types/.test(p))).toBe(true);
    expect(await tab.evaluate(() => window.ttPage.errors.length)).toBe(3);
    await context.close();
  });
});
