import { defaultJurisdictions, regimeFor, type Regime } from './jurisdiction';
import type { CategoryDefinition, Policy } from './policy';
import type { ConsentStore } from './store';

export type ConsentModeKey =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

export type ConsentModeValue = 'granted' | 'denied';

/** Which Consent Mode keys each category controls. A key several categories control needs all of them. */
export type ConsentModeMapping<Id extends string = string> = Partial<Record<Id, readonly ConsentModeKey[]>>;

export const defaultConsentModeMapping: ConsentModeMapping = {
  performance: ['analytics_storage'],
  targeting: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  functional: ['functionality_storage', 'personalization_storage'],
};

export interface ConsentModeDefaultsOptions<Id extends string = string> {
  /** Keys a required category controls default to granted (it is always granted). */
  mapping?: ConsentModeMapping<Id>;
  /** ISO 3166 codes (`'US-CA'`, `'DE'`) the general default applies to; everywhere when left out. */
  region?: readonly string[];
  /**
   * One `default` per regime before the general one, each with Google's `region` parameter: the
   * regions of the policy's `jurisdictions` and of the default map. Where a regime puts a category
   * in force before any decision (`opt-out`, `health-data`), its keys start granted there, except
   * sale-or-share keys when the browser sends GPC. Everywhere else the general, all-denied default
   * applies. Google applies the most specific region that matches the visitor.
   */
  perRegime?: boolean;
  /** Milliseconds Google's tags wait for the update. Default 500. */
  waitForUpdate?: number;
  /** Redacts ad click identifiers while ad_storage is denied. */
  adsDataRedaction?: boolean;
  /** Passes ad click information in link URLs while cookies are denied (`url_passthrough`). */
  urlPassthrough?: boolean;
}

// JSON is valid JS; escaping `<` keeps `</script>` or `<!--` in a value from ending the element.
const js = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const KEYS: readonly ConsentModeKey[] = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
];

/**
 * The inline script for `<head>`, before any Google tag: creates `dataLayer` and `gtag`, then
 * sets every Consent Mode key to denied (security_storage granted) until the visitor decides;
 * with `perRegime`, first the defaults of the regions whose law lets categories run until then.
 */
export function consentModeDefaultsScript<Id extends string>(
  policy: Policy<Id>,
  { mapping = defaultConsentModeMapping as ConsentModeMapping<Id>, region, perRegime, waitForUpdate = 500, adsDataRedaction, urlPassthrough }: ConsentModeDefaultsOptions<Id> = {},
): string {
  const keys = (id: Id) => (Object.prototype.hasOwnProperty.call(mapping, id) ? mapping[id] ?? [] : []);
  // A key is granted from the start only when every category that maps to it is in force from the
  // start: under opt-in only required ones, so a key an optional category also controls waits.
  const defaults = (inForce: (c: CategoryDefinition<Id>) => boolean, where?: readonly string[]) => {
    const values: Record<string, unknown> = {};
    for (const key of KEYS) {
      const controlling = policy.categories.filter((c) => keys(c.id).includes(key));
      values[key] = controlling.length && controlling.every((c) => c.required || inForce(c)) ? 'granted' : 'denied';
    }
    values.security_storage = 'granted';
    if (where) values.region = where;
    values.wait_for_update = waitForUpdate;
    return values;
  };
  let commands = '';
  if (perRegime) {
    const byRegime = new Map<Regime, string[]>();
    for (const code of Object.keys({ ...defaultJurisdictions, ...policy.jurisdictions })) {
      const regime = regimeFor(code, policy.jurisdictions);
      byRegime.set(regime, [...(byRegime.get(regime) ?? []), code]);
    }
    for (const [regime, codes] of byRegime) {
      const inForce = (gpc: boolean) => (c: CategoryDefinition<Id>) =>
        regime != 'opt-in' && !(gpc && c.saleOrShare) && !(regime == 'health-data' && c.healthData);
      const plain = js(defaults(inForce(false), codes));
      const signalled = js(defaults(inForce(true), codes));
      // The page knows GPC before any tag runs; the server's cached HTML may not.
      commands += `gtag("consent","default",${plain === signalled ? plain : `navigator.globalPrivacyControl===true?${signalled}:${plain}`});`;
    }
  }
  return (
    'window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}' +
    commands +
    `gtag("consent","default",${js(defaults(() => false, region))});` +
    (adsDataRedaction ? 'gtag("set","ads_data_redaction",true);' : '') +
    (urlPassthrough ? 'gtag("set","url_passthrough",true);' : '')
  );
}

type GtagGlobal = { gtag?: (...args: unknown[]) => void; dataLayer?: unknown[] };

// The page's Consent Mode: its gtag when there is one, else its dataLayer (made if missing).
const page = () => {
  const g = globalThis as GtagGlobal;
  return typeof g.gtag === 'function' ? g.gtag : (g.dataLayer ??= []);
};

// Google's tag reads `arguments` objects from dataLayer and silently drops plain arrays.
function gtag(..._: unknown[]) {
  const g = globalThis as GtagGlobal;
  if (typeof g.gtag === 'function') g.gtag(..._);
  else (g.dataLayer ??= []).push(arguments);
}

// Per page (keyed by its gtag or dataLayer), the values last sent: Consent Mode state lives in the
// page, so an update that would not change it is not sent, whoever asks (a reconnect under React
// StrictMode, a remount, a second connection, a decision that changed nothing Google reads).
const sent = new WeakMap<object, string>();

export interface GoogleConsentModeOptions<Id extends string = string> {
  mapping?: ConsentModeMapping<Id>;
}

/**
 * Sends `gtag('consent', 'update', ...)` whenever the categories in force on this page change what
 * Google may do: on each decision, on connect when one is stored, and when a page becomes
 * sensitive (`setSensitive`), which denies what it blocks whatever is stored. Nothing is sent while
 * the visitor has not decided and nothing has been sent: the defaults already deny.
 * Returns a function that stops it.
 */
export function connectGoogleConsentMode<Id extends string>(
  store: ConsentStore<Id>,
  { mapping = defaultConsentModeMapping as ConsentModeMapping<Id> }: GoogleConsentModeOptions<Id> = {},
): () => void {
  // On the server there is no page to tell, and a dataLayer there would be shared by every request.
  if (typeof window == 'undefined') return () => {};
  const update = () => {
    const { choices, record, regime } = store.getState();
    const values: Partial<Record<ConsentModeKey, ConsentModeValue>> = {};
    for (const id in mapping) {
      // `=== true`: a mapping key the policy lacks (even `toString`, a function on every object) is denied.
      for (const key of mapping[id] ?? []) values[key] = values[key] !== 'denied' && choices[id] === true ? 'granted' : 'denied';
    }
    const key = page();
    const text = JSON.stringify(values);
    // Under opt-in the defaults already deny everything a pending visitor has not allowed; under
    // the US regimes categories run before any decision, and Google is told so.
    if (sent.get(key) === text || (!record && regime == 'opt-in' && !sent.has(key))) return;
    sent.set(key, text);
    gtag('consent', 'update', values);
  };
  update();
  return store.subscribe(update);
}
