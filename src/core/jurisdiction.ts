/**
 * Which consent regime a visitor's law puts in force:
 * - `opt-in`: nothing optional runs until the visitor agrees (GDPR and ePrivacy, UK GDPR, Swiss
 *   FADP, Brazil's LGPD, Quebec's Law 25), and whenever the location is unknown.
 * - `opt-out`: optional categories run until the visitor opts out; an opt-out signal (GPC) keeps
 *   sale-or-share categories off (US state comprehensive privacy laws).
 * - `health-data`: as `opt-out`, except that categories flagged `healthData` stay off until the
 *   visitor opts in, and sharing them needs its own consent (Washington's My Health My Data Act,
 *   Nevada SB 370, Connecticut's consumer health data amendments).
 */
export type Regime = 'opt-in' | 'opt-out' | 'health-data';

/** Regimes by ISO 3166 code: a country (`'US'`) or a country and subdivision (`'US-CA'`). */
export type JurisdictionMap = Readonly<Record<string, Regime>>;

/** From the loosest to the strictest: a regime's index is its strictness. */
export const regimes: readonly Regime[] = ['opt-out', 'health-data', 'opt-in'];

// US states whose comprehensive privacy law is in force (2026-12), each with an opt-out of
// targeted advertising and sale; sources in the Jurisdictions guide. Florida's law reaches only
// companies with over $1 billion in revenue and stays out. Anything not listed, the EU/EEA, the
// UK, Switzerland, Brazil and Quebec included, is opt-in. After the `|`, in the order of
// `regimes`, the consumer-health-data laws that reach a health site's trackers: Washington RCW
// 19.373, Nevada NRS 603A (SB 370), Connecticut CTDPA as amended by SB 3 (2023).
const US_STATES = 'CA CO VA UT TX OR MT IA DE NE NH NJ TN MN MD IN KY RI|WA NV CT';

/** The default map, frozen; a policy's `jurisdictions` are consulted before it. */
export const defaultJurisdictions: JurisdictionMap = /* @__PURE__ */ Object.freeze(
  Object.fromEntries(US_STATES.split('|').flatMap((states, i) => states.split(' ').map((s) => [`US-${s}`, regimes[i]!]))),
);

// A country, optionally a subdivision. XX/ZZ are what CDNs send for "unknown", EU/AP for a
// continent-wide block; none of them names a law. Cloudflare's T1 (Tor) fails the pattern.
export const CODE = /^(?!XX|ZZ|EU|AP)[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/** `'us-ca'` -> `'US-CA'`; anything that is not an ISO 3166 code of a place (`CODE`) -> undefined. */
export function normalizeJurisdiction(code: unknown): string | undefined {
  const upper = typeof code == 'string' ? code.trim().toUpperCase() : '';
  return CODE.test(upper) ? upper : undefined;
}

/**
 * The regime for a jurisdiction: the host's map first, then the default one, each most specific
 * key first (`'US-CA'`, then `'US'`). Unknown, malformed or unlisted means `'opt-in'`, and so does
 * a map value that is not a regime.
 */
export function regimeFor(jurisdiction: unknown, overrides?: JurisdictionMap): Regime {
  const code = normalizeJurisdiction(jurisdiction);
  // The first own value found decides, as it is (a prototype's key is no jurisdiction).
  const regime = code && [overrides, defaultJurisdictions].flatMap((map) => [code, code.slice(0, 2)].map((key) => map && {}.hasOwnProperty.call(map, key) && map[key])).find(Boolean);
  return regimes.includes(regime as Regime) ? (regime as Regime) : 'opt-in';
}
