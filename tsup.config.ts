import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

// One output file per source module, as in src/ (dist/components/banner/cookie-banner.js ...):
// a module keeps its own 'use client' directive, so a React Server Components bundler treats only
// the components, hooks and provider as client code and can call everything else on the server,
// and its client-boundary analysis keeps only the parts a page renders.

/** Every source module, as `{ 'core/policy': 'src/core/policy.ts', ... }`. */
function sourceModules(dir = 'src'): Record<string, string> {
  const modules: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(modules, sourceModules(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) modules[path.replace(/^src\//, '').replace(/\.tsx?$/, '')] = path;
  }
  return modules;
}

// The command is built on its own below (it needs a shebang); every other module is built here.
const { 'audit/cli': _cli, ...modules } = sourceModules();

type Conditions = { import: { types: string; default: string }; require: { types: string; default: string } };

/**
 * The public entries are read from package.json `exports` (a new entry is its exports block and
 * nothing here): `./dist/core/index.js` is built from `src/core/index.ts`, and gets bundled types.
 */
const publicEntries = Object.fromEntries(
  Object.values(JSON.parse(readFileSync('package.json', 'utf8')).exports as Record<string, string | Conditions>)
    .flatMap((target) => (typeof target === 'object' ? [target.import.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '')] : []))
    .map((name) => {
      if (!modules[name]) throw new Error(`package.json exports ./dist/${name}.js, but there is no src/${name}.ts(x)`);
      return [name, modules[name]];
    }),
);

// Relative imports stay imports of the sibling output file, with the extension Node needs.
const siblings = {
  name: 'sibling-modules',
  setup(build: {
    initialOptions: { format?: string };
    onResolve: (o: { filter: RegExp }, cb: (args: { path: string; importer: string; kind: string }) => { path: string; external: boolean } | undefined) => void;
  }) {
    const ext = build.initialOptions.format === 'cjs' ? '.cjs' : '.js';
    build.onResolve({ filter: /^\.\.?(\/|$)/ }, ({ path, importer, kind }) => {
      if (kind === 'entry-point') return undefined;
      const target = resolve(dirname(importer), path);
      const file = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((suffix) => target + suffix).find((f) => existsSync(f));
      if (!file) throw new Error(`${importer}: cannot resolve ${path}`);
      const specifier = relative(dirname(importer), file).replace(/\.tsx?$/, ext);
      return { path: specifier.startsWith('.') ? specifier : `./${specifier}`, external: true };
    });
  },
};

const shared: Options = {
  outDir: 'dist',
  target: 'es2022',
  minify: false,
  sourcemap: true,
  external: ['react', 'react-dom', 'react/jsx-runtime'],
  outExtension: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js' }),
};

export default defineConfig([
  {
    ...shared,
    entry: modules,
    format: ['esm', 'cjs'],
    bundle: true,
    splitting: false,
    esbuildPlugins: [siblings],
    dts: { entry: publicEntries },
  },
  { entry: { styles: 'src/styles/index.css' }, outDir: 'dist', minify: true },
  // The `consent-ui` command: an executable with its shebang, importing the audit as a sibling.
  // Node only, like the audit itself, whose Playwright (an optional peer dependency) stays external.
  {
    ...shared,
    entry: { 'audit/cli': 'src/audit/cli.ts' },
    format: ['esm'],
    bundle: true,
    esbuildPlugins: [siblings],
    external: ['playwright-core'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
