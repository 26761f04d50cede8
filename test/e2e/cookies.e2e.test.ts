// The consent cookie and the cookie cleaner against Chromium's real cookie store, over https
// (pages answered by the test itself): paths, parent domains, Secure and the __Secure-/__Host-
// prefixes behave here as on a host's site, which no stand-in can promise.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, requireChromium } from './chromium';
import { bundleForBrowser } from './serve';

let browser: Browser;
let core: string;

beforeAll(async () => {
  core = await bundleForBrowser(new URL('../../src/core/index.ts', import.meta.url), { globalName: 'Core' });
  browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs, headless: true });
});

afterAll(() => browser?.close());

async function site(): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.route('**/*', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><title>Connexx</title><script>${core}</script>` }),
  );
  return context;
}

/** Loads `url` and runs `code` there, with `policy` defined: Essential, and Performance owning `_ga` and `__Secure-pref`. */
async function at<T>(page: Page, url: string, code: string): Promise<T> {
  await page.goto(url);
  return page.evaluate(`(() => {
    const policy = Core.definePolicy({ revision: '1', categories: [
      { id: 'essential', title: 'Essential', description: '', required: true },
      { id: 'performance', title: 'Performance', description: '', cookies: [
        { name: '_ga', purpose: '', duration: '' }, { name: '__Secure-pref', purpose: '', duration: '' }] }] });
    ${code}
  })()`) as Promise<T>;
}

const consentCookies = async (context: BrowserContext) =>
  (await context.cookies()).filter((c) => c.name === 'cookie_consent').map((c) => `${c.domain}${c.path}`).sort();
const cookieNames = async (context: BrowserContext) => (await context.cookies()).map((c) => c.name).sort();

describe('the consent cookie in Chromium, set on more than one domain or path', () => {
  it('follows the newest decision, and reset deletes every variant', async () => {
    const context = await site();
    const page = await context.newPage();
    // An earlier "Accept all" shared on the parent domain (the marketing site's), then a refusal here.
    // Each page reads the browser's cookie store, which document.cookie reaches asynchronously:
    // the next page opens only once the last one's write has landed there.
    await at(page, 'https://www.connexx.test/', `Core.createConsentStore({ policy, cookie: { domain: '.connexx.test' } }).acceptAll();`);
    await expect.poll(() => consentCookies(context)).toEqual(['.connexx.test/']);
    await page.waitForTimeout(5);
    await at(page, 'https://app.connexx.test/portal/visits', `Core.createConsentStore({ policy }).rejectAll();`);
    await expect.poll(() => consentCookies(context)).toEqual(['.connexx.test/', 'app.connexx.test/']);
    await at(page, 'https://app.connexx.test/portal/', `document.cookie = document.cookie.match(/cookie_consent=[^;]+/)[0] + '; Path=/portal';`);
    await expect.poll(() => consentCookies(context)).toEqual(['.connexx.test/', 'app.connexx.test/', 'app.connexx.test/portal']);

    const next = await at<{ method: string; performance: boolean }>(
      page,
      'https://app.connexx.test/portal/visits',
      `const s = Core.createConsentStore({ policy }).getState(); return { method: s.record.method, performance: s.choices.performance };`,
    );
    expect(next).toEqual({ method: 'reject-all', performance: false });

    const after = await at<string>(
      page,
      'https://app.connexx.test/portal/visits',
      `Core.createConsentStore({ policy }).reset(); return Core.createConsentStore({ policy }).getState().status;`,
    );
    expect(after).toBe('pending');
    await expect.poll(() => consentCookies(context)).toEqual([]);
    await context.close();
  });

  it('deletes a __Host- consent cookie on reset', async () => {
    const context = await site();
    const page = await context.newPage();
    const status = await at<string[]>(
      page,
      'https://www.connexx.test/',
      `const cookie = { name: '__Host-consent' };
       const s = Core.createConsentStore({ policy, cookie });
       s.acceptAll();
       const written = /__Host-consent=\d\|/.test(document.cookie) ? 'written' : 'missing';
       s.reset();
       return [written, Core.createConsentStore({ policy, cookie }).getState().status];`,
    );
    expect(status).toEqual(['written', 'pending']);
    await expect.poll(() => cookieNames(context)).not.toContain('__Host-consent');
    await context.close();
  });
});

describe('the cookie cleaner in Chromium', () => {
  it('deletes a __Secure- cookie and one set on a path with a trailing slash', async () => {
    const context = await site();
    const page = await context.newPage();
    const seen = await at<string>(
      page,
      'https://www.shop.connexx.test/shop/cart/item',
      `document.cookie = '__Secure-pref=dark; Path=/; Secure';
       document.cookie = '_ga=GA1.1; Path=/shop/cart/';
       document.cookie = '_ga=GA1.2; Path=/; Domain=.connexx.test';
       document.cookie = 'session_id=s1; Path=/';
       return document.cookie;`,
    );
    expect(seen.match(/_ga=|__Secure-pref=/g)).toHaveLength(3);
    // document.cookie reaches the browser's cookie store asynchronously, and the next page reads
    // that store: under load it could open before a write landed, so the cleaner never saw the
    // cookie (it deletes what the page sees) and the write then brought it back. Only once the
    // store holds all four does the cleaner's page load, and its deletions are awaited the same way.
    await expect.poll(() => cookieNames(context)).toEqual(['__Secure-pref', '_ga', '_ga', 'session_id']);
    const left = await at<string>(
      page,
      'https://www.shop.connexx.test/shop/cart/item',
      `Core.connectCookieCleaner(Core.createConsentStore({ policy })); return document.cookie;`,
    );
    expect(left).toBe('session_id=s1');
    await expect.poll(() => cookieNames(context)).toEqual(['session_id']);
    await context.close();
  });
});
