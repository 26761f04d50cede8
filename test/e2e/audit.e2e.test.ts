// The consent audit against our own page: the Connexx cookie policy page (the Storybook story's
// page, bundled from the same fixtures) with fake vendors that act like the real ones after
// consent. Vendors are served over https by a local server under their real host names
// (Chromium's --host-resolver-rules), so nothing leaves the machine.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditConsent, formatAuditReport, type AuditReport } from '../../src/audit';
import { connexxPolicy } from '../../stories/fixtures/connexx-policy';
import { chromiumArgs, requireChromium } from './chromium';
import { bundleForBrowser } from './serve';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

let browser: Browser;
let page: Page;
let appJs: string;
let css: string;
const servers: { close(): void }[] = [];
const listen = async (server: ReturnType<typeof createHttpServer>) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
};

const vendorScripts: Record<string, string> = {
  // Google Analytics: its two first-party cookies, then a hit.
  'www.google-analytics.com/analytics.js': `
    document.cookie = '_ga=GA1.1.1234567890.1700000000; path=/; max-age=63072000';
    document.cookie = '_ga_CX12345678=GS1.1.1700000000.1.0.1700000000.0.0.0; path=/; max-age=63072000';
    fetch('https://www.google-analytics.com/g/collect?v=2&tid=G-CX12345678', { method: 'POST', mode: 'no-cors' });`,
  // Intercom: its visitor cookies; with the planted defect, its server also sets an HttpOnly one.
  'widget.intercom.io/widget.js': `
    document.cookie = 'intercom-id-cx=4f2c9a1e; path=/; max-age=23328000';
    document.cookie = 'intercom-device-id-cx=8d3b7e20; path=/; max-age=23328000';
    if (new URLSearchParams(location.search).get('defect') === 'httponly') fetch('/chat/session');`,
};

/** Vendors: their scripts and beacons, by host and path. */
function vendor(req: IncomingMessage, res: ServerResponse) {
  const path = `${req.headers.host}${(req.url ?? '').split('?')[0]}`;
  if (vendorScripts[path]) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(vendorScripts[path]);
  if (path === 'pixel.adpartner.example/px') return res.writeHead(200, { 'content-type': 'image/gif' }).end(gif);
  res.writeHead(204).end();
}

/** The Connexx site: the page, its script and styles, and the chat session endpoint of the planted defect. */
function site(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://www.connexx.test');
  if (url.pathname === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(appJs);
  if (url.pathname === '/styles.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(css);
  if (url.pathname === '/chat/session') {
    return res.writeHead(204, { 'set-cookie': 'intercom-session-cx=e1f2; Path=/; Max-Age=604800; HttpOnly; SameSite=Lax' }).end();
  }
  if (url.pathname === '/poll') return setTimeout(() => res.writeHead(204).end(), 300);
  if (url.pathname === '/no-banner') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Plain</title><p>No banner here.');
  if (url.pathname === '/frozen') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Frozen</title><script>for (;;) {}</script>');
  const defect = url.searchParams.get('defect');
  const head = defect === 'early-analytics' ? '<script src="https://www.google-analytics.com/analytics.js"></script>' : '';
  // A page that throws and never goes quiet (it polls forever), around the same app.
  const hostile =
    url.pathname === '/hostile' ? '<script>setInterval(() => fetch("/poll?" + Math.random()), 100); throw new Error("boom from the page");</script>' : '';
  const body = hostile + (defect === 'early-pixel' ? '<img src="https://pixel.adpartner.example/px?ev=early" alt="" width="1" height="1">' : '');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cookie Policy | Connexx</title>` +
      `<link rel="stylesheet" href="/styles.css">${head}</head><body>${body}<div id="root"></div><script src="/app.js"></script></body></html>`,
  );
}

let sitePort: number;
beforeAll(async () => {
  const executablePath = requireChromium();
  [appJs, css] = await Promise.all([
    bundleForBrowser(fixture('audit-page.tsx'), { loader: { '.css': 'empty' } }),
    bundleForBrowser(new URL('../../src/styles/index.css', import.meta.url)),
  ]);
  sitePort = await listen(createHttpServer(site));
  const vendorPort = await listen(
    createHttpsServer({ key: readFileSync(fixture('fake-vendors.key')), cert: readFileSync(fixture('fake-vendors.crt')) }, vendor) as unknown as ReturnType<
      typeof createHttpServer
    >,
  );
  const rules = [
    `MAP www.connexx.test 127.0.0.1:${sitePort}`,
    ...['*.google-analytics.com', '*.intercom.io', '*.adpartner.example'].map((host) => `MAP ${host} 127.0.0.1:${vendorPort}`),
    'MAP * ~NOTFOUND',
  ];
  browser = await chromium.launch({ executablePath, args: [...chromiumArgs, `--host-resolver-rules=${rules.join(', ')}`] });
  page = await (await browser.newContext()).newPage();
});

afterAll(async () => {
  await browser?.close();
  servers.forEach((server) => server.close());
});

const audit = async (query = '') => {
  const report = await auditConsent(page, {
    policy: connexxPolicy,
    url: `http://www.connexx.test/${query}`,
    contextOptions: { ignoreHTTPSErrors: true },
    settleMs: 500,
  });
  console.info(`audit of http://www.connexx.test/${query}\n${formatAuditReport(report)}`);
  return report;
};
const summary = (report: AuditReport) => ({
  undeclared: report.undeclared.map(({ kind, name, phase }) => ({ kind, name, phase })),
  beforeConsent: report.beforeConsent.map(({ kind, name, phase, category }) => ({ kind, name, phase, category })),
  afterWithdrawal: report.afterWithdrawal.map(({ kind, name, phase, category }) => ({ kind, name, phase, category })),
});

describe('auditConsent, given the Connexx page and vendors that wait for consent', () => {
  it('finds nothing, having seen each vendor at work after Accept all', async () => {
    const report = await audit();
    expect(summary(report)).toEqual({ undeclared: [], beforeConsent: [], afterWithdrawal: [] });
    expect(report.ok).toBe(true);
    const accepted = report.observations.find((o) => o.phase === 'after-accept')!;
    expect(accepted.cookies.map((c) => c.name).sort()).toEqual(
      ['_ga', '_ga_CX12345678', 'cookie_consent', 'intercom-device-id-cx', 'intercom-id-cx'],
    );
    expect(accepted.requests.map((r) => new URL(r.url).host).sort()).toEqual([
      'pixel.adpartner.example',
      'widget.intercom.io',
      'www.google-analytics.com',
      'www.google-analytics.com',
    ]);
    // Before a choice and after a refusal: only the consent cookie, and no request to another site.
    for (const o of report.observations.filter((o) => o.phase !== 'after-accept')) {
      expect(o.cookies.map((c) => c.name).filter((n) => n !== 'cookie_consent')).toEqual([]);
      expect(o.requests).toEqual([]);
    }
  });
});

describe('ConsentFrame, firePixel and ConsentScript on the Connexx page, in Chromium', () => {
  it('send no request to another site before consent; the frame loads once its category is allowed, nothing else', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const visitor = await context.newPage();
    const elsewhere: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith('http://www.connexx.test/')) elsewhere.push(request.url());
    });
    await visitor.goto('http://www.connexx.test/?frame=1');
    const placeholder = visitor.getByRole('group', { name: 'Support chat (Intercom)' });
    await placeholder.waitFor();
    await visitor.waitForLoadState('networkidle');
    expect(elsewhere).toEqual([]);
    expect(await visitor.locator('iframe').count()).toBe(0);

    await placeholder.getByRole('button', { name: 'Allow Functional Cookies' }).click();
    await visitor.getByTitle('Support chat (Intercom)').waitFor();
    await visitor.waitForLoadState('networkidle');
    expect(elsewhere.sort()).toEqual(['https://widget.intercom.io/frame', 'https://widget.intercom.io/widget.js']);
    await context.close();
  });
});

describe('auditConsent, given one planted defect at a time', () => {
  it('names an undeclared _fbp cookie', async () => {
    const report = await audit('?defect=fbp');
    expect(report.ok).toBe(false);
    expect(summary(report)).toEqual({ undeclared: [{ kind: 'cookie', name: '_fbp', phase: 'after-accept' }], beforeConsent: [], afterWithdrawal: [] });
  });

  it('names the cookies and the requests of a Performance script that runs before consent', async () => {
    const report = await audit('?defect=early-analytics');
    expect(report.ok).toBe(false);
    const { beforeConsent, undeclared, afterWithdrawal } = summary(report);
    expect(undeclared).toEqual([]);
    expect(beforeConsent).toEqual([
      { kind: 'cookie', name: '_ga', phase: 'before-choice', category: 'performance' },
      { kind: 'cookie', name: '_ga_CX12345678', phase: 'before-choice', category: 'performance' },
      { kind: 'request', name: 'www.google-analytics.com', phase: 'before-choice', category: 'performance' },
    ]);
    // The ungated tag runs again on the reload after withdrawal, so it is there too.
    expect(afterWithdrawal.map((f) => f.name)).toEqual(expect.arrayContaining(['_ga', 'www.google-analytics.com']));
  });

  it('names a cookie left after withdrawal, and says only the server can clear it', async () => {
    const report = await audit('?defect=httponly');
    expect(report.ok).toBe(false);
    expect(summary(report)).toEqual({
      undeclared: [],
      beforeConsent: [],
      afterWithdrawal: [{ kind: 'cookie', name: 'intercom-session-cx', phase: 'after-withdrawal', category: 'functional' }],
    });
    expect(report.afterWithdrawal[0]!.detail).toMatch(/^HttpOnly: only the server can delete it/);
  });

  it('names a pixel requested before consent', async () => {
    const report = await audit('?defect=early-pixel');
    expect(report.ok).toBe(false);
    expect(summary(report)).toEqual({
      undeclared: [],
      beforeConsent: [{ kind: 'request', name: 'pixel.adpartner.example', phase: 'before-choice', category: 'targeting' }],
      afterWithdrawal: [{ kind: 'request', name: 'pixel.adpartner.example', phase: 'after-withdrawal', category: 'targeting' }],
    });
    expect(report.beforeConsent[0]!.detail).toBe('https://pixel.adpartner.example/px?ev=early');
  });
});

describe('consent-ui audit (the command)', () => {
  const cli = join(root, 'dist/audit/cli.js');
  let policyModule: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consent-audit-'));
    policyModule = join(dir, 'policy.mjs');
    // A host's policy module as the command imports it: plain JavaScript.
    const { outputFiles } = await build({
      entryPoints: [join(root, 'stories/fixtures/connexx-policy.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      logLevel: 'silent',
    });
    writeFileSync(policyModule, outputFiles[0]!.text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli, ...args], { timeout: 120_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
      );
    });

  it('exits 0 and prints a table without findings for the page alone', async () => {
    expect(readFileSync(cli, 'utf8'), 'dist/audit/cli.js is missing: run npm run build first').toMatch(/^#!\/usr\/bin\/env node/);
    const { code, stdout } = await run('audit', `http://127.0.0.1:${sitePort}/?vendors=0`, '--policy', policyModule);
    expect(stdout).toMatch(/^No findings/);
    expect(code).toBe(0);
  });

  it('exits 1 and names the undeclared cookie in its JSON report', async () => {
    const { code, stdout } = await run('audit', `http://127.0.0.1:${sitePort}/?vendors=0&defect=fbp`, '--policy', policyModule, '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as AuditReport;
    expect(report.ok).toBe(false);
    expect(report.undeclared.map((f) => f.name)).toEqual(['_fbp']);
  });

  it('exits 2 with its usage for a missing policy, and with a clear message for a module that exports none', async () => {
    const missing = await run('audit', `http://127.0.0.1:${sitePort}/`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--policy is required[\s\S]*Usage: consent-ui audit URL --policy MODULE/);
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, 'export const notAPolicy = 1;');
    const none = await run('audit', `http://127.0.0.1:${sitePort}/`, '--policy', empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/exports no policy/);
  });
});

describe('auditConsent, given pages that misbehave', () => {
  // Short bounds, so the waits that run out do not make the test slow; long enough for a loaded machine to load the page.
  const quick = (path: string) =>
    auditConsent(page, { policy: connexxPolicy, url: `http://www.connexx.test${path}`, contextOptions: { ignoreHTTPSErrors: true }, timeoutMs: 4000, settleMs: 100 });

  it('reports a page without a recognisable banner as a finding of its own', async () => {
    const report = await quick('/no-banner');
    expect(report.ok).toBe(false);
    expect(report.beforeConsent.map(({ kind, name, phase }) => ({ kind, name, phase }))).toEqual([
      { kind: 'banner', name: 'Reject all', phase: 'before-choice' },
      { kind: 'banner', name: 'Accept all', phase: 'after-accept' },
    ]);
    expect(report.beforeConsent[0]!.detail).toBe('no consent banner with this button on a first visit');
  });

  it('finishes on a page that throws and never goes quiet, noting both', async () => {
    const report = await quick('/hostile');
    expect(summary(report)).toEqual({ undeclared: [], beforeConsent: [], afterWithdrawal: [] });
    expect(report.notes).toContain('before-choice: the page threw: boom from the page');
    expect(report.notes).toContain('before-choice: the page did not go quiet within 4000 ms after loading; the audit went on.');
  }, 120_000);

  it('gives up on a page whose script never yields, within its bounds, and says so', async () => {
    const started = Date.now();
    const report = await quick('/frozen');
    expect(report.ok).toBe(false);
    expect(report.beforeConsent[0]).toMatchObject({ kind: 'banner', name: 'page', phase: 'before-choice' });
    expect(report.beforeConsent[0]!.detail).toMatch(/^the page did not load/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
