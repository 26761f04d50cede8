import { parseCookieHeader, readDocumentCookies, serializeCookie, writeDocumentCookie } from './cookie-jar';
import type { CategoryDefinition, CookieDeclaration, Policy } from './policy';
import type { ConsentStore } from './store';

export interface CookieCleanerOptions {
  /** The consent cookie's name (`cookie.name` of the store), never deleted. Default `cookie_consent`. */
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
 * Deletes a category's first-party cookies when it is withdrawn. A cookie is deleted only by
 * the path and domain it was set with, which the page cannot read: every likely pair is tried.
 * Returns a function that stops watching.
 */
export function connectCookieCleaner<Id extends string>(store: ConsentStore<Id>, { consentCookieName }: CookieCleanerOptions = {}): () => void {
  // What the visitor allows: the stored choices, not only those in force, so a withdrawal made on
  // a sensitive page (where the category is not in force) still clears its cookies.
  const allowed = () => (store.getState().record ?? store.getState()).choices;
  let before = allowed();
  return store.subscribe(() => {
    const choices = allowed();
    const withdrawn = store.policy.categories.filter((c) => before[c.id] && !choices[c.id]).map((c) => c.id);
    before = choices;
    if (!withdrawn.length || typeof location == 'undefined') return;
    // `/`, the page's path and each parent of it (`/a/b/`, `/a/b`, `/a`); no Domain (host-only),
    // then `.a.b.example.com` up to `.example.com` (a bare TLD takes no cookie).
    const paths = new Set(['/']);
    for (let p = location.pathname; p; p = p.slice(0, p.lastIndexOf('/'))) paths.add(p);
    const domains: (string | undefined)[] = [undefined];
    for (let d = location.hostname; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) domains.push('.' + d);
    for (const name of cookiesToClear(store.policy, withdrawn, parseCookieHeader(readDocumentCookies()).keys(), consentCookieName)) {
      for (const path of paths) for (const domain of domains) writeDocumentCookie(serializeCookie(name, '', { path, domain, maxAgeSeconds: 0 }));
    }
  });
}
