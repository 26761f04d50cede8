// What a host ships, measured: each scenario is bundled from dist/ by esbuild (minified, React
// left out, tree-shaken as a host bundler would) and gzipped at level 9. `npm run size` prints the
// table; test/package/bundle-size.test.ts holds the budgets.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
export const use = (names, from = '@connexx/consent-ui') => `import { ${names.join(', ')} } from '${from}'; console.log(${names.join(', ')});`;

/**
 * name -> [source, budget in gzip bytes (the test fails above it), target if stricter]. The full
 * kit's target of 22,000 B is not met: Radix Dialog + Switch take 11,140 B of it (after leaving
 * out Dialog.Overlay and its react-remove-scroll), and the policy page's English text, which
 * PolicySections renders by default, 2,111 B. The budget holds today's size so it cannot grow;
 * the hardening of issue #10 may add at most 300 B to a measure (full kit: 23,877 B before it).
 * Web Storage declarations (issue #15: the cleaner removes declared keys, the tables list them)
 * added 312 B to the full kit, 119 B to core + hooks and 118 B to the banner alone; those budgets were
 * raised by that. One file per module in dist/ (so a Server Component can import the core, issue
 * #12) makes each part reach React through its namespace: +119 B core + hooks, +143 B banner alone,
 * +91 B full kit, raised by that.
 * Issue #10's production-build checks and nested-decision guard (items 2 and 4) add 159 B to the
 * core and about as much to each other measure; narrowing every field of PolicySections content
 * (item 3) 48 B to the full kit; budgets raised by that.
 * The shell is what every page of a site renders (provider, banner, dialog, settings button, live
 * status): examples/next checks that a Next.js production build ships it within 10% of this.
 * Sensitive routes (issue #12: SensitivePage marks, the server HTML's mark for a route that
 * hydrates late, a nested provider's refusal) add about 280 B to every provider; the budgets of
 * core + hooks, banner alone, shell and full kit were raised by what they measured. Signals that
 * combine and the banner's Accept-all-under-GPC confirmation (#12 item 5): +28 B core, +30 B
 * core + hooks, +117 B banner alone, +138 B shell, +125 B full kit, raised by that.
 * Jurisdictions (issue #13: regimes, the default map, format-2 records, the opt-out action) add
 * about 640 B to the core and so to every measure; budgets hold that, targets the sizes before.
 * Issue #11 moved the dialog's visibility out of the consent state (a request channel in the
 * store, the open flag beside the dialog in React) and made useConsent() list its actions instead
 * of spreading the store: core -5 B, core + hooks +30 B, banner alone +146 B, shell +72 B, full
 * kit +77 B; budgets raised by that.
 * The subject id in the consent cookie (issue #14: cookie format 3, the id kept across decisions
 * and revisions) adds 83 to 96 B to each measure; budgets raised by that.
 * The UI per regime (issue #13: the opt-out notice, GPC shown truthfully, the health-data sharing
 * disclosures, their English text): banner alone +286 B, shell +744 B, full kit +673 B; raised by that.
 * The banner's confirmation put in its live region only once the region has been shown (#10 item
 * 8, after a decision in the dialog), paid for by a simpler banner and status: banner alone -10 B,
 * shell 0 B, full kit -24 B; budgets lowered to those sizes.
 * Won back with behaviour unchanged (a compacter core, cleaner and provider): core -197 B, core + hooks -221 B, banner alone -228 B, shell -256 B, full kit -217 B; budgets lowered to those sizes.
 * One vocabulary and a smaller root entry (issue #11 items 6 and 7: data-state open|closed|
 * checked|unchecked and flags, parts selected by data-part under their root's class, one
 * useIsomorphicLayoutEffect for provider and parts, the root's explicit export list): core + hooks
 * +1 B, banner alone -1 B, shell -2 B, full kit -13 B, styles.css 0 B; budgets set to those sizes.
 * All of the above merged, with useConsent() returning optOut as its type says: core 3,552 B,
 * core + hooks 5,225 B, banner alone 7,612 B, shell 21,446 B, full kit 26,334 B.
 * Components that do one job (#11 item 8: the banner's confirmation and its clearance of the
 * focused element as hooks of their own, PolicySections' checking, placing and contents apart):
 * banner alone +42 B, shell +48 B, full kit +85 B; budgets raised by that (every measure is still
 * 164 to 220 B under where it stood before this round's compaction).
 * Read-through fixes: the jurisdiction pattern in one place again (the record's format and
 * normalizeJurisdiction had each their own copy), the default map without a position-based index,
 * the store's "a decision holds" rule named: core +24 B, core + hooks +25 B, banner alone +22 B,
 * shell +13 B, full kit +21 B; budgets raised by that.
 */
export const scenarios = {
  core: [use(['definePolicy', 'createConsentStore'], '@connexx/consent-ui/core'), 3576, 3020],
  'core + hooks': [use(['definePolicy', 'createConsentStore', 'ConsentProvider', 'useConsent', 'useCookieCategory']), 5250, 4689],
  'banner alone': [use(['definePolicy', 'ConsentProvider', 'CookieBanner']), 7676, 6565],
  shell: [use(['definePolicy', 'ConsentProvider', 'CookieBanner', 'PreferencesDialog', 'CookieSettingsButton', 'ConsentStatus']), 21507, 19996],
  'full kit': [use(['definePolicy', 'ConsentProvider', 'CookieBanner', 'PreferencesDialog', 'CookieTable', 'PolicySections']), 26440, 22000],
};
export const stylesBudget = 4000;

// Resolves the package's own name through its exports map, the way a host resolves the published package.
const { exports: entries } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const selfReference = {
  name: 'self-reference',
  setup(b) {
    b.onResolve({ filter: /^@connexx\/consent-ui(\/|$)/ }, (args) => {
      const target = entries[`.${args.path.slice('@connexx/consent-ui'.length)}`];
      if (!target?.import) return { errors: [{ text: `${args.path} is not an entry of package.json exports` }] };
      return { path: `${root}${target.import.default.slice(2)}` };
    });
  },
};

// React stays out of the measure as one shared module, reached the way a host's bundler reaches
// the React it bundles (`r.useState`): each file of dist/ imports React on its own (one module per
// part), and leaving those imports external would count fifty import statements no host ships.
const reactOnce = {
  name: 'react-once',
  setup(b) {
    b.onResolve({ filter: /^react(-dom)?(\/.*)?$/ }, (args) =>
      args.namespace === 'react-once' ? { path: args.path, external: true } : { path: args.path, namespace: 'react-once' },
    );
    b.onLoad({ filter: /.*/, namespace: 'react-once' }, (args) => ({ contents: `export * from '${args.path}';`, loader: 'js' }));
  },
};

export async function bundle(source, { nodeEnv = 'production' } = {}) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    plugins: [selfReference, reactOnce],
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  // Files that put code in the output (a parsed but tree-shaken file adds 0 bytes).
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path);
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs, text: result.outputFiles[0].text };
}

export const stylesGzip = () => gzipSync(readFileSync(`${root}dist/styles.css`), { level: 9 }).length;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, [source, budget, target = budget]] of Object.entries(scenarios)) {
    const { raw, gzip } = await bundle(source);
    const verdict = gzip <= target ? 'target met' : `target ${target} NOT met`;
    console.log(`${name.padEnd(14)} ${String(raw).padStart(7)} B min ${String(gzip).padStart(7)} B gzip   budget ${budget}   ${verdict}`);
  }
  console.log(`${'styles.css'.padEnd(14)} ${String(readFileSync(`${root}dist/styles.css`).length).padStart(7)} B min ${String(stylesGzip()).padStart(7)} B gzip   budget ${stylesBudget}`);
}
