// The package as users get it: packed, installed into a throw-away app, imported from ESM and
// CommonJS, rendered on the server, and type-checked against the shipped .d.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });

let app: string;
let tarball: string;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'consent-ui-consumer-'));
  run('npm', ['pack', '--silent', '--pack-destination', app], root);
  tarball = join(app, readdirSync(app).find((f) => f.endsWith('.tgz'))!);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  // React comes from the npm cache this repo's own install filled; no other registry is needed.
  const react = JSON.parse(run('node', ['-p', 'JSON.stringify(require("react/package.json").version)'], root));
  run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, `react@${react}`, `react-dom@${react}`],
    app,
  );
}, 180_000);

afterAll(() => rmSync(app, { recursive: true, force: true }));

const policySource = `definePolicy({ revision: 1, categories: [
  { id: 'essential', title: 'Essential Cookies', description: 'Needed.', required: true },
  { id: 'performance', title: 'Performance Cookies', description: 'Counts visits.' } ] })`;

describe('the packed package, installed in a new app', () => {
  it('ships only dist/ with the entries the exports map names', () => {
    const listing = run('tar', ['-tzf', tarball], app);
    const files = listing.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/core/index.js', 'dist/core/index.cjs', 'dist/components/policy/index.js', 'dist/components/policy/index.cjs', 'dist/components/policy/index.d.ts', 'dist/server/index.js', 'dist/server/index.cjs', 'dist/server/index.d.ts', 'dist/styles.css', 'dist/i18n/de.js', 'dist/audit/index.js', 'dist/audit/index.cjs', 'dist/audit/index.d.ts', 'dist/audit/cli.js']) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(f))).toEqual([]);
  });

  it('ships the audit entry and the consent-ui command, which load without playwright-core installed', () => {
    writeFileSync(
      join(app, 'audit.mjs'),
      `import { auditConsent, registrableDomain } from '@connexx/consent-ui/audit';
       console.log(typeof auditConsent, registrableDomain('www.example.co.uk'));`,
    );
    expect(run('node', ['audit.mjs'], app).trim()).toBe('function example.co.uk');
    let failure: { status?: number; stderr?: string } = {};
    try {
      run(join(app, 'node_modules/.bin/consent-ui'), [], app);
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.status).toBe(2);
    expect(failure.stderr).toMatch(/Usage: consent-ui audit URL --policy MODULE/);
  });

  it('imports from ESM and renders the banner on the server', () => {
    writeFileSync(
      join(app, 'esm.mjs'),
      `import { createElement as h } from 'react';
       import { renderToString } from 'react-dom/server';
       import { ConsentProvider, CookieBanner, definePolicy } from '@connexx/consent-ui';
       import { createConsentStore } from '@connexx/consent-ui/core';
       import { de } from '@connexx/consent-ui/i18n/de';
       import { jurisdictionFromHeaders, readConsent } from '@connexx/consent-ui/server';
       const policy = ${policySource};
       console.log(typeof createConsentStore, de.locale);
       const jurisdiction = jurisdictionFromHeaders({ 'cf-ipcountry': 'US', 'cf-region-code': 'CA' }, { trust: ['cloudflare'] });
       console.log('[server]', jurisdiction, readConsent({}, { policy, jurisdiction }).regime);
       console.log(renderToString(h(ConsentProvider, { policy }, h(CookieBanner))));`,
    );
    const out = run('node', ['esm.mjs'], app);
    expect(out).toContain('function de');
    expect(out).toContain('[server] US-CA opt-out');
    expect(out).toMatch(/<section[^>]*aria-label="Cookie consent"/);
    expect(out).toContain('Accept all');
  });

  it('requires from CommonJS and renders the banner on the server', () => {
    writeFileSync(
      join(app, 'cjs.cjs'),
      `const { createElement: h } = require('react');
       const { renderToString } = require('react-dom/server');
       const { ConsentProvider, CookieBanner, definePolicy } = require('@connexx/consent-ui');
       const core = require('@connexx/consent-ui/core');
       const server = require('@connexx/consent-ui/server');
       const policy = ${policySource};
       console.log('[server]', server.readConsent(new Headers({ 'sec-gpc': '1' }), { policy, jurisdiction: 'DE' }).regime);
       const header = 'cookie_consent=' + core.encodeRecord({ id: '0b3c7a2e-9f41-4d5b-8c6e-2a1f0e9d8c7b', revision: '1', decidedAt: new Date().toISOString(), method: 'reject-all', choices: { essential: true, performance: false }, signals: { gpc: false, dnt: false } });
       console.log('[pending]' + renderToString(h(ConsentProvider, { policy }, h(CookieBanner))));
       console.log('[decided]' + renderToString(h(ConsentProvider, { policy, initialCookieHeader: header }, h(CookieBanner))));`,
    );
    const out = run('node', ['cjs.cjs'], app);
    expect(out).toContain('[server] opt-in');
    expect(out).toMatch(/\[pending\]<section[^>]*aria-label="Cookie consent"/);
    expect(out).toMatch(/\[decided\]\s*$/m);
  });

  it('type-checks a consumer against the shipped .d.ts, with the literal category-id union', () => {
    writeFileSync(
      join(app, 'consumer.tsx'),
      `import { ConsentProvider, CookieBanner, definePolicy, useCookieCategory, type CategoryId } from '@connexx/consent-ui';
       import { createConsentStore, type Regime } from '@connexx/consent-ui/core';
       import { readConsent, type GeolocationSource } from '@connexx/consent-ui/server';
       import type { Messages } from '@connexx/consent-ui';
       import { de } from '@connexx/consent-ui/i18n/de';
       export const policy = ${policySource};
       declare module '@connexx/consent-ui' { interface Register { policy: typeof policy } }
       const id: CategoryId<typeof policy> = 'performance';
       // @ts-expect-error not a category of this policy
       const typo: CategoryId<typeof policy> = 'perfomance';
       const messages: Messages = de;
       export function Chat() {
         const { granted } = useCookieCategory('performance');
         // @ts-expect-error misspelt id
         useCookieCategory('perfomance');
         return <ConsentProvider policy={policy} messages={messages}><CookieBanner layout="box" />{String(granted)}{id}{typo}</ConsentProvider>;
       }
       createConsentStore({ policy }).setCategory('performance', true);
       const trust: GeolocationSource[] = ['vercel'];
       const regime: Regime = readConsent({ cookie: 'a=1' }, { policy, jurisdiction: 'US-CA' }).regime;
       // @ts-expect-error not a CDN the entry knows
       const wrong: GeolocationSource = 'akamai';
       console.log(trust, regime, wrong);`,
    );
    const tsconfig = {
      compilerOptions: { strict: true, jsx: 'react-jsx', module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: false, types: [] },
      files: ['consumer.tsx'],
    };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', `@types/react@${JSON.parse(run('node', ['-p', 'JSON.stringify(require("@types/react/package.json").version)'], root))}`], app);
    expect(() => run(bin('tsc'), ['-p', 'tsconfig.json'], app)).not.toThrow();
  });

  it('passes publint and Are The Types Wrong', () => {
    expect(() => run(bin('publint'), ['--strict', tarball], root)).not.toThrow();
    // styles.css is a stylesheet, not a module with types; node10 cannot see subpath exports at all.
    expect(() => run(bin('attw'), [tarball, '--profile', 'node16', '--exclude-entrypoints', './styles.css'], root)).not.toThrow();
  });
});
