/**
 * A stand-in for the browser's cookie store, installed on globalThis for core tests that run in
 * Node. It keeps cookies the way RFC 6265 and Chromium do, keyed by name, domain and path: a
 * Domain attribute must match the host, the default path is the page's directory, Secure needs
 * https, `__Secure-` and `__Host-` names have their rules, Max-Age=0 deletes only the cookie of
 * the same name, domain and path, and `document.cookie` lists what the page's path and host may
 * see, longer paths first, then older first. Every write is recorded as it was sent.
 */
export interface FakeCookie {
  name: string;
  value: string;
  /** The host for a host-only cookie, else the Domain attribute without its dot. */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
}

export interface FakeBrowser {
  writes: string[];
  /** Name-level access for tests: `set` plants a host-only cookie on `/`; `has`/`get` see what the page sees. */
  jar: {
    set(name: string, value: string): void;
    has(name: string): boolean;
    get(name: string): string | undefined;
    keys(): IterableIterator<string>;
  };
  /** Every stored cookie, for tests about paths, domains and Secure. */
  cookies: FakeCookie[];
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
  const stored: FakeCookie[] = [];
  const page = () => globalThis.location as unknown as { protocol: string; hostname: string; pathname?: string };
  const pathMatches = (cookiePath: string, path: string) =>
    path === cookiePath || (path.startsWith(cookiePath) && (cookiePath.endsWith('/') || path[cookiePath.length] === '/'));
  const visible = () => {
    const { hostname, pathname = '/', protocol: scheme } = page();
    return stored
      .filter(
        (c) =>
          (c.hostOnly ? hostname === c.domain : hostname === c.domain || hostname.endsWith(`.${c.domain}`)) &&
          pathMatches(c.path, pathname) &&
          (!c.secure || scheme === 'https:'),
      )
      .sort((a, b) => b.path.length - a.path.length);
  };
  const store = (text: string) => {
    const [pair = '', ...parts] = text.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const attr = new Map(parts.map((p) => [p.split('=')[0]!.trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()] as const));
    const { hostname, pathname = '/', protocol: scheme } = page();
    const secure = attr.has('secure');
    if (secure && scheme !== 'https:') return;
    let domain = hostname;
    const hostOnly = !attr.has('domain');
    if (!hostOnly) {
      domain = attr.get('domain')!.replace(/^\./, '').toLowerCase();
      if (hostname !== domain && !hostname.endsWith(`.${domain}`)) return;
    }
    const given = attr.get('path');
    const path = given?.startsWith('/') ? given : pathname.slice(0, pathname.lastIndexOf('/')) || '/';
    if (name.startsWith('__Secure-') && !secure) return;
    if (name.startsWith('__Host-') && (!secure || !hostOnly || path !== '/')) return;
    const same = stored.findIndex((c) => c.name === name && c.domain === domain && c.hostOnly === hostOnly && c.path === path);
    if (same >= 0) stored.splice(same, 1);
    if (Number(attr.get('max-age') ?? 1) > 0) stored.push({ name, value, domain, hostOnly, path, secure });
  };
  const document = {
    get cookie() {
      if (cookies === 'throwing') throw new DOMException('The document is sandboxed', 'SecurityError');
      return visible()
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
    },
    set cookie(text: string) {
      if (cookies === 'throwing') throw new DOMException('The document is sandboxed', 'SecurityError');
      writes.push(text);
      if (cookies !== 'ignored') store(text);
    },
  };
  const jar: FakeBrowser['jar'] = {
    set: (name, value) => store(`${name}=${value}; Path=/`),
    has: (name) => visible().some((c) => c.name === name),
    get: (name) => visible().find((c) => c.name === name)?.value,
    keys: () => new Set(visible().map((c) => c.name)).values(),
  };
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, document: g.document, location: g.location, navigator: Object.getOwnPropertyDescriptor(g, 'navigator') };
  g.window = globalThis;
  g.document = document;
  g.location = { protocol, hostname: 'connexx.test', pathname: '/' };
  Object.defineProperty(g, 'navigator', { value: nav, configurable: true, writable: true });
  return {
    writes,
    jar,
    cookies: stored,
    restore() {
      g.window = saved.window;
      g.document = saved.document;
      g.location = saved.location;
      if (saved.navigator) Object.defineProperty(g, 'navigator', saved.navigator);
      else delete g.navigator;
      if (saved.window === undefined) delete g.window;
      if (saved.document === undefined) delete g.document;
      if (saved.location === undefined) delete g.location;
    },
  };
}
