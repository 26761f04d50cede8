// The server entry where it runs: a plain Node process, and an edge-like runtime that has the Web
// APIs and nothing of Node (no process, require, Buffer), as in a Next.js middleware or a worker.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cookie = 'session=1; cookie_consent=2|0b3c7a2e-9f41-4d5b-8c6e-2a1f0e9d8c7b|1|' + Date.now().toString(36) + '|a|0|o|US-CA|essential:1.targeting:1';

const program = `
  const policy = definePolicy({ revision: 1, categories: [
    { id: 'essential', title: 'Essential', description: '', required: true },
    { id: 'targeting', title: 'Targeting', description: '', saleOrShare: true } ] });
  const request = new Request('https://example.com/', { headers: {
    'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'CA', 'cf-ipcountry': 'DE', 'sec-gpc': '1', cookie: ${JSON.stringify(cookie)} } });
  const jurisdiction = jurisdictionFromHeaders(request, { trust: ['vercel'] });
  const state = readConsent(request, { policy, jurisdiction });
  JSON.stringify({ jurisdiction, regime: state.regime, status: state.status, method: state.record && state.record.method,
    gpc: state.signals.gpc, choices: state.choices, forwarded: consentCookieHeader(request) });`;

const expected = {
  jurisdiction: 'US-CA',
  regime: 'opt-out',
  status: 'decided',
  method: 'accept-all',
  gpc: true,
  // The stored Accept all allowed targeting; the browser's GPC now keeps it off.
  choices: { essential: true, targeting: false },
  forwarded: cookie.slice('session=1; '.length),
};

describe('the built server entry (dist/server/index.js)', () => {
  it('runs in a plain Node script', () => {
    const script = `import { definePolicy } from './dist/core/index.js';
      import { consentCookieHeader, jurisdictionFromHeaders, readConsent } from './dist/server/index.js';
      console.log(eval(${JSON.stringify(program)}));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(expected);
  });

  it('runs where there are only Web APIs: no process, require or Buffer', async () => {
    const bundled = await build({
      stdin: {
        contents: `export { definePolicy } from './dist/core/index.js'; export * from './dist/server/index.js';`,
        resolveDir: root,
        loader: 'js',
      },
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'entry',
      platform: 'neutral',
      // What every edge bundler does (Next.js, Wrangler, Vercel): NODE_ENV is text, not a lookup.
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const webOnly = { Headers, Request, Response, URL, atob, btoa, crypto, TextEncoder, TextDecoder, console };
    const context = createContext({ ...webOnly });
    expect(runInContext('[typeof process, typeof require, typeof Buffer, typeof document, typeof window]', context)).toEqual(
      Array(5).fill('undefined'),
    );
    runInContext(bundled.outputFiles[0]!.text, context);
    const out = runInContext(`(() => { const { definePolicy, consentCookieHeader, jurisdictionFromHeaders, readConsent } = entry; return eval(${JSON.stringify(program)}); })()`, context);
    expect(JSON.parse(out)).toEqual(expected);
  });

  it('pulls in no React and no browser module', async () => {
    const bundled = await build({ entryPoints: [`${root}dist/server/index.js`], bundle: true, write: false, metafile: true, format: 'esm', platform: 'neutral', logLevel: 'silent' });
    const inputs = Object.keys(bundled.metafile.inputs);
    expect(inputs.some((path) => path.endsWith('dist/core/index.js'))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/react|dist\/(react|components)\/|dist\/index\.js$/.test(path))).toEqual([]);
  });
});
