import { readFile, writeFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

/** Prepends the 'use client' directive, shifting the source map by the one line it adds. */
async function useClient(file: string) {
  const code = await readFile(file, 'utf8');
  if (code.startsWith("'use client';")) return;
  await writeFile(file, `'use client';\n${code}`);
  const map = JSON.parse(await readFile(`${file}.map`, 'utf8'));
  map.mappings = `;${map.mappings}`;
  await writeFile(`${file}.map`, JSON.stringify(map));
}

const shared: Options = {
  outDir: 'dist',
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  minify: false,
  external: ['react', 'react-dom', 'react/jsx-runtime'],
  outExtension: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.js' }),
};

// The React entry imports the core through the published `./core` file rather than bundling a
// second copy, so a host that imports both entries ships the core once and shares one store type.
const coreAsSibling = (format: string) => ({
  name: 'core-as-sibling',
  setup(build: { onResolve: (o: { filter: RegExp }, cb: () => { path: string; external: boolean }) => void }) {
    build.onResolve({ filter: /^(\.\.?\/)+core$/ }, () => ({ path: format === 'cjs' ? './core.cjs' : './core.js', external: true }));
  },
});

export default defineConfig([
  {
    ...shared,
    // Framework-free entries: no 'use client', usable from server code. Each catalogue is its own
    // entry, so a host pays only for the languages it imports.
    entry: { core: 'src/core/index.ts', 'i18n/de': 'src/i18n/de.ts', 'i18n/fr': 'src/i18n/fr.ts', 'i18n/es': 'src/i18n/es.ts' },
  },
  { entry: { styles: 'src/styles/index.css' }, outDir: 'dist', minify: true },
  ...(['esm', 'cjs'] as const).map(
    (format): Options => ({
      ...shared,
      format: [format],
      entry: { index: 'src/index.ts' },
      // Rollup's pass merges the many per-module `import ... from 'react'` into one, which
      // esbuild alone keeps apart (a host that keeps React external would ship every one of them).
      // It drops module directives, so 'use client' is put back once it is done.
      treeshake: true,
      esbuildPlugins: [coreAsSibling(format)],
      onSuccess: () => useClient(`dist/index.${format === 'cjs' ? 'cjs' : 'js'}`),
    }),
  ),
]);
