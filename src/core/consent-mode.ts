import type { Policy } from './policy';
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
  /** ISO 3166 codes (`'US-CA'`, `'DE'`) the defaults apply to; everywhere when left out. */
  region?: readonly string[];
  /** Milliseconds Google's tags wait for the update. Default 500. */
  waitForUpdate?: number;
  /** Redacts ad click identifiers while ad_storage is denied. */
  adsDataRedaction?: boolean;
}

// JSON is valid JS; escaping `<` keeps `</script>` or `<!--` in a value from ending the element.
const js = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The inline script for `<head>`, before any Google tag: creates `dataLayer` and `gtag`, then
 * sets every Consent Mode key to denied (security_storage granted) until the visitor decides.
 */
export function consentModeDefaultsScript<Id extends string>(
  policy: Policy<Id>,
  { mapping = defaultConsentModeMapping as ConsentModeMapping<Id>, region, waitForUpdate = 500, adsDataRedaction }: ConsentModeDefaultsOptions<Id> = {},
): string {
  const defaults: Record<string, unknown> = {
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    analytics_storage: 'denied',
    functionality_storage: 'denied',
    personalization_storage: 'denied',
    security_storage: 'granted',
  };
  // A key is granted from the start only when every category that maps to it is required: one an
  // optional category also controls waits for the visitor.
  const keys = (id: Id) => (Object.prototype.hasOwnProperty.call(mapping, id) ? mapping[id] ?? [] : []);
  const optionalKeys = new Set(policy.categories.flatMap((c) => (c.required ? [] : keys(c.id))));
  for (const c of policy.categories) if (c.required) for (const key of keys(c.id)) if (!optionalKeys.has(key)) defaults[key] = 'granted';
  if (region) defaults.region = region;
  defaults.wait_for_update = waitForUpdate;
  return (
    'window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}' +
    `gtag("consent","default",${js(defaults)});` +
    (adsDataRedaction ? 'gtag("set","ads_data_redaction",true);' : '')
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
    const { choices, record } = store.getState();
    const values: Partial<Record<ConsentModeKey, ConsentModeValue>> = {};
    for (const id in mapping) {
      // `=== true`: a mapping key the policy lacks (even `toString`, a function on every object) is denied.
      for (const key of mapping[id] ?? []) values[key] = values[key] !== 'denied' && choices[id] === true ? 'granted' : 'denied';
    }
    const key = page();
    const text = JSON.stringify(values);
    if (sent.get(key) === text || (!record && !sent.has(key))) return;
    sent.set(key, text);
    gtag('consent', 'update', values);
  };
  update();
  return store.subscribe(update);
}
