export interface CookieOptions {
  /** Cookie name. Default `cookie_consent`. */
  name?: string;
  /** Lifetime in days, 1 to 400 (Chrome's cap). Default 365. */
  maxAgeDays?: number;
  domain?: string;
  path?: string;
  sameSite?: 'Lax' | 'Strict' | 'None';
  /** Default: true on https. */
  secure?: boolean;
}

export type ResolvedCookieOptions = Required<Omit<CookieOptions, 'domain' | 'secure'>> &
  Pick<CookieOptions, 'domain' | 'secure'>;

const TOKEN = /^[!#$%&'*+\-.^`|~\w]+$/;

export function resolveCookieOptions(options: CookieOptions = {}): ResolvedCookieOptions {
  const resolved = { name: 'cookie_consent', maxAgeDays: 365, path: '/', sameSite: 'Lax' as const, ...options };
  if (!TOKEN.test(resolved.name)) throw new TypeError(`[consent-ui] cookie.name "${resolved.name}" is not a valid cookie name.`);
  const days = resolved.maxAgeDays;
  if (!(days > 0 && days <= 400)) {
    throw new RangeError(`[consent-ui] cookie.maxAgeDays must be 1 to 400 (the browsers' cap), got ${days}.`);
  }
  return resolved;
}

/** Parses a `Cookie` request header (or `document.cookie`). The first value of a name wins. */
export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (typeof header !== 'string') return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    if (name && !cookies.has(name)) cookies.set(name, pair.slice(eq + 1).trim());
  }
  return cookies;
}

export interface CookieAttributes {
  path?: string;
  domain?: string;
  maxAgeSeconds?: number;
  sameSite?: string;
  secure?: boolean;
}

export function serializeCookie(name: string, value: string, a: CookieAttributes = {}): string {
  let text = `${name}=${value}; Path=${a.path ?? '/'}`;
  if (a.domain) text += `; Domain=${a.domain}`;
  if (a.maxAgeSeconds !== undefined) text += `; Max-Age=${a.maxAgeSeconds}`;
  if (a.sameSite) text += `; SameSite=${a.sameSite}`;
  if (a.secure) text += '; Secure';
  return text;
}

const hasDocument = () => typeof document !== 'undefined';

/** `document.cookie`, or undefined where it cannot be read (server, sandboxed frame). */
export function readDocumentCookies(): string | undefined {
  try {
    return hasDocument() ? document.cookie : undefined;
  } catch {
    return undefined;
  }
}

/** Sets a cookie on the document; false where cookies are unavailable. Never throws. */
export function writeDocumentCookie(text: string): boolean {
  try {
    if (!hasDocument()) return false;
    document.cookie = text;
    return true;
  } catch {
    return false;
  }
}

export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, attributes: CookieAttributes): void;
  remove(name: string, attributes: Pick<CookieAttributes, 'path' | 'domain'>): void;
}

/**
 * Cookies of the document, or of the request header on the server. Where the browser refuses a
 * cookie (disabled, sandboxed frame), what was written is kept in memory for the page's life.
 */
export function createCookieJar(initialCookieHeader?: string): CookieJar {
  const memory = new Map<string, string>();
  const serverCookies = parseCookieHeader(initialCookieHeader);
  return {
    get(name) {
      const header = readDocumentCookies();
      const value = header === undefined ? serverCookies.get(name) : parseCookieHeader(header).get(name);
      return value ?? memory.get(name);
    },
    set(name, value, attributes) {
      writeDocumentCookie(serializeCookie(name, value, attributes));
      // Memory stands in only where the browser did not keep the cookie; otherwise the document
      // stays the one source, so a change made by another tab is seen.
      serverCookies.delete(name);
      if (this.get(name) === value) memory.delete(name);
      else memory.set(name, value);
    },
    remove(name, attributes) {
      memory.delete(name);
      serverCookies.delete(name);
      writeDocumentCookie(serializeCookie(name, '', { ...attributes, maxAgeSeconds: 0 }));
    },
  };
}
