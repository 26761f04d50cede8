// The library as a host's production build ships it: bundled by esbuild with NODE_ENV replaced by
// "production", so every development-only branch is compiled out, as Vite, webpack and Next.js
// do. Tests import it to prove what a visitor's browser runs, not what the test build runs.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url);
// Inside node_modules, so the bundle's `react` import resolves to the one the tests render with.
const outDir = fileURLToPath(new URL('node_modules/.cache/consent-ui-production/', root));

/** Bundles `src/<entry>` for production and imports it (React and Radix stay shared packages). */
export async function importProductionBuild<T>(entry: 'core/index.ts' | 'index.ts'): Promise<T> {
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}${entry.replace(/\W/g, '-')}-${process.pid}.mjs`;
  await build({
    entryPoints: [fileURLToPath(new URL(`src/${entry}`, root))],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    jsx: 'automatic',
    external: ['react', 'react-dom', 'react/jsx-runtime', '@radix-ui/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return import(/* @vite-ignore */ `${pathToFileURL(outfile).href}?${Date.now()}`) as Promise<T>;
}
