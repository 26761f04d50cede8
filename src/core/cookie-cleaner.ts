import { deleteCookieEverywhere, parseCookieValues, readDocumentCookies } from './cookie-jar';
import { nameMatches, type CategoryDefinition, type CookieDeclaration, type Policy, type StorageDeclaration } from './policy';
import type { ConsentStore } from './store';

export interface CookieCleanerOptions {
  /** The consent cookie's name, never deleted. Default: the store's (`store.cookieName`). */
  consentCookieName?: string;
}

/** The categories that declare a first-party cookie of this name, themselves or through a service. */
export const cookieOwners = <Id extends string>(policy: Policy<Id>, name: string) =>
  policy.categories.filter((c) =>
    [...(c.cookies ?? []), ...(c.services ?? []).flatMap((s) => s.cookies ?? [])].some(
      // `search` ignores `lastIndex`, so a pattern with the g or y flag matches the same every time.
      (d: CookieDeclaration) => (d.pattern && name.search(d.pattern) >= 0) || nameMatches(d.name, name),
    ),
  );

/** The categories that declare this Web Storage key, of this type. */
export const storageOwners = <Id extends string>(policy: Policy<Id>, type: StorageDeclaration['type'], key: string) =>
  policy.categories.filter((c) => (c.storage ?? []).some((d) => d.type === type && nameMatches(d.key, key)));

/** Whether some categories own a cookie or key, and all of them are optional ones among `ids`. */
const onlyOf = (owners: readonly CategoryDefinition[], ids: readonly string[]) =>
  owners.length > 0 && owners.every((c) => !c.required && ids.includes(c.id));

/**
 * Which of the cookies present (by name) are declared only by the given categories: not the
 * consent cookie, nothing a required category declares, and nothing another category (one the
 * visitor allows) declares too. Only present cookies are named: a cookie the page cannot see is
 * HttpOnly or on a path or domain it cannot delete anyway.
 */
export function cookiesToClear<Id extends string>(
  policy: Policy<Id>,
  categoryIds: readonly Id[],
  presentNames: Iterable<string>,
  consentCookieName = 'cookie_consent',
): string[] {
  return [...presentNames].filter((name) => name !== consentCookieName && onlyOf(cookieOwners(policy, name), categoryIds));
}

/**
 * Which of the Web Storage keys present are declared (`storage`, of that `type`) only by the given
 * categories, as for `cookiesToClear`: never one a required or another allowed category declares.
 */
export function storageToClear<Id extends string>(
  policy: Policy<Id>,
  categoryIds: readonly Id[],
  type: StorageDeclaration['type'],
  presentKeys: Iterable<string>,
): string[] {
  return [...presentKeys].filter((key) => onlyOf(storageOwners(policy, type, key), categoryIds));
}

/**
 * Keeps the first-party cookies of every category the visitor does not allow deleted: on connect
 * (a policy revision bump, an expired or unreadable decision: all optional categories are off
 * until the visitor decides) and after every change of the visitor's choices (a withdrawal, a
 * reset, another tab's decision), on every path and domain each may have been set with
 * (`deleteCookieEverywhere`), and the Web Storage keys they declare (`storage`). Returns a function
 * that stops it.
 */
export function connectCookieCleaner<Id extends string>(
  store: ConsentStore<Id>,
  { consentCookieName = store.cookieName }: CookieCleanerOptions = {},
): () => void {
  let last: object | undefined;
  const clean = () => {
    // What the visitor allows: the stored choices, not only those in force, so a sensitive page
    // (where a category is not in force) leaves alone the cookies of a category still allowed.
    // While pending, the state's choices: every optional category off.
    const state = store.getState();
    const allowed = (state.record ?? state).choices;
    // The same object as last time (opening or closing the preferences, a sensitive page): no change.
    if (allowed === last || typeof location == 'undefined') return;
    last = allowed;
    const denied = store.policy.categories.filter((c) => allowed[c.id] !== true).map((c) => c.id);
    for (const name of cookiesToClear(store.policy, denied, parseCookieValues(readDocumentCookies()).keys(), consentCookieName)) {
      deleteCookieEverywhere(name);
    }
    for (const type of ['localStorage', 'sessionStorage'] as const) {
      try {
        const storage = globalThis[type];
        for (const key of storageToClear(store.policy, denied, type, Object.keys(storage))) storage.removeItem(key);
      } catch {
        // Storage refused (disabled, sandboxed frame): nothing there to remove.
      }
    }
  };
  clean();
  return store.subscribe(clean);
}
