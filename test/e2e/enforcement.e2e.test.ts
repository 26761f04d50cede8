import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentModeDefaultsScript, type ConsentRecord, type ConsentState, type ConsentStore } from '../../src/core';
import { policy } from '../fixtures/policies';
import { chromiumArgs, requireChromium } from './chromium';
import { bundleForBrowser } from './serve';

/** What the fixture page exposes as `window.consent`. */
interface PageConsent {
  store: ConsentStore;
  changes: { at: number; state: ConsentState }[];
  now(): number;
}
declare global {
  interface Window {
    consent: PageConsent;
    dataLayer?: unknown[];
    gatedRuns?: number;
    placeholderRuns?: number;
    inlineRuns?: number;
  }
}

interface Arrival {
  id: string;
  status: number | 'held';
}

/** Per receipts endpoint: how it answers, and every POST that reached it. */
class ReceiptBucket {
  arrivals: Arrival[] = [];
  failuresLeft = 0;
  holding = false;
  held: { arrival: Arrival; res: ServerResponse }[] = [];
  accepted = (id: string) => this.arrivals.filter((a) => a.id === id && typeof a.status === 'number' && a.status < 300).length;
}

let server: Server;
let browser: Browser;
let origin: string;
const requests = new Map<string, number>();
const buckets = new Map<string, ReceiptBucket>();
const bucket = (name: string) => buckets.get(name) ?? buckets.set(name, new ReceiptBucket()).get(name)!;

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Enforcement</title>
<script>${consentModeDefaultsScript(policy)}</script></head><body>
<script type="text/plain" data-category="performance" data-src="/placeholder.js"></script>
<script src="/app.js"></script></body></html>`;

// The same page under a header-delivered CSP that runs only scripts carrying its nonce: Chromium
// then hides every nonce attribute (it reads as empty), and only the `nonce` property keeps it.
const NONCE = 'n0nce-e2e';
const cspHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Enforcement under CSP</title>
<script nonce="${NONCE}">${consentModeDefaultsScript(policy)}</script></head><body>
<script type="text/plain" data-category="performance" data-src="/placeholder.js" nonce="${NONCE}"></script>
<script type="text/plain" data-category="performance" nonce="${NONCE}">window.inlineRuns = (window.inlineRuns || 0) + 1</script>
<script src="/app.js" nonce="${NONCE}"></script></body></html>`;

async function respond(req: IncomingMessage, res: ServerResponse, app: string) {
  const url = new URL(req.url!, 'http://x');
  requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1);
  const send = (status: number, type: string, body = '') => res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  if (url.pathname === '/app.js') return send(200, 'text/javascript', app);
  if (url.pathname === '/gated.js') return send(200, 'text/javascript', 'window.gatedRuns = (window.gatedRuns || 0) + 1;');
  if (url.pathname === '/placeholder.js') return send(200, 'text/javascript', 'window.placeholderRuns = (window.placeholderRuns || 0) + 1;');
  if (url.pathname.startsWith('/receipts/') && req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const b = bucket(url.pathname);
    const arrival: Arrival = { id: (JSON.parse(body) as ConsentRecord).id, status: 'held' };
    b.arrivals.push(arrival);
    if (b.holding) return void b.held.push({ arrival, res });
    arrival.status = b.failuresLeft-- > 0 ? 503 : 201;
    return send(arrival.status, 'text/plain');
  }
  if (url.pathname === '/csp') {
    return res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': `script-src 'nonce-${NONCE}'` })
      .end(cspHtml);
  }
  if (req.method === 'GET' && !url.pathname.includes('.')) return send(200, 'text/html; charset=utf-8', html);
  send(404, 'text/plain');
}

beforeAll(async () => {
  const app = await bundleForBrowser(new URL('./fixtures/enforcement-page.ts', import.meta.url), { target: 'chrome120' });
  server = createServer((req, res) => void respond(req, res, app).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // Real host names, so the cleaner's Domain variants meet real parent domains.
  origin = `http://www.shop.connexx.test:${port}`;
  browser = await chromium.launch({
    executablePath: requireChromium(),
    args: [...chromiumArgs, '--host-resolver-rules=MAP *.connexx.test 127.0.0.1', '--no-proxy-server'],
    headless: true,
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function open(context: BrowserContext, path = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(origin + path);
  await page.waitForFunction(() => !!window.consent);
  return page;
}

const dataLayerOf = (page: Page) =>
  page.evaluate(() =>
    (window.dataLayer ?? []).map((entry) => ({
      isArguments: Object.prototype.toString.call(entry) === '[object Arguments]',
      args: Array.from(entry as ArrayLike<unknown>),
    })),
  );

describe('enforcement in Chromium', () => {
  it('deletes _ga and _ga_X1, set by a page script on several paths and domains, when Performance is withdrawn', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/shop/cart/');
    await page.evaluate(() => window.consent.store.acceptAll());
    await page.evaluate(() => {
      for (const cookie of [
        '_ga=GA1.1; Path=/',
        '_ga=GA1.2; Path=/; Domain=.connexx.test',
        '_ga=GA1.3; Path=/shop; Domain=.shop.connexx.test',
        '_ga_X1=GS1.1',
        '_ga_X1=GS1.2; Path=/shop/cart/',
        '_ga_X1=GS1.3; Path=/; Domain=.www.shop.connexx.test',
        'session_id=s1; Path=/',
        'theme=dark; Path=/',
      ]) document.cookie = cookie;
    });
    // document.cookie reaches the browser's cookie store asynchronously, hence polling.
    const names = async () => (await context.cookies()).map((c) => c.name).sort();
    await expect.poll(names).toEqual(['_ga', '_ga', '_ga', '_ga_X1', '_ga_X1', '_ga_X1', 'cookie_consent', 'session_id', 'theme']);

    await page.evaluate(() => window.consent.store.setCategory('performance', false));
    await expect.poll(names).toEqual(['cookie_consent', 'session_id', 'theme']);
    expect(await page.evaluate(() => document.cookie.split('; ').map((c) => c.split('=')[0]).sort())).toEqual(['cookie_consent', 'session_id', 'theme']);
    await context.close();
  });

  it('deletes on load the _ga cookies left from before a policy revision bump, then keeps them off after "Reject all"', async () => {
    const context = await browser.newContext();
    const url = origin + '/';
    await context.addCookies([
      // A decision of revision 2 that allowed Performance; the policy is at revision 3 now.
      { name: 'cookie_consent', value: '1|a1b2c3d4-0000-4000-8000-000000000009|2|' + Date.now().toString(36) + '|c|0|essential:1.performance:1.functional:0.targeting:0', url },
      { name: '_ga', value: 'GA1.1', domain: '.connexx.test', path: '/' },
      { name: '_ga_X1', value: 'GS1.1', url },
      { name: 'session_id', value: 's1', url },
    ]);
    const page = await open(context, '/');
    expect(await page.evaluate(() => window.consent.store.getState().status)).toBe('pending');
    const names = async () => (await context.cookies()).map((c) => c.name).sort();
    await expect.poll(names).toEqual(['cookie_consent', 'session_id']);
    await page.evaluate(() => window.consent.store.rejectAll());
    await expect.poll(names).toEqual(['cookie_consent', 'session_id']);
    await context.close();
  });

  it('loads a gated script only after consent, once per page, and never on a sensitive page', async () => {
    requests.clear();
    const context = await browser.newContext();
    const page = await open(context);
    await page.waitForTimeout(200);
    expect([requests.get('/gated.js') ?? 0, requests.get('/placeholder.js') ?? 0]).toEqual([0, 0]);
    expect(await page.evaluate(() => [window.gatedRuns ?? 0, window.placeholderRuns ?? 0])).toEqual([0, 0]);

    await page.evaluate(() => window.consent.store.acceptAll());
    await page.waitForFunction(() => window.gatedRuns === 1 && window.placeholderRuns === 1);
    expect(await page.evaluate(() => (document.querySelector('script[src="/placeholder.js"]') as HTMLScriptElement).async)).toBe(false);
    await page.evaluate(() => {
      window.consent.store.rejectAll();
      window.consent.store.acceptAll();
    });
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => [window.gatedRuns, window.placeholderRuns])).toEqual([1, 1]);
    expect([requests.get('/gated.js'), requests.get('/placeholder.js')]).toEqual([1, 1]);

    const patient = await open(context, '/patient/records');
    await page.waitForTimeout(200);
    expect(await patient.evaluate(() => window.consent.store.getState().record?.choices.performance)).toBe(true);
    expect(await patient.evaluate(() => [window.gatedRuns ?? 0, window.placeholderRuns ?? 0])).toEqual([0, 0]);
    expect([requests.get('/gated.js'), requests.get('/placeholder.js')]).toEqual([1, 1]);
    await context.close();
  });

  it('runs placeholders under a nonce CSP, whose nonce attribute the browser hides', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/csp');
    expect(await page.evaluate(() => (document.querySelector('script[data-src]') as HTMLScriptElement).getAttribute('nonce'))).toBe('');
    await page.evaluate(() => window.consent.store.acceptAll());
    await page.waitForFunction(() => window.placeholderRuns === 1 && window.inlineRuns === 1, undefined, { timeout: 5000 });
    expect(await page.evaluate((nonce) => (document.querySelector('script[src="/placeholder.js"]') as HTMLScriptElement).nonce === nonce, NONCE)).toBe(true);
    await context.close();
  });

  it('puts the Consent Mode default before any update in dataLayer, as Arguments objects', async () => {
    const context = await browser.newContext();
    const page = await open(context);
    const denied = {
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
    };
    const defaults = { isArguments: true, args: ['consent', 'default', { ...denied, security_storage: 'granted', wait_for_update: 500 }] };
    expect(await dataLayerOf(page)).toEqual([defaults]);

    await page.evaluate(() => window.consent.store.save({ performance: true }));
    const update = { isArguments: true, args: ['consent', 'update', { ...denied, analytics_storage: 'granted' }] };
    expect(await dataLayerOf(page)).toEqual([defaults, update]);

    await page.reload();
    await page.waitForFunction(() => !!window.consent);
    expect(await dataLayerOf(page)).toEqual([defaults, update]);
    await context.close();
  });

  // How fast: `npm run bench` (bench/sync-latency.mjs) measures it; this proves what arrives.
  it('keeps two pages of one browser in step, each decision arriving in the other', async () => {
    const context = await browser.newContext();
    const a = await open(context);
    const b = await open(context);
    for (const [from, to, method] of [[a, b, 'acceptAll'], [b, a, 'rejectAll'], [a, b, 'acceptAll'], [b, a, 'rejectAll'], [a, b, 'acceptAll']] as const) {
      const seen = await to.evaluate(() => window.consent.changes.length);
      await from.evaluate((m) => window.consent.store[m](), method);
      await to.waitForFunction((n) => window.consent.changes.length > n, seen);
      const id = await to.evaluate(() => window.consent.changes.at(-1)!.state.record?.id);
      expect(id).toBe(await from.evaluate(() => window.consent.store.getState().record?.id));
    }
    expect(await b.evaluate(() => window.consent.store.getState().choices)).toEqual({ essential: true, performance: true, functional: true, targeting: true });
    await context.close();
  });

  it('delivers every receipt exactly once with a 2xx, through failures and a page closed mid-flight', async () => {
    const endpoint = '/receipts/flaky';
    const b = bucket(endpoint);
    b.failuresLeft = 2;
    const context = await browser.newContext();
    const path = `/?receipts=${endpoint}`;
    const idOf = (page: Page) => page.evaluate(() => window.consent.store.getState().record!.id);
    // Each record waits under its own key, `cookie_consent_receipts:<id>`.
    const queued = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cookie_consent_receipts')).length);
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(check()).toBe(true);
    };

    const first = await open(context, path);
    let inFlight = 0;
    const settled = (r: Request) => r.url().includes(endpoint) && inFlight--;
    first.on('request', (r) => r.url().includes(endpoint) && inFlight++);
    first.on('requestfinished', settled);
    first.on('requestfailed', settled);
    await first.evaluate(() => window.consent.store.acceptAll());
    const r1 = await idOf(first);
    await until(() => b.arrivals.length === 1 && inFlight === 0);
    // The next decision's record waits out the backoff of the first failure, then both are retried.
    await first.evaluate(() => window.consent.store.rejectAll());
    const r2 = await idOf(first);
    await until(() => b.failuresLeft <= 0 && inFlight === 0);
    expect(b.arrivals.filter((a) => a.status === 503)).toHaveLength(2);
    await expect.poll(() => queued(first)).toBe([r1, r2].filter((id) => !b.accepted(id)).length);
    await first.close();

    // The record still unacknowledged goes out again on the next page load.
    const second = await open(context, path);
    await until(() => b.accepted(r1) === 1 && b.accepted(r2) === 1);
    await expect.poll(() => queued(second)).toBe(0);

    // A page closed while its receipt is in flight: the server answers only after it is gone.
    b.holding = true;
    await second.evaluate(() => window.consent.store.setCategory('functional', true));
    const r3 = await idOf(second);
    await until(() => b.held.length === 1);
    expect(await queued(second)).toBe(1);
    await second.close();
    b.holding = false;
    for (const { arrival, res } of b.held.splice(0)) {
      arrival.status = 503;
      res.writeHead(503).end();
    }

    const third = await open(context, path);
    await until(() => b.accepted(r3) === 1);
    await expect.poll(() => queued(third)).toBe(0);
    await third.close();

    const before = b.arrivals.length;
    const fourth = await open(context, path);
    await fourth.waitForTimeout(300);
    expect(b.arrivals.length).toBe(before);
    expect([r1, r2, r3].map((id) => b.accepted(id))).toEqual([1, 1, 1]);
    expect(b.arrivals.filter((a) => a.status !== 503).map((a) => a.id).sort()).toEqual([r1, r2, r3].sort());
    expect(b.arrivals.filter((a) => a.id === r3).map((a) => a.status)).toEqual([503, 201]);
    await context.close();
  });
});
