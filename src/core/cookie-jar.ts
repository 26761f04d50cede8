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

// What each option may be. A path or domain is written into the Set-Cookie text as it is: a `;`
// there would end it and start an attribute of the option's choosing.
const VALID: Record<keyof Omit<CookieOptions, 'secure'>, { test(value: unknown): boolean }> = {
  name: /^[!#$%&'*+\-.^`|~\w]+$/,
  maxAgeDays: { test: (days) => (days as number) > 0 && (days as number) <= 400 },
  domain: /^[\w.-]+$/,
  path: /^\/[^;\0-\x1f\x7f]*$/,
  sameSite: /^(Lax|Strict|None)$/,
};

const RULES: Record<keyof typeof VALID, string> = {
  name: 'must be a valid cookie name (letters, digits and !#$%&\'*+-.^_`|~)',
  maxAgeDays: 'must be 1 to 400 (days; 400 is Chrome\'s cap)',
  domain: 'must be a domain name such as ".example.com"',
  path: 'must be a path that starts with "/", without ";" or control characters',
  sameSite: 'must be "Lax", "Strict" or "None"',
};

/**
 * The options with their defaults. A value that is not valid throws in a development build; a
 * production build uses the default instead, so nothing invalid reaches the cookie.
 */
export function resolveCookieOptions(options: CookieOptions = {}): ResolvedCookieOptions {
  const resolved: CookieOptions = { name: 'cookie_consent', maxAgeDays: 365, path: '/', sameSite: 'Lax', secure: options.secure };
  let key: keyof typeof VALID;
  for (key in VALID) {
    const value = options[key];
    // undefined keeps the default, as for an option left out (`{ name: props.cookieName }`).
    if (value === undefined) continue;
    if (VALID[key].test(value)) (resolved as Record<string, unknown>)[key] = value;
    else if (process.env.NODE_ENV !== 'production') {
      throw new TypeError(`[consent-ui] cookie.${key} ${RULES[key]}; got ${typeof value == 'string' ? JSON.stringify(value) : String(value)}.`);
    }
  }
  return resolved as ResolvedCookieOptions;
}

/**
 * Parses a `Cookie` request header (or `document.cookie`) into every value of each name, in the
 * header's order: one name can come several times, set on different paths or domains.
 */
export function parseCookieValues(header: string | null | undefined): Map<string, string[]> {
  const cookies = new Map<string, string[]>();
  if (typeof header !== 'string') return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    if (eq < 0 || !name) continue;
    const values = cookies.get(name) ?? cookies.set(name, []).get(name)!;
    values.push(pair.slice(eq + 1).trim());
  }
  return cookies;
}

/** Parses a `Cookie` request header (or `document.cookie`). The first value of a name wins. */
export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
  return new Map([...parseCookieValues(header)].map(([name, values]) => [name, values[0]!]));
}

export interface CookieAttributes {
  path?: string;
  domain?: string;
  maxAgeSeconds?: number;
  sameSite?: string;
  secure?: boolean;
}

export function serializeCookie(name: string, value: string, a: CookieAttributes = {}): string {
  return [
    `${name}=${value}`,
    `Path=${a.path ?? '/'}`,
    a.domain && `Domain=${a.domain}`,
    a.maxAgeSeconds !== undefined && `Max-Age=${a.maxAgeSeconds}`,
    a.sameSite && `SameSite=${a.sameSite}`,
    a.secure && 'Secure',
  ]
    .filter(Boolean)
    .join('; ');
}

/** `document.cookie`, or undefined where it cannot be read (server, sandboxed frame). */
export function readDocumentCookies(): string | undefined {
  try {
    return document.cookie;
  } catch {
    return undefined;
  }
}

/** Sets a cookie on the document where there is one and it takes cookies. Never throws. */
export function writeDocumentCookie(text: string): void {
  try {
    document.cookie = text;
  } catch {
    // No document (the server), or a sandboxed frame: the jar's memory stands in.
  }
}

/**
 * Deletes a cookie of this page on every path and domain it may have been set with: a cookie is
 * deleted only by its own name, path and domain, which the page cannot read. Tried: `/` and each
 * path above the page's, with and without a trailing slash; host-only, then the host and each
 * parent domain as a Domain (a bare TLD takes no cookie). A cookie this page can see was set on
 * one of these. On https the deletion is Secure, as `__Secure-` and `__Host-` cookies require.
 */
export function deleteCookieEverywhere(name: string): void {
  if (typeof location == 'undefined') return;
  const paths = new Set(['/']);
  // Each step adds the path and the path with a trailing slash; `/a/b/` then `/a/b`, `/a`.
  for (let p = location.pathname; p; p = p.slice(0, p.lastIndexOf('/'))) paths.add(p).add(p.replace(/\/?$/, '/'));
  const domains = new Set([undefined as string | undefined]);
  for (let d = location.hostname; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) domains.add('.' + d);
  const secure = location.protocol === 'https:';
  for (const path of paths) for (const domain of domains) writeDocumentCookie(serializeCookie(name, '', { path, domain, maxAgeSeconds: 0, secure }));
}

export interface CookieJar {
  /** Every value of the name the page sees (several where it was set on several paths or domains). */
  getAll(name: string): string[];
  set(name: string, value: string, attributes: CookieAttributes): void;
  /** Deletes the name on every path and domain it may have been set with. */
  remove(name: string): void;
}

/**
 * Cookies of the document, or of the request header on the server. Where the browser refuses a
 * cookie (disabled, sandboxed frame), what was written is kept in memory for the page's life.
 */
export function createCookieJar(initialCookieHeader?: string): CookieJar {
  const memory = new Map<string, string[]>();
  const serverCookies = parseCookieValues(initialCookieHeader);
  const getAll = (name: string): string[] => {
    const header = readDocumentCookies();
    return (header === undefined ? serverCookies : parseCookieValues(header)).get(name) ?? memory.get(name) ?? [];
  };
  return {
    getAll,
    set(name, value, attributes) {
      writeDocumentCookie(serializeCookie(name, value, attributes));
      // Memory stands in only where the browser did not keep the cookie; otherwise the document
      // stays the one source, so a change made by another tab is seen.
      serverCookies.delete(name);
      if (getAll(name).includes(value)) memory.delete(name);
      else memory.set(name, [value]);
    },
    remove(name) {
      memory.delete(name);
      serverCookies.delete(name);
      deleteCookieEverywhere(name);
    },
  };
}
