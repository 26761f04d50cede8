import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectGoogleConsentMode, consentModeDefaultsScript, createConsentStore, definePolicy, type ConsentStoreOptions } from '../../src/core';
import { policy } from '../fixtures/policies';
import { storedValue, type Id } from './enforcement-fakes';
import { installFakeBrowser, type FakeBrowser } from './fake-browser';

const isArguments = (entry: unknown) => Object.prototype.toString.call(entry) === '[object Arguments]';
const g = globalThis as { dataLayer?: unknown[]; gtag?: unknown };

/** Runs the script text as a page would, and returns its dataLayer as plain arrays. */
function runDefaults(text: string) {
  const page: Record<string, unknown> = {};
  page.window = page;
  runInNewContext(text, page);
  const dataLayer = page.dataLayer as unknown[];
  expect(dataLayer.every(isArguments)).toBe(true);
  return { page, entries: dataLayer.map((entry) => Array.from(entry as ArrayLike<unknown>)) };
}

const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

describe('consentModeDefaultsScript', () => {
  it('creates dataLayer, then gtag pushing `arguments`, then the all-denied default, and nothing else', () => {
    const text = consentModeDefaultsScript(policy);
    const steps = ['window.dataLayer=window.dataLayer||[];', 'function gtag(){dataLayer.push(arguments)}', 'gtag("consent","default",'];
    expect(steps.map((step) => text.indexOf(step))).toEqual([0, steps[0]!.length, steps[0]!.length + steps[1]!.length]);
    expect(text.endsWith('"wait_for_update":500});')).toBe(true);
    expect(text.match(/gtag\("/g)).toHaveLength(1);
    expect(runDefaults(text).entries).toEqual([['consent', 'default', { ...DENIED, wait_for_update: 500 }]]);
  });

  it('keeps a dataLayer that already exists', () => {
    const page: Record<string, unknown> = { dataLayer: ['earlier'] };
    page.window = page;
    runInNewContext(consentModeDefaultsScript(policy), page);
    expect((page.dataLayer as unknown[])[0]).toBe('earlier');
    expect(page.dataLayer).toHaveLength(2);
  });

  it('adds the regions, the wait, and ads_data_redaction after the default when asked', () => {
    const text = consentModeDefaultsScript(policy, { region: ['US-CA', 'DE'], waitForUpdate: 800, adsDataRedaction: true });
    expect(runDefaults(text).entries).toEqual([
      ['consent', 'default', { ...DENIED, region: ['US-CA', 'DE'], wait_for_update: 800 }],
      ['set', 'ads_data_redaction', true],
    ]);
  });

  it('cannot be broken out of by `</script>` in an option', () => {
    const evil = '</script><script>alert(1)</script><!--';
    const text = consentModeDefaultsScript(policy, { region: [evil] });
    expect(text).not.toMatch(/<\/script|<!--/i);
    expect(text).not.toContain('<');
    expect(runDefaults(text).entries[0]![2]).toMatchObject({ region: [evil] });
  });

  it('grants by default the keys a required category controls', () => {
    const text = consentModeDefaultsScript(policy, { mapping: { essential: ['functionality_storage'], performance: ['analytics_storage'] } });
    expect(runDefaults(text).entries[0]![2]).toMatchObject({ functionality_storage: 'granted', analytics_storage: 'denied' });
  });

  it('keeps denied by default a key an optional category controls too, until the visitor decides', () => {
    const mapping = { essential: ['functionality_storage'], functional: ['functionality_storage', 'personalization_storage'] } as const;
    const text = consentModeDefaultsScript(policy, { mapping });
    expect(runDefaults(text).entries[0]![2]).toMatchObject({ functionality_storage: 'denied', personalization_storage: 'denied' });
  });

  it('reads only the mapping\'s own keys: a category named `toString` maps to nothing', () => {
    const odd = definePolicy({ revision: 1, categories: [{ id: 'toString', title: 'Odd', description: '', required: true }] });
    expect(() => consentModeDefaultsScript(odd)).not.toThrow();
    expect(runDefaults(consentModeDefaultsScript(odd)).entries[0]![2]).toMatchObject({ ad_storage: 'denied', security_storage: 'granted' });
  });
});

describe('connectGoogleConsentMode on the server', () => {
  it('does nothing: no dataLayer shared by every request', () => {
    const store = createConsentStore<Id>({ policy, initialCookieHeader: `cookie_consent=${storedValue({ performance: true })}` });
    expect(store.getState().status).toBe('decided');
    const disconnect = connectGoogleConsentMode(store);
    store.acceptAll();
    expect(g.dataLayer).toBeUndefined();
    disconnect();
  });
});

describe('connectGoogleConsentMode', () => {
  let browser: FakeBrowser;
  const create = (options: Partial<ConsentStoreOptions<Id>> = {}) => createConsentStore<Id>({ policy, ...options });
  const pushed = () => (g.dataLayer ?? []).map((entry) => (expect(isArguments(entry)).toBe(true), Array.from(entry as ArrayLike<unknown>)));

  beforeEach(() => {
    browser = installFakeBrowser();
  });
  afterEach(() => {
    delete g.dataLayer;
    delete g.gtag;
    browser.restore();
  });

  it('sends nothing while pending, then an update of `arguments` on each decision', () => {
    const store = create();
    connectGoogleConsentMode(store);
    store.openPreferences();
    expect(g.dataLayer ?? []).toEqual([]);
    store.acceptAll();
    store.save({ targeting: false, functional: false });
    expect(pushed()).toEqual([
      ['consent', 'update', {
        analytics_storage: 'granted',
        ad_storage: 'granted',
        ad_user_data: 'granted',
        ad_personalization: 'granted',
        functionality_storage: 'granted',
        personalization_storage: 'granted',
      }],
      ['consent', 'update', {
        analytics_storage: 'granted',
        ad_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
        functionality_storage: 'denied',
        personalization_storage: 'denied',
      }],
    ]);
  });

  it('sends the stored decision once on connect, and not again for the same record on a reconnect', () => {
    browser.jar.set('cookie_consent', storedValue({ performance: true }));
    const store = create();
    connectGoogleConsentMode(store)();
    connectGoogleConsentMode(store);
    expect(pushed()).toEqual([['consent', 'update', expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'denied' })]]);
  });

  it('calls the page’s gtag when there is one', () => {
    const gtag = vi.fn();
    g.gtag = gtag;
    const store = create();
    connectGoogleConsentMode(store);
    store.rejectAll();
    expect(gtag).toHaveBeenCalledOnce();
    expect(gtag.mock.calls[0]).toEqual(['consent', 'update', expect.objectContaining({ analytics_storage: 'denied', ad_storage: 'denied' })]);
    expect(g.dataLayer).toBeUndefined();
  });

  it('follows a custom mapping, a key several categories control needing all of them', () => {
    const store = create();
    connectGoogleConsentMode(store, { mapping: { functional: ['personalization_storage'], targeting: ['personalization_storage', 'ad_storage'] } });
    store.save({ functional: true });
    store.save({ targeting: true });
    expect(pushed().map((entry) => entry[2])).toEqual([
      { personalization_storage: 'denied', ad_storage: 'denied' },
      { personalization_storage: 'granted', ad_storage: 'granted' },
    ]);
  });

  it('denies on a sensitive page whatever is stored, and sends nothing for a reset that changes no value', () => {
    browser.jar.set('cookie_consent', storedValue({ performance: true, targeting: true }));
    const store = create({ sensitive: ['performance', 'targeting'] });
    connectGoogleConsentMode(store);
    store.reset();
    expect(pushed().map((entry) => entry[2])).toEqual([expect.objectContaining({ analytics_storage: 'denied', ad_storage: 'denied' })]);
  });

  it('follows the choices in force when the page becomes sensitive and back (setSensitive)', () => {
    browser.jar.set('cookie_consent', storedValue({ performance: true, functional: true }));
    const store = create();
    connectGoogleConsentMode(store);
    store.setSensitive(true);
    store.setSensitive(['performance']);
    store.setSensitive(undefined);
    const granted = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', functionality_storage: 'granted', personalization_storage: 'granted' };
    expect(pushed().map((entry) => entry[2])).toEqual([
      { ...granted, analytics_storage: 'granted' },
      { ...granted, analytics_storage: 'denied', functionality_storage: 'denied', personalization_storage: 'denied' },
      { ...granted, analytics_storage: 'denied' },
      { ...granted, analytics_storage: 'granted' },
    ]);
  });

  it('sends an update only when a value changes: not for a decision that changes none, nor a second connection', () => {
    const store = create();
    connectGoogleConsentMode(store);
    store.acceptAll();
    store.acceptAll();
    store.openPreferences();
    store.save({});
    connectGoogleConsentMode(store);
    connectGoogleConsentMode(create());
    expect(pushed()).toHaveLength(1);
    store.reset();
    store.reset();
    expect(pushed().map((entry) => entry[2])).toEqual([expect.objectContaining({ analytics_storage: 'granted' }), expect.objectContaining({ analytics_storage: 'denied' })]);
  });

  it('denies a mapping key named like an Object.prototype member', () => {
    const store = create();
    connectGoogleConsentMode(store, { mapping: { toString: ['analytics_storage'], constructor: ['ad_storage'] } as never });
    store.acceptAll();
    expect(pushed().map((entry) => entry[2])).toEqual([{ analytics_storage: 'denied', ad_storage: 'denied' }]);
  });

  it('uses the policy’s ids: a mapping key the policy lacks is denied', () => {
    const other = definePolicy({ revision: 1, categories: [{ id: 'stats', title: 'Stats', description: '' }] });
    const store = createConsentStore({ policy: other });
    connectGoogleConsentMode(store);
    store.acceptAll();
    expect(pushed()[0]![2]).toEqual({
      analytics_storage: 'denied',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
    });
  });
});
