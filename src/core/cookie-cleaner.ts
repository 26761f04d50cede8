import { parseCookieHeader, readDocumentCookies, serializeCookie, writeDocumentCookie } from './cookie-jar';
import type { CategoryDefinition, CookieDeclaration, Policy } from './policy';
import type { ConsentStore } from './store';

export interface CookieCleanerOptions {
  /** The consent cookie's name, never deleted. Default: the store's (`store.cookieName`). */
  consentCookieName?: string;
}

const declared = (c: CategoryDefinition) => [...(c.cookies ?? []), ...(c.services ?? []).flatMap((s) => s.cookies ?? [])];

// `search` ignores `lastIndex`, so a pattern with the g or y flag matches the same every time.
const matches = (name: string) => (d: CookieDeclaration) =>
  (d.pattern && name.search(d.pattern) >= 0) || (d.name.endsWith('*') ? name.startsWith(d.name.slice(0, -1)) : name === d.name);

/**
 * Which of the cookies present (by name) the given categories declare, less the consent cookie
 * and anything a required category declares. Only present cookies are named: a cookie the page
 * cannot see is HttpOnly or on a path or domain it cannot delete anyway.
 */
export function cookiesToClear<Id extends string>(
  policy: Policy<Id>,
  categoryIds: readonly Id[],
  presentNames: Iterable<string>,
  consentCookieName = 'cookie_consent',
): string[] {
  return [...presentNames].filter((name) => {
    const owners = policy.categories.filter((c) => declared(c).some(matches(name)));
    return name !== consentCookieName && owners.some((c) => categoryIds.includes(c.id)) && !owners.some((c) => c.required);
  });
}

/**
 * Keeps the first-party cookies of every category the visitor does not allow deleted: on connect
 * (a policy revision bump, an expired or unreadable decision: all optional categories are off
 * until the visitor decides) and after every change of the visitor's choices (a withdrawal, a
 * reset, another tab's decision). A cookie is deleted only by the path and domain it was set
 * with, which the page cannot read: every likely pair is tried. Returns a function that stops it.
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
    // `/`, the page's path and each parent of it (`/a/b/`, `/a/b`, `/a`); no Domain (host-only),
    // then `.a.b.example.com` up to `.example.com` (a bare TLD takes no cookie).
    const paths = new Set(['/']);
    for (let p = location.pathname; p; p = p.slice(0, p.lastIndexOf('/'))) paths.add(p);
    const domains: (string | undefined)[] = [undefined];
    for (let d = location.hostname; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) domains.push('.' + d);
    for (const name of cookiesToClear(store.policy, denied, parseCookieHeader(readDocumentCookies()).keys(), consentCookieName)) {
      for (const path of paths) for (const domain of domains) writeDocumentCookie(serializeCookie(name, '', { path, domain, maxAgeSeconds: 0 }));
    }
  };
  clean();
  return store.subscribe(clean);
}
