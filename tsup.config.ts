import { defineConfig, type Options } from 'tsup';

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
    clean: true,
  },
  { entry: { styles: 'src/styles/index.css' }, outDir: 'dist', minify: true },
  ...(['esm', 'cjs'] as const).map(
    (format): Options => ({
      ...shared,
      format: [format],
      entry: { index: 'src/index.ts' },
      banner: { js: "'use client';" },
      esbuildPlugins: [coreAsSibling(format)],
    }),
  ),
]);
