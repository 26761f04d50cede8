import type { Policy } from './policy';
import type { ConsentRecord } from './record';
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
  for (const c of policy.categories) if (c.required) for (const key of mapping[c.id] ?? []) defaults[key] = 'granted';
  if (region) defaults.region = region;
  defaults.wait_for_update = waitForUpdate;
  return (
    'window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}' +
    `gtag("consent","default",${js(defaults)});` +
    (adsDataRedaction ? 'gtag("set","ads_data_redaction",true);' : '')
  );
}

type GtagGlobal = { gtag?: (...args: unknown[]) => void; dataLayer?: unknown[] };

// Google's tag reads `arguments` objects from dataLayer and silently drops plain arrays.
function gtag(..._: unknown[]) {
  const g = globalThis as GtagGlobal;
  if (typeof g.gtag === 'function') g.gtag(..._);
  else (g.dataLayer ??= []).push(arguments);
}

// Per page: Consent Mode state lives in the page's dataLayer, so a reconnect (React StrictMode,
// a remount) need not repeat an update already sent for the same record.
const sent = new WeakMap<object, ConsentRecord | null>();

export interface GoogleConsentModeOptions<Id extends string = string> {
  mapping?: ConsentModeMapping<Id>;
}

/**
 * Sends `gtag('consent', 'update', ...)` for every decision, and on connect when one is stored.
 * Returns a function that stops it.
 */
export function connectGoogleConsentMode<Id extends string>(
  store: ConsentStore<Id>,
  { mapping = defaultConsentModeMapping as ConsentModeMapping<Id> }: GoogleConsentModeOptions<Id> = {},
): () => void {
  const update = () => {
    const { choices, record } = store.getState();
    if (record === (sent.get(store) ?? null)) return;
    sent.set(store, record);
    const values: Partial<Record<ConsentModeKey, ConsentModeValue>> = {};
    for (const id in mapping) {
      for (const key of mapping[id] ?? []) values[key] = values[key] !== 'denied' && choices[id] ? 'granted' : 'denied';
    }
    gtag('consent', 'update', values);
  };
  update();
  return store.subscribe(update);
}
