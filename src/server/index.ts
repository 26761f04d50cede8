import { createConsentStore, normalizeJurisdiction, type ConsentState, type ConsentStoreOptions } from '../core';

/**
 * A request's headers as the host has them: a Fetch `Headers`, a `Request` (middleware, route
 * handlers, edge functions), or Node's `IncomingHttpHeaders` (`req.headers`, lower-case names).
 */
export type RequestHeaders = Headers | Request | Readonly<Record<string, string | readonly string[] | undefined>>;

/** CDNs whose geolocation headers `jurisdictionFromHeaders` can read. */
export type GeolocationSource = 'cloudflare' | 'vercel' | 'cloudfront' | 'fastly' | 'netlify';

type Get = (name: string) => string | undefined;

function reader(headers: RequestHeaders | null | undefined): Get {
  const source = headers as { get?: unknown; headers?: { get?: unknown } } | null | undefined;
  const fetchHeaders = typeof source?.get == 'function' ? source : typeof source?.headers?.get == 'function' ? source.headers : null;
  return (name) => {
    try {
      if (fetchHeaders) return (fetchHeaders as Headers).get(name) ?? undefined;
      if (!source || typeof source != 'object' || !Object.prototype.hasOwnProperty.call(source, name)) return undefined;
      const value = (source as Record<string, unknown>)[name];
      // Node joins repeated headers itself, except a few it hands over as arrays.
      if (Array.isArray(value)) return value.every((v) => typeof v == 'string') ? value.join(name == 'cookie' ? '; ' : ', ') : undefined;
      return typeof value == 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  };
}

// Netlify's `x-nf-geo`: base64 of JSON `{ country: { code }, subdivision: { code } }`.
function netlify(get: Get): [unknown, unknown] {
  const geo = JSON.parse(atob(get('x-nf-geo') ?? ''));
  return [geo?.country?.code, geo?.subdivision?.code];
}

// Each CDN's country (ISO 3166-1 alpha-2) and subdivision (the ISO 3166-2 part after the dash).
const sources: Record<GeolocationSource, (get: Get) => [unknown, unknown]> = {
  cloudflare: (get) => [get('cf-ipcountry'), get('cf-region-code')],
  vercel: (get) => [get('x-vercel-ip-country'), get('x-vercel-ip-country-region')],
  cloudfront: (get) => [get('cloudfront-viewer-country'), get('cloudfront-viewer-country-region')],
  // Fastly sends nothing by itself: the service's VCL copies client.geo.country_code and
  // client.geo.region into these (the Jurisdictions guide has the two lines).
  fastly: (get) => [get('x-geo-country'), get('x-geo-region')],
  netlify,
};

export interface JurisdictionFromHeadersOptions {
  /**
   * The CDNs in front of this server whose geolocation headers count, in order. Anyone can send
   * any header: one from a CDN not named here is ignored, so name only those the request really
   * passes through (and that overwrite what the visitor sent).
   */
  trust: readonly GeolocationSource[];
}

/**
 * The visitor's jurisdiction (`'US-CA'`, `'DE'`) from the geolocation headers of a trusted CDN,
 * or undefined: no trusted CDN named, no header, or a value that names no place (Cloudflare's
 * `XX` and `T1`, a malformed or hostile string). Undefined gives the store the opt-in regime.
 */
export function jurisdictionFromHeaders(headers: RequestHeaders, { trust }: JurisdictionFromHeadersOptions): string | undefined {
  const get = reader(headers);
  for (const name of Array.isArray(trust) ? trust : []) {
    if (!Object.prototype.hasOwnProperty.call(sources, name)) continue;
    try {
      const [countryValue, regionValue] = sources[name as GeolocationSource](get);
      const country = normalizeJurisdiction(countryValue);
      if (!country || country.includes('-')) continue;
      const region = typeof regionValue == 'string' ? regionValue.trim().toUpperCase().replace(`${country}-`, '') : '';
      return normalizeJurisdiction(`${country}-${region}`) ?? country;
    } catch {
      // A header that is not what this CDN sends (bad base64, bad JSON): no location from it.
    }
  }
  return undefined;
}

/** The consent cookie alone, `cookie_consent=...` (every copy of it), for `initialCookieHeader`; undefined without one. */
export function consentCookieHeader(headers: RequestHeaders, { name = 'cookie_consent' }: { name?: string } = {}): string | undefined {
  const cookie = reader(headers)('cookie');
  if (!cookie) return undefined;
  const values = cookie
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`));
  return values.length ? values.join('; ') : undefined;
}

export type ReadConsentOptions<Id extends string> = Omit<ConsentStoreOptions<Id>, 'initialCookieHeader' | 'signals' | 'onChange' | 'now'> & {
  /** Clock, for tests. */
  now?: () => number | Date;
};

/**
 * The visitor's consent state as the store computes it from the request: regime, choices in force,
 * record, and signals (GPC from `Sec-GPC: 1`, DNT from `DNT: 1`). For a middleware or route
 * handler deciding whether to set or send anything. It reads only; it never writes a cookie.
 */
export function readConsent<Id extends string>(headers: RequestHeaders, options: ReadConsentOptions<Id>): ConsentState<Id> {
  const get = reader(headers);
  const cookieName = options.cookie?.name ?? 'cookie_consent';
  const store = createConsentStore<Id>({
    ...options,
    initialCookieHeader: consentCookieHeader(headers, { name: cookieName }),
    signals: { gpc: get('sec-gpc')?.trim() === '1', dnt: get('dnt')?.trim() === '1' },
  });
  const state = store.getState();
  store.destroy();
  return state;
}

export { createConsentLog, MAX_RECEIPT_BYTES } from './consent-log';
export type { ConsentExportRange, ConsentLog, ConsentLogDatabase, ConsentLogOptions, StoredConsent } from './consent-log';
export { policyFingerprint } from '../core/fingerprint';
