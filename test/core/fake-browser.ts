/**
 * A minimal stand-in for the browser's cookie store, installed on globalThis for core tests that
 * run in Node: it keeps what `document.cookie = ...` writes (deleting on Max-Age=0) and records
 * every write as it was sent, attributes included.
 */
export interface FakeBrowser {
  writes: string[];
  jar: Map<string, string>;
  restore(): void;
}

export function installFakeBrowser({
  protocol = 'https:',
  navigator: nav = {},
  cookies = 'enabled',
}: {
  protocol?: string;
  navigator?: Record<string, unknown>;
  cookies?: 'enabled' | 'ignored' | 'throwing';
} = {}): FakeBrowser {
  const writes: string[] = [];
  const jar = new Map<string, string>();
  const document = {
    get cookie() {
      if (cookies === 'throwing') throw new DOMException('The document is sandboxed', 'SecurityError');
      return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    },
    set cookie(text: string) {
      if (cookies === 'throwing') throw new DOMException('The document is sandboxed', 'SecurityError');
      writes.push(text);
      if (cookies === 'ignored') return;
      const [pair] = text.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      if (/;\s*Max-Age=0(;|$)/i.test(text)) jar.delete(name);
      else jar.set(name, pair!.slice(eq + 1).trim());
    },
  };
  const g = globalThis as Record<string, unknown>;
  const saved = { document: g.document, location: g.location, navigator: Object.getOwnPropertyDescriptor(g, 'navigator') };
  g.document = document;
  g.location = { protocol, hostname: 'connexx.test' };
  Object.defineProperty(g, 'navigator', { value: nav, configurable: true, writable: true });
  return {
    writes,
    jar,
    restore() {
      g.document = saved.document;
      g.location = saved.location;
      if (saved.navigator) Object.defineProperty(g, 'navigator', saved.navigator);
      else delete g.navigator;
      if (saved.document === undefined) delete g.document;
      if (saved.location === undefined) delete g.location;
    },
  };
}
