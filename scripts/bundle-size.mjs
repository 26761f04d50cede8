// Measures what a host ships: each scenario is bundled from dist/ with esbuild (minified, React
// external, as a host bundler would tree-shake it) and gzipped at level 9.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const scenarios = {
  core: `import { definePolicy, createConsentStore } from '@connexx/consent-ui/core'; console.log(definePolicy, createConsentStore);`,
  'core + hooks': `import { definePolicy, createConsentStore, ConsentProvider, useConsent, useCookieCategory } from '@connexx/consent-ui'; console.log(definePolicy, createConsentStore, ConsentProvider, useConsent, useCookieCategory);`,
};

// Resolves the package's own name to its built files, the way a host resolves the published package.
const selfReference = {
  name: 'self-reference',
  setup(b) {
    b.onResolve({ filter: /^@connexx\/consent-ui(\/core)?$/ }, (args) => ({
      path: `${root}dist/${args.path.endsWith('/core') ? 'core' : 'index'}.js`,
    }));
  },
};

export async function bundle(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    plugins: [selfReference],
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs: Object.keys(result.metafile.inputs) };
}

export const gzipFile = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, source] of Object.entries(scenarios)) {
    const { raw, gzip } = await bundle(source);
    console.log(`${name.padEnd(16)} ${String(raw).padStart(7)} B min  ${String(gzip).padStart(6)} B gzip`);
  }
}
