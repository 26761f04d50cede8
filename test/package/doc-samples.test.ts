// Every ```ts and ```tsx sample of the README and of the MDX guides, type-checked against the built
// package (dist/, through package.json's exports map, as a host resolves it), so the docs cannot
// drift from the API (issue #12 item 7).
//
// How a document's samples become a project, one project per document:
// - A sample whose first line is a comment naming a file (`// app/layout.tsx`, `// consent.ts`) is
//   that file, so `import { policy } from '../consent'` between samples resolves; any other sample
//   is a file of its own.
// - A sample with import declarations must be complete: nothing is added to it. A sample without
//   any (a fragment: a JSX snippet, a call) gets the library's exports it names imported for it,
//   from the first entry that has them (root, then /core, /server, /audit), and `policy` from the
//   document's `consent.ts`, or from a default one when the document has none.
// - What a sample takes from the host's own code (components such as <Site />, a Playwright
//   `page`, `store`, `reportToSentry`) is declared once in HOST below, with the library's types.
// - A line marked `// error` must fail to compile (the docs show what the types forbid); every
//   other line must compile.
// - Next.js imports resolve to examples/next's own `next`, React to the repository's types.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const nextModules = join(root, 'examples/next/node_modules');

interface Sample {
  /** 1-based line in the document of the sample's first line of code. */
  line: number;
  code: string;
}

/** The ```ts / ```tsx fenced blocks of a Markdown or MDX text. */
export function extractSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(ts|tsx|typescript)\b/.exec(lines[i] ?? '');
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end] ?? '')) end++;
    samples.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return samples;
}

/** The package's entries with types, as `paths` for the compiler: '@connexx/consent-ui/core' -> dist/core/index.d.ts. */
function packagePaths(): Record<string, string[]> {
  const { name, exports: entries } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { import?: { types?: string } }>;
  };
  const paths: Record<string, string[]> = {};
  for (const [key, target] of Object.entries(entries)) {
    const types = typeof target === 'object' ? target.import?.types : undefined;
    if (types) paths[name + key.slice(1)] = [join(root, types)];
  }
  return paths;
}

const ENTRIES = ['@connexx/consent-ui', '@connexx/consent-ui/core', '@connexx/consent-ui/server', '@connexx/consent-ui/audit'];

/** The host-side names the samples use, typed with the library's own types. */
const HOST = `
import type { ReactNode } from 'react';
import type { Page } from 'playwright-core';
import type { CategoryDefinition, ConsentRecord, ConsentStore } from '@connexx/consent-ui/core';
declare global {
  const Site: () => ReactNode;
  const Analytics: () => ReactNode;
  const AnalyticsScript: () => ReactNode;
  const LiveChat: () => ReactNode;
  const IntercomChat: () => ReactNode;
  const PatientPortal: () => ReactNode;
  function reportToSentry(error: unknown): void;
  function sendReceipt(record: ConsentRecord): void;
  const page: Page;
  const url: string;
  const store: ConsentStore;
  const categories: CategoryDefinition[];
  const consentHeader: string | undefined;
  const secGpc: string | null;
  const children: ReactNode;
}
export {};
`;

/** Modules the samples import that this repository does not install (a script file: ambient modules). */
const AMBIENT = `
declare module '@playwright/test' {
  export const test: (name: string, body: (fixtures: { page: import('playwright-core').Page }) => Promise<void>) => void;
  export function expect(actual: unknown, message?: string): { toBe(expected: unknown): void };
}
declare module '*.css';
`;

/** Used by a document that shows no consent.ts of its own. */
const DEFAULT_CONSENT = `
import { definePolicy } from '@connexx/consent-ui';
export const policy = definePolicy({
  revision: 1,
  categories: [
    { id: 'essential', title: 'Essential Cookies', description: 'Strictly necessary.', required: true },
    { id: 'performance', title: 'Performance Cookies', description: 'Counts visits.' },
    { id: 'functional', title: 'Functional Cookies', description: 'Chat support.' },
    { id: 'targeting', title: 'Targeting Cookies', description: 'Advertising.', saleOrShare: true },
  ],
});
`;

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  typeRoots: [join(root, 'node_modules/@types')],
  paths: {
    ...packagePaths(),
    next: [join(nextModules, 'next/types.d.ts')],
    'next/*': [join(nextModules, 'next/*')],
    react: [join(root, 'node_modules/@types/react/index.d.ts')],
    'react/*': [join(root, 'node_modules/@types/react/*')],
    'react-dom': [join(root, 'node_modules/@types/react-dom/index.d.ts')],
    'react-dom/*': [join(root, 'node_modules/@types/react-dom/*')],
  },
};

/** Library and lib.d.ts files, parsed once for every document's project. */
const parsed = new Map<string, ts.SourceFile | undefined>();

function createProgram(files: Map<string, string>, old?: ts.Program) {
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  const { directoryExists } = host;
  host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
  host.directoryExists = (dir) =>
    [...files.keys()].some((file) => file.startsWith(`${dir}/`)) || (directoryExists?.call(host, dir) ?? true);
  host.readFile = (file) => files.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) =>
    files.has(file)
      ? ts.createSourceFile(file, files.get(file)!, language, true)
      : parsed.get(file) ?? parsed.set(file, getSourceFile.call(host, file, language, ...rest)).get(file);
  return ts.createProgram({ rootNames: [...files.keys()], options, host, oldProgram: old });
}

/** What each entry exports, read from the built declarations. */
function libraryExports(): Map<string, string> {
  const probe = join(root, '.doc-samples/exports.ts');
  const program = createProgram(new Map([[probe, ENTRIES.map((entry, i) => `import * as e${i} from '${entry}';`).join('\n')]]));
  const checker = program.getTypeChecker();
  const from = new Map<string, string>();
  const source = program.getSourceFile(probe)!;
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const entry = (statement.moduleSpecifier as ts.StringLiteral).text;
    const symbol = checker.getSymbolAtLocation(statement.moduleSpecifier);
    if (!symbol) throw new Error(`${entry} does not resolve: run npm run build first`);
    for (const exported of checker.getExportsOfModule(symbol)) if (!from.has(exported.name)) from.set(exported.name, entry);
  }
  return from;
}

export interface Problem {
  line: number;
  message: string;
}

const fileComment = /^\s*\/\/\s*([\w@.[\]()-]+(?:\/[\w@.[\]()-]+)*\.(?:tsx?|mts))\b/;

/** Type-checks one document's samples; returns what is wrong, with the document's line numbers. */
export function checkDocument(name: string, text: string, exportsFrom = libraryExports()): Problem[] {
  const samples = extractSamples(text);
  const dir = join(root, '.doc-samples', name.replace(/[^\w.-]/g, '_'));
  const files = new Map<string, string>();
  const origin = new Map<string, Sample>();
  samples.forEach((sample, i) => {
    const named = fileComment.exec(sample.code.split('\n')[0] ?? '')?.[1];
    let file = join(dir, named ?? `sample-${i + 1}.tsx`);
    if (files.has(file)) file = join(dir, `sample-${i + 1}-${posix.basename(file)}`);
    files.set(file, sample.code);
    origin.set(file, sample);
  });
  const consent = join(dir, 'consent.ts');
  if (!files.has(consent)) files.set(consent, DEFAULT_CONSENT);
  files.set(join(dir, 'host.d.ts'), HOST);
  files.set(join(dir, 'ambient.d.ts'), AMBIENT);

  // First pass: which names does each fragment leave unresolved?
  const first = createProgram(files);
  const missing = new Map<string, Set<string>>();
  for (const file of origin.keys()) {
    const source = first.getSourceFile(file)!;
    if (source.statements.some(ts.isImportDeclaration)) continue;
    for (const d of first.getSemanticDiagnostics(source)) {
      const found = /^(?:Cannot find name|No value exists in scope for the shorthand property) '(\w+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      const name = found?.[1];
      if (name && (name === 'policy' || exportsFrom.has(name))) {
        if (!missing.has(file)) missing.set(file, new Set());
        missing.get(file)!.add(name);
      }
    }
  }
  // Imports go after the sample's last line, so its line numbers stay the document's.
  for (const file of origin.keys()) {
    const names = [...(missing.get(file) ?? [])];
    const byEntry = new Map<string, string[]>();
    for (const id of names) {
      const entry = id === 'policy' ? `./${relative(dirname(file), consent).replace(/\\/g, '/').replace(/\.ts$/, '')}` : exportsFrom.get(id)!;
      byEntry.set(entry, [...(byEntry.get(entry) ?? []), id]);
    }
    const added = [...byEntry].map(([entry, ids]) => `import { ${ids.join(', ')} } from '${entry}';`);
    files.set(file, `${files.get(file)}\n${added.join('\n')}\nexport {};\n`);
  }

  const program = createProgram(files, first);
  const problems: Problem[] = [];
  for (const [file, sample] of origin) {
    const source = program.getSourceFile(file)!;
    const expectedErrors = new Set(
      sample.code.split('\n').flatMap((text, i) => (/\/\/\s*error\b/.test(text) ? [i] : [])),
    );
    const failed = new Set<number>();
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const at = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line;
      failed.add(at);
      if (!expectedErrors.has(at)) {
        problems.push({ line: sample.line + at, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') });
      }
    }
    for (const at of expectedErrors) {
      if (!failed.has(at)) problems.push({ line: sample.line + at, message: 'marked `// error` but compiles' });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

const documents = ['README.md', ...readdirSync(join(root, 'stories/docs')).filter((f) => f.endsWith('.mdx')).map((f) => `stories/docs/${f}`)];

describe('code samples in the docs', () => {
  if (!existsSync(join(root, 'dist/index.d.ts'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  // Next.js's types come from the example app's install (.ci/run makes it; a fresh checkout gets it here).
  if (!existsSync(join(nextModules, 'next'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: join(root, 'examples/next'), stdio: 'inherit', timeout: 300_000 });
  }
  const exportsFrom = libraryExports();

  it('are found: the README and the guides show code', () => {
    const counts = documents.map((doc) => extractSamples(readFileSync(join(root, doc), 'utf8')).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(30);
    expect(extractSamples(readFileSync(join(root, 'README.md'), 'utf8')).length).toBeGreaterThan(0);
  });

  it.each(documents)('%s type-checks against the built package', (doc) => {
    const problems = checkDocument(doc, readFileSync(join(root, doc), 'utf8'), exportsFrom);
    expect(problems.map((p) => `${doc}:${p.line}: ${p.message}`)).toEqual([]);
  });

  // The checker itself: a sample that misuses the API is caught, with the document's line number,
  // and an `// error` mark that no longer fails is reported.
  it('catches a wrong sample, and a stale `// error` mark', () => {
    const doc = [
      'Intro',
      '',
      '```tsx',
      "import { useCookieCategory } from '@connexx/consent-ui';",
      "useCookieCategory('functional');",
      "useCookieCategory('functional', 'extra');",
      '```',
      '',
      '```ts',
      "createConsentStore({ policy }).acceptAll(); // error: it does not fail",
      'createConsentStore({ policy, colour: 1 });',
      '```',
    ].join('\n');
    const problems = checkDocument('self-test.md', doc, exportsFrom);
    expect(problems.map((p) => p.line)).toEqual([6, 10, 11]);
    expect(problems[1]?.message).toBe('marked `// error` but compiles');
  });
});
