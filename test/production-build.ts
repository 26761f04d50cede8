// The library as a host's production build ships it: bundled by esbuild with NODE_ENV replaced by
// "production", so every development-only branch is compiled out, as Vite, webpack and Next.js
// do. Tests import it to prove what a visitor's browser runs, not what the test build runs.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

// Paths, not URL objects: under jsdom the global URL is jsdom's, which Node's helpers refuse.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside node_modules, so the bundle's `react` import resolves to the one the tests render with.
const outDir = join(root, 'node_modules/.cache/consent-ui-production');

/** Bundles `src/<entry>` for production and imports it (React and Radix stay shared packages). */
export async function importProductionBuild<T>(entry: 'core/index.ts' | 'index.ts'): Promise<T> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${entry.replace(/\W/g, '-')}-${process.pid}.mjs`);
  // esbuild's command line, not its JS API: the API refuses to start inside jsdom (its TextEncoder
  // is not Node's).
  const external = ['react', 'react-dom', 'react/jsx-runtime', '@radix-ui/*'].map((name) => `--external:${name}`);
  await promisify(execFile)(join(root, 'node_modules/esbuild/bin/esbuild'), [
    join(root, 'src', entry),
    `--outfile=${outfile}`,
    '--bundle',
    '--format=esm',
    '--platform=neutral',
    '--jsx=automatic',
    '--log-level=error',
    '--define:process.env.NODE_ENV="production"',
    ...external,
  ]);
  return import(/* @vite-ignore */ `${pathToFileURL(outfile).href}?${Date.now()}`) as Promise<T>;
}
