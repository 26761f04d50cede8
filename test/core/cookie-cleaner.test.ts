import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectCookieCleaner, cookiesToClear, createConsentStore, definePolicy, storageToClear, type ConsentStoreOptions } from '../../src/core';
import { policy } from '../fixtures/policies';
import { setLocation, storedValue, type Id } from './enforcement-fakes';
import { installFakeBrowser, type FakeBrowser } from './fake-browser';

let browser: FakeBrowser;
const create = (options: Partial<ConsentStoreOptions<Id>> = {}) => createConsentStore<Id>({ policy, ...options });
const deletions = () => browser.writes.filter((w) => /Max-Age=0/.test(w));
const plant = (...names: string[]) => names.forEach((name) => browser.jar.set(name, 'x'));

beforeEach(() => {
  browser = installFakeBrowser();
  setLocation('/shop/cart/', 'a.b.example.com');
});
afterEach(() => browser.restore());

describe('cookiesToClear', () => {
  const present = ['_ga', '_ga_ABC123', '_gaxyz', '_gid', 'session_id', 'cookie_consent', 'theme'];

  it('names the exact and prefix (`_ga_*`) cookies a withdrawn category declares, among those present', () => {
    expect(cookiesToClear(policy, ['performance'], present)).toEqual(['_ga', '_ga_ABC123']);
  });

  it('names nothing for a category that declares no cookies, or for no category', () => {
    expect(cookiesToClear(policy, ['functional', 'targeting'], present)).toEqual([]);
    expect(cookiesToClear(policy, [], present)).toEqual([]);
  });

  const shared = definePolicy({
    revision: 1,
    categories: [
      { id: 'essential', title: 'Essential', description: '', required: true, cookies: [{ name: 'csrf', purpose: '', duration: '' }] },
      {
        id: 'functional',
        title: 'Functional',
        description: '',
        cookies: [
          { name: 'pref_*', purpose: '', duration: '' },
          { name: 'csrf', purpose: '', duration: '' },
          { name: 'hotjar session', purpose: '', duration: '', pattern: /^_hjSession_\d+$/g },
        ],
        services: [{ name: 'Chat', purpose: '', cookies: [{ name: 'chat_id', purpose: '', duration: '' }] }],
      },
    ],
  });

  it('matches a RegExp `pattern` the same way on every call, even with the g flag', () => {
    const names = ['_hjSession_123', '_hjSession_456', '_hjSession_x'];
    expect(cookiesToClear(shared, ['functional'], names)).toEqual(['_hjSession_123', '_hjSession_456']);
    expect(cookiesToClear(shared, ['functional'], names)).toEqual(['_hjSession_123', '_hjSession_456']);
  });

  it('never names the consent cookie, nor a cookie a required category also declares', () => {
    const names = ['pref_lang', 'pref_consent', 'csrf', 'chat_id'];
    expect(cookiesToClear(shared, ['functional'], names, 'pref_consent')).toEqual(['pref_lang', 'chat_id']);
    expect(cookiesToClear(shared, ['essential'], names)).toEqual([]);
  });

  it('keeps a cookie another, allowed category also declares', () => {
    const both = definePolicy({
      revision: 1,
      categories: [
        { id: 'essential', title: 'Essential', description: '', required: true },
        { id: 'performance', title: 'Performance', description: '', cookies: [{ name: '_shared', purpose: '', duration: '' }] },
        { id: 'targeting', title: 'Targeting', description: '', cookies: [{ name: '_shared', purpose: '', duration: '' }, { name: '_ads', purpose: '', duration: '' }] },
      ],
    });
    expect(cookiesToClear(both, ['targeting'], ['_shared', '_ads'])).toEqual(['_ads']);
    expect(cookiesToClear(both, ['performance', 'targeting'], ['_shared', '_ads'])).toEqual(['_shared', '_ads']);
  });
});

describe('connectCookieCleaner', () => {
  it('deletes _ga and _ga_ABC123 on every path and domain variant when Performance is withdrawn', () => {
    plant('session_id', '_gid');
    const store = create();
    connectCookieCleaner(store);
    store.acceptAll();
    // Where tags set them: the page's directory, a parent path, a parent domain, the host.
    for (const text of ['_ga=1; Path=/shop/cart', '_ga=2; Path=/shop/cart/', '_ga=3; Domain=.example.com', '_ga_ABC123=4; Path=/shop; Domain=b.example.com']) {
      document.cookie = text;
    }
    plant('_ga', '_ga_ABC123');
    expect(browser.cookies.filter((c) => c.name.startsWith('_ga'))).toHaveLength(6);
    browser.writes.length = 0;
    store.setCategory('performance', false);

    expect(browser.cookies.map((c) => c.name).sort()).toEqual(['_gid', 'cookie_consent', 'session_id']);
    // Every pair tried: `/`, and /shop and /shop/cart each with and without a slash, on the host
    // and its 3 parent domains, Secure on https.
    const paths = ['/', '/shop', '/shop/', '/shop/cart', '/shop/cart/'];
    const domains = ['', '; Domain=.a.b.example.com', '; Domain=.b.example.com', '; Domain=.example.com'];
    const expected = ['_ga', '_ga_ABC123'].flatMap((name) => paths.flatMap((path) => domains.map((d) => `${name}=; Path=${path}${d}; Max-Age=0; Secure`)));
    expect(deletions().sort()).toEqual(expected.sort());
  });

  it('deletes a __Secure- cookie, which only a Secure deletion reaches', () => {
    const secureOnly = definePolicy({
      revision: 1,
      categories: [
        { id: 'essential', title: 'Essential', description: '', required: true },
        { id: 'functional', title: 'Functional', description: '', cookies: [{ name: '__Secure-pref', purpose: '', duration: '' }] },
      ],
    });
    document.cookie = '__Secure-pref=dark; Path=/; Secure';
    expect(browser.jar.has('__Secure-pref')).toBe(true);
    connectCookieCleaner(createConsentStore({ policy: secureOnly }));
    expect(browser.jar.has('__Secure-pref')).toBe(false);
  });

  it('leaves the consent cookie and the required cookies alone, whatever is withdrawn', () => {
    plant('session_id', '_ga');
    const store = create();
    connectCookieCleaner(store);
    store.acceptAll();
    store.rejectAll();
    store.reset();
    // The only other deletions are the store's own reset of the consent cookie.
    expect(deletions().filter((w) => !/^(_ga|cookie_consent)=/.test(w))).toEqual([]);
    expect(browser.jar.has('session_id')).toBe(true);
  });

  it('deletes nothing of a category the visitor allows, nor on changes that leave it allowed', () => {
    browser.jar.set('cookie_consent', storedValue({ performance: true }));
    plant('_ga', '_ga_1', 'session_id');
    const store = create();
    connectCookieCleaner(store);
    store.openPreferences();
    store.setCategory('targeting', false);
    store.setCategory('functional', true);
    store.closePreferences();
    expect(deletions()).toEqual([]);
    expect([...browser.jar.keys()].sort()).toEqual(['_ga', '_ga_1', 'cookie_consent', 'session_id']);
  });

  it('deletes on connect the cookies of a category not allowed while the visitor has not decided', () => {
    plant('_ga', '_ga_ABC', 'session_id', 'theme');
    const store = create();
    expect(store.getState().status).toBe('pending');
    connectCookieCleaner(store);
    expect([...browser.jar.keys()].sort()).toEqual(['session_id', 'theme']);
  });

  it('deletes on connect after a policy revision bump, and again on "Reject all"', () => {
    // A decision stored under revision 2 that allowed Performance; the policy is now at revision 3.
    const old = storedValue({ performance: true }).replace(/^(2\|[^|]*\|)3\|/, '$12|');
    expect(old).not.toBe(storedValue({ performance: true }));
    browser.jar.set('cookie_consent', old);
    plant('_ga', '_ga_ABC');
    const store = create();
    expect(store.getState().status).toBe('pending');
    connectCookieCleaner(store);
    expect(browser.jar.has('_ga')).toBe(false);
    // A tag that set its cookie again before the visitor answered the new banner.
    plant('_ga');
    store.rejectAll();
    expect(browser.jar.has('_ga')).toBe(false);
    expect(browser.jar.has('_ga_ABC')).toBe(false);
  });

  it('deletes on connect after an expired or tampered decision', () => {
    const expired = createConsentStore<Id>({ policy, now: () => Date.now() + 400 * 86_400_000 });
    browser.jar.set('cookie_consent', storedValue({ performance: true }));
    plant('_ga');
    connectCookieCleaner(expired);
    expect(browser.jar.has('_ga')).toBe(false);

    browser.jar.set('cookie_consent', storedValue({ performance: true }).replace('performance:1', 'performance:yes'));
    plant('_ga');
    const tampered = create();
    expect(tampered.getState().status).toBe('pending');
    connectCookieCleaner(tampered);
    expect(browser.jar.has('_ga')).toBe(false);
  });

  it('does nothing while the visitor’s choices stay the same object: opening and closing the preferences, a sensitive page', () => {
    const store = create();
    connectCookieCleaner(store);
    store.acceptAll();
    plant('_ga');
    const reads = vi.spyOn(globalThis.document as { cookie: string }, 'cookie', 'get');
    store.openPreferences();
    store.closePreferences();
    store.setSensitive(true);
    expect(reads).not.toHaveBeenCalled();
    expect(browser.jar.has('_ga')).toBe(true);
  });

  it('deletes on a reset, which withdraws everything', () => {
    const store = create();
    connectCookieCleaner(store);
    store.acceptAll();
    plant('_ga');
    store.reset();
    expect(browser.jar.has('_ga')).toBe(false);
  });

  it('deletes when the withdrawal comes from another tab (refresh)', () => {
    browser.jar.set('cookie_consent', storedValue({ performance: true }));
    plant('_ga');
    const store = create();
    connectCookieCleaner(store);
    browser.jar.set('cookie_consent', storedValue({ performance: false }, 'a1b2c3d4-0000-4000-8000-000000000002'));
    store.refresh();
    expect(browser.jar.has('_ga')).toBe(false);
  });

  it('deletes a withdrawal made on a sensitive page, where the category was not in force', () => {
    browser.jar.set('cookie_consent', storedValue({ performance: true }));
    plant('_ga');
    const store = create({ sensitive: true });
    connectCookieCleaner(store);
    expect(browser.jar.has('_ga')).toBe(true);
    store.setCategory('performance', false);
    expect(browser.jar.has('_ga')).toBe(false);
  });

  it('never deletes the store’s consent cookie, whatever its name matches, when connected without options', () => {
    const store = create({ cookie: { name: '_ga_consent' } });
    connectCookieCleaner(store);
    store.acceptAll();
    plant('_ga');
    store.rejectAll();
    expect(browser.jar.has('_ga')).toBe(false);
    expect(browser.jar.has('_ga_consent')).toBe(true);
    expect(store.getState().record!.method).toBe('reject-all');
  });

  it('tries only host-only cookies on a single-label host, and only `/` at the root', () => {
    setLocation('/', 'localhost');
    const store = create();
    connectCookieCleaner(store);
    store.acceptAll();
    plant('_ga');
    browser.writes.length = 0;
    store.rejectAll();
    expect(deletions()).toEqual(['_ga=; Path=/; Max-Age=0; Secure']);
  });

  it('stops when disconnected', () => {
    const store = create();
    const disconnect = connectCookieCleaner(store);
    store.acceptAll();
    plant('_ga');
    disconnect();
    store.rejectAll();
    expect(browser.jar.has('_ga')).toBe(true);
  });

  it('never throws where cookies cannot be read or written', () => {
    browser.restore();
    browser = installFakeBrowser({ cookies: 'throwing' });
    setLocation('/', 'connexx.test');
    const store = create();
    connectCookieCleaner(store);
    store.acceptAll();
    expect(() => store.rejectAll()).not.toThrow();
  });
});

/** A Web Storage stand-in whose keys are its own enumerable properties, as a real Storage's are. */
function webStorage(entries: Record<string, string>) {
  const storage: Record<string, string> = { ...entries };
  Object.defineProperty(storage, 'removeItem', { value: (key: string) => delete storage[key] });
  return storage;
}

const withStorage = definePolicy({
  revision: 1,
  categories: [
    { id: 'essential', title: 'Essential', description: '', required: true, storage: [{ key: 'csrf', type: 'sessionStorage', purpose: '' }] },
    {
      id: 'functional',
      title: 'Functional',
      description: '',
      storage: [
        { key: 'chat-*', type: 'localStorage', purpose: '' },
        { key: 'draft', type: 'sessionStorage', purpose: '' },
      ],
    },
    { id: 'performance', title: 'Performance', description: '', storage: [{ key: 'ga-state', type: 'localStorage', purpose: '' }] },
  ],
});

describe('storageToClear', () => {
  it('names the keys, exact and prefix, a withdrawn category declares for that type of storage', () => {
    expect(storageToClear(withStorage, ['functional'], 'localStorage', ['chat-1', 'chat-state', 'chatx', 'draft', 'ga-state'])).toEqual(['chat-1', 'chat-state']);
    expect(storageToClear(withStorage, ['functional'], 'sessionStorage', ['chat-1', 'draft', 'csrf'])).toEqual(['draft']);
  });

  it('never names a key a required category declares', () => {
    expect(storageToClear(withStorage, ['essential', 'functional'], 'sessionStorage', ['csrf'])).toEqual([]);
  });
});

describe('connectCookieCleaner, given declared Web Storage keys', () => {
  let local: Record<string, string>;
  let session: Record<string, string>;
  beforeEach(() => {
    local = webStorage({ 'chat-1': 'a', 'ga-state': 'b', theme: 'dark' });
    session = webStorage({ draft: 'x', csrf: 'y' });
    Object.assign(globalThis, { localStorage: local, sessionStorage: session });
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
    delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
  });

  it('removes the keys of every category not allowed while pending, and keeps undeclared and required ones', () => {
    connectCookieCleaner(createConsentStore({ policy: withStorage }));
    expect(Object.keys(local)).toEqual(['theme']);
    expect(Object.keys(session)).toEqual(['csrf']);
  });

  it('removes a category\'s keys when it is withdrawn, and only then', () => {
    const store = createConsentStore({ policy: withStorage });
    connectCookieCleaner(store);
    store.acceptAll();
    Object.assign(local, { 'chat-2': 'c', 'ga-state': 'd' });
    store.setCategory('performance', false);
    expect(Object.keys(local).sort()).toEqual(['chat-2', 'theme']);
    store.setCategory('functional', false);
    expect(Object.keys(local)).toEqual(['theme']);
  });

  it('never throws where storage refuses access', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    const store = createConsentStore({ policy: withStorage });
    expect(() => connectCookieCleaner(store)).not.toThrow();
    expect(Object.keys(session)).toEqual(['csrf']);
  });
});
