import { cookieOwners, storageOwners } from './cookie-cleaner';
import { parseCookieValues, readDocumentCookies } from './cookie-jar';
import { nameMatches, type CategoryDefinition } from './policy';
import type { ConsentStore } from './store';

/** Something the monitor saw that the policy does not allow. */
export interface CookieMonitorFinding {
  kind: 'cookie' | 'storage';
  /** The cookie's name, or the Web Storage key. */
  name: string;
  /** `undeclared`: no category declares it; `denied`: only categories the visitor has not allowed do. */
  problem: 'undeclared' | 'denied';
  /** For `denied`, the (first) category that declares it. */
  category?: string;
}

export interface CookieMonitorOptions {
  /** Called once per name and problem, after the console warning. */
  onFinding?: (finding: CookieMonitorFinding) => void;
  /** How often to look, in milliseconds: cookies without the Cookie Store API, and Web Storage. Default 1000. */
  intervalMs?: number;
  /** Names (cookies or keys, `*` patterns) that are known and fine, beside the library's own. */
  ignore?: readonly string[];
}

// The library's own keys: receipts not yet acknowledged (one key per record), and tab sync where BroadcastChannel is missing.
const OWN = ['cookie_consent_receipts*', 'connexx-consent'];

interface CookieStoreLike {
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

function monitor<Id extends string>(store: ConsentStore<Id>, { onFinding, intervalMs = 1000, ignore = [] }: CookieMonitorOptions = {}): () => void {
  if (typeof document == 'undefined') return () => {};
  const known = [store.cookieName, ...OWN, ...ignore];
  const reported = new Set<string>();
  const report = (finding: CookieMonitorFinding) => {
    const id = `${finding.kind} ${finding.name} ${finding.problem}`;
    if (reported.has(id)) return;
    reported.add(id);
    const what = `${finding.kind === 'cookie' ? 'Cookie' : 'Storage key'} "${finding.name}"`;
    console.warn(
      finding.problem === 'undeclared'
        ? `[consent-ui] ${what} is declared by no category of the policy: declare it where it belongs, or stop what sets it.`
        : `[consent-ui] ${what} belongs to "${finding.category}", which the visitor has not allowed, yet it is there.`,
    );
    onFinding?.(finding);
  };
  const judge = (kind: CookieMonitorFinding['kind'], name: string, owners: readonly CategoryDefinition<Id>[]) => {
    if (known.some((k) => nameMatches(k, name))) return;
    if (!owners.length) return report({ kind, name, problem: 'undeclared' });
    // As the cleaner judges: the visitor's stored choices, so a sensitive page is not a finding.
    const { record, choices } = store.getState();
    const allowed = (record ?? { choices }).choices;
    if (owners.every((c) => !c.required && allowed[c.id] !== true)) report({ kind, name, problem: 'denied', category: owners[0]!.id });
  };
  const checkCookies = () => {
    for (const name of parseCookieValues(readDocumentCookies()).keys()) judge('cookie', name, cookieOwners(store.policy, name));
  };
  const checkStorage = () => {
    for (const type of ['localStorage', 'sessionStorage'] as const) {
      try {
        for (const key of Object.keys(globalThis[type])) judge('storage', key, storageOwners(store.policy, type, key));
      } catch {
        // Storage refused (disabled, sandboxed frame): nothing to watch.
      }
    }
  };
  const cookieStore = (globalThis as { cookieStore?: CookieStoreLike }).cookieStore;
  const tick = () => {
    if (!cookieStore) checkCookies();
    checkStorage();
  };
  checkCookies();
  checkStorage();
  cookieStore?.addEventListener('change', checkCookies);
  const timer = setInterval(tick, intervalMs);
  return () => {
    clearInterval(timer);
    cookieStore?.removeEventListener('change', checkCookies);
  };
}

/**
 * Development aid: warns in the console, once per name, when a cookie or Web Storage key appears
 * that no category declares, or that only a category the visitor has not allowed declares. Cookies
 * are watched through the Cookie Store API's change events where the browser has it, by polling
 * otherwise; Web Storage by polling. In production builds (`process.env.NODE_ENV === 'production'`)
 * it does nothing, and bundlers leave its code out. Returns a function that stops it.
 */
export const connectCookieMonitor: <Id extends string>(store: ConsentStore<Id>, options?: CookieMonitorOptions) => () => void =
  process.env.NODE_ENV !== 'production' ? monitor : () => () => {};
