// npm run bench: what a host pays for the same usage (provider + banner + preferences dialog) with
// this library and with its peers, then runtime figures for this library. Every figure is measured
// here, now: JS and CSS are bundled by esbuild (minified, React external) and gzipped at level 9;
// times are medians of repeated runs in jsdom. Last, the consent log under load on PGlite and on a
// throw-away PostgreSQL server (bench/consent-log.mjs).
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const bench = fileURLToPath(new URL('.', import.meta.url));
const root = join(bench, '..');
const external = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];

if (!existsSync(join(bench, 'node_modules/@c15t/react'))) {
  console.error('The peers are not installed: run `npm ci --prefix bench` (npm run bench does it for you).');
  process.exit(1);
}
if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does it for you).');
  process.exit(1);
}

const usages = {
  '@connexx/consent-ui': `
    import { ConsentProvider, CookieBanner, PreferencesDialog, definePolicy } from '@connexx/consent-ui';
    import '@connexx/consent-ui/styles.css';
    const policy = definePolicy({ revision: 1, categories: [{ id: 'essential', title: 'Essential', description: '', required: true }, { id: 'analytics', title: 'Analytics', description: '' }] });
    export const App = () => <ConsentProvider policy={policy}><CookieBanner /><PreferencesDialog /></ConsentProvider>;`,
  '@c15t/react': `
    import { ConsentManagerProvider, ConsentBanner, ConsentDialog } from '@c15t/react';
    import '@c15t/react/styles.css';
    export const App = () => <ConsentManagerProvider options={{ mode: 'offline', consentCategories: ['necessary', 'measurement'] }}><ConsentBanner /><ConsentDialog /></ConsentManagerProvider>;`,
  'vanilla-cookieconsent': `
    import * as CookieConsent from 'vanilla-cookieconsent';
    import 'vanilla-cookieconsent/dist/cookieconsent.css';
    CookieConsent.run({ categories: { necessary: { readOnly: true, enabled: true }, analytics: {} }, language: { default: 'en', translations: { en: { consentModal: { title: 'Cookies', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Customize' }, preferencesModal: { title: 'Preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save', sections: [] } } } } });`,
  'react-cookie-consent': `
    import CookieConsent from 'react-cookie-consent';
    export const App = () => <CookieConsent enableDeclineButton>We use cookies.</CookieConsent>;`,
};

// The library resolves to its own built files, as the published package would.
const selfReference = {
  name: 'self-reference',
  setup(b) {
    b.onResolve({ filter: /^@connexx\/consent-ui(\/.*)?$/ }, ({ path }) => {
      const sub = path.slice('@connexx/consent-ui'.length);
      return { path: join(root, 'dist', sub === '/styles.css' ? 'styles.css' : sub === '/core' ? 'core.js' : 'index.js') };
    });
  },
};

async function measure(name, source) {
  const outdir = mkdtempSync(join(tmpdir(), 'cc-bench-'));
  try {
    const result = await build({
      stdin: { contents: source, resolveDir: bench, loader: 'tsx' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      jsx: 'automatic',
      external,
      outdir,
      write: false,
      entryNames: 'out',
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [selfReference],
    });
    const gz = (ext) => {
      const file = result.outputFiles.find((f) => f.path.endsWith(ext));
      return file ? gzipSync(file.contents, { level: 9 }).length : 0;
    };
    return { name, js: gz('.js'), css: gz('.css') };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const sizes = [];
for (const [name, source] of Object.entries(usages)) sizes.push(await measure(name, source));
const ours = sizes[0];
const pad = (v, n) => String(v).padStart(n);
console.log('\nProvider + banner + preferences dialog, gzip -9 bytes, React external\n');
console.log(`${'library'.padEnd(24)}${pad('JS', 9)}${pad('CSS', 9)}${pad('total', 9)}${pad('x ours', 9)}`);
for (const s of sizes) {
  const total = s.js + s.css;
  console.log(`${s.name.padEnd(24)}${pad(s.js, 9)}${pad(s.css, 9)}${pad(total, 9)}${pad((total / (ours.js + ours.css)).toFixed(2), 9)}`);
}
console.log('(react-cookie-consent has a single yes/no and no categories or dialog; vanilla-cookieconsent needs no React.)');

// Runtime: compile the TSX benchmark against src/ and run it here, in jsdom.
// Written under the root node_modules so that it and Radix resolve the same single React.
const runtime = join(root, 'node_modules/.cache/consent-ui-bench/runtime.mjs');
await build({
  entryPoints: [join(bench, 'runtime.tsx')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  jsx: 'automatic',
  packages: 'external',
  outfile: runtime,
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"' },
});
const { runRuntimeBench } = await import(pathToFileURL(runtime).href);
await runRuntimeBench();

const { runSyncLatencyBench } = await import('./sync-latency.mjs');
await runSyncLatencyBench();

const { runConsentLogBench } = await import('./consent-log.mjs');
await runConsentLogBench();
