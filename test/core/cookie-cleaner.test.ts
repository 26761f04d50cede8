import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectCookieCleaner, cookiesToClear, createConsentStore, definePolicy, type ConsentStoreOptions } from '../../src/core';
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
});

describe('connectCookieCleaner', () => {
  it('deletes _ga and _ga_ABC123 on every path and domain variant when Performance is withdrawn', () => {
    plant('session_id', '_ga', '_ga_ABC123', '_gid');
    const store = create();
    connectCookieCleaner(store);
    store.acceptAll();
    plant('_ga', '_ga_ABC123');
    browser.writes.length = 0;
    store.setCategory('performance', false);

    const paths = ['/', '/shop/cart/', '/shop/cart', '/shop'];
    const domains = ['', '; Domain=.a.b.example.com', '; Domain=.b.example.com', '; Domain=.example.com'];
    const expected = ['_ga', '_ga_ABC123'].flatMap((name) => paths.flatMap((path) => domains.map((d) => `${name}=; Path=${path}${d}; Max-Age=0`)));
    expect(deletions().sort()).toEqual(expected.sort());
    expect(deletions()).toHaveLength(32);
    expect([...browser.jar.keys()].sort()).toEqual(['_gid', 'cookie_consent', 'session_id']);
  });

  it('leaves the consent cookie and the required cookies alone, whatever is withdrawn', () => {
    plant('session_id', '_ga');
    const store = create();
    connectCookieCleaner(store);
    store.acceptAll();
    store.rejectAll();
    store.reset();
    expect(deletions().filter((w) => !/^_ga=/.test(w))).toEqual([
      expect.stringMatching(/^cookie_consent=; Path=\/; Max-Age=0/), // the store's own reset, not the cleaner
    ]);
    expect(browser.jar.has('session_id')).toBe(true);
  });

  it('deletes nothing when a category is granted, stays granted, or was never granted', () => {
    plant('_ga', '_ga_1');
    const store = create();
    connectCookieCleaner(store);
    store.rejectAll();
    store.openPreferences();
    store.setCategory('performance', true);
    store.setCategory('targeting', false);
    expect(deletions()).toEqual([]);
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

  it('tries only host-only cookies on a single-label host, and only `/` at the root', () => {
    setLocation('/', 'localhost');
    const store = create();
    connectCookieCleaner(store);
    store.acceptAll();
    plant('_ga');
    browser.writes.length = 0;
    store.rejectAll();
    expect(deletions()).toEqual(['_ga=; Path=/; Max-Age=0']);
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
