// What a page of the example's production build makes the browser download of the library: every
// client chunk the page names, mapped back through its source map to the files it was built from,
// keeping the bytes from @connexx/consent-ui and the packages it depends on (Radix and theirs).
import { AnyMap, eachMapping, type EachMapping } from '@jridgewell/trace-mapping';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @connexx/consent-ui and every package it depends on, as installed in `app` (React excluded: a peer). */
export function libraryPackages(app: string): string[] {
  const found = new Set(['@connexx/consent-ui']);
  const queue = ['@connexx/consent-ui'];
  while (queue.length) {
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules', queue.pop()!, 'package.json'), 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) if (!found.has(dep)) found.add(dep) && queue.push(dep);
  }
  return [...found];
}

/** A run of a chunk's code and where it came from. */
export interface Piece {
  /** The package it was built from. */
  pkg: string;
  /** The file of @connexx/consent-ui (dist/ or src/ path), or the package name of a dependency. */
  file: string;
  code: string;
}

export interface LibraryChunks {
  pieces: Piece[];
  /** The library's code itself, to look for text in it. */
  code: string;
}

/** Pieces minified as Next ships them, gzipped at level 9 as one file (the way `npm run size` measures). */
export const gzipOf = (pieces: Piece[]) => {
  const code = pieces.map((piece) => piece.code).join('');
  return { gzip: gzipSync(code, { level: 9 }).length, raw: code.length };
};

export async function libraryChunks(origin: string, path: string, packages: string[]): Promise<LibraryChunks> {
  const html = await (await fetch(origin + path)).text();
  // Every chunk the page names (its scripts and the client components of its RSC payload), except
  // the polyfills that only browsers without modules load.
  const legacy = new Set([...html.matchAll(/<script src="([^"]+)" noModule=""/g)].map((match) => match[1]));
  const chunks = [...new Set(html.match(/\/_next\/static\/chunks\/[\w.-]+\.js/g))].filter((chunk) => !legacy.has(chunk));
  if (!chunks.length) throw new Error(`${path}: no client chunks named in the page`);
  const owner = (source: string) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(source);
    if (!match || !packages.includes(match[1]!)) return undefined;
    return { pkg: match[1]!, file: match[1] === '@connexx/consent-ui' ? match[2]! : match[1]! };
  };
  const pieces: Piece[] = [];
  for (const chunk of chunks) {
    const text = await (await fetch(origin + chunk)).text();
    const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
    if (!mapName) throw new Error(`${chunk} has no source map: the example's next.config.ts sets productionBrowserSourceMaps`);
    const map = await (await fetch(origin + chunk.replace(/[^/]+$/, mapName))).json();
    const segments: EachMapping[] = [];
    eachMapping(new AnyMap(map), (segment) => void segments.push(segment));
    segments.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
    const lines = text.split('\n');
    segments.forEach((segment, i) => {
      const from = segment.source ? owner(segment.source) : undefined;
      if (!from) return;
      const next = segments[i + 1];
      const line = lines[segment.generatedLine - 1] ?? '';
      pieces.push({ ...from, code: line.slice(segment.generatedColumn, next?.generatedLine === segment.generatedLine ? next.generatedColumn : line.length) });
    });
  }
  return { pieces, code: pieces.map((piece) => piece.code).join('') };
}
