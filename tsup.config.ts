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
  { ...shared, entry: { core: 'src/core/index.ts' }, clean: true },
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
