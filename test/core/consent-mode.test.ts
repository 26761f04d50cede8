import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectGoogleConsentMode, consentModeDefaultsScript, createConsentStore, definePolicy, type ConsentStoreOptions } from '../../src/core';
import { healthPolicy, policy } from '../fixtures/policies';
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

describe('consentModeDefaultsScript, one default per regime (perRegime)', () => {
  const GRANTED = { ...DENIED, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' };
  const run = (text: string, gpc?: boolean) => {
    const page: Record<string, unknown> = { navigator: gpc === undefined ? {} : { globalPrivacyControl: gpc } };
    page.window = page;
    runInNewContext(text, page);
    return (page.dataLayer as unknown[]).map((entry) => Array.from(entry as ArrayLike<unknown>));
  };
  const regionOf = (entry: unknown[]) => (entry[2] as { region?: string[] }).region;

  it('puts the regional defaults first, then the general all-denied one, then the settings, in that order', () => {
    const text = consentModeDefaultsScript(healthPolicy, { perRegime: true, adsDataRedaction: true, urlPassthrough: true });
    expect(text.indexOf('window.dataLayer=')).toBe(0);
    expect(text.indexOf('function gtag(){dataLayer.push(arguments)}')).toBeLessThan(text.indexOf('gtag("consent"'));
    const entries = run(text);
    expect(entries.map((e) => (e[0] === 'set' ? e : [e[0], e[1], regionOf(e)?.[0]]))).toEqual([
      ['consent', 'default', 'US-CA'],
      ['consent', 'default', 'US-WA'],
      ['consent', 'default', undefined],
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
    ]);
    expect(entries[2]![2]).toEqual({ ...DENIED, wait_for_update: 500 });
  });

  it('grants in opt-out regions what the regime puts in force, and denies sale-or-share keys under GPC', () => {
    const text = consentModeDefaultsScript(policy, { perRegime: true });
    const optOut = (gpc?: boolean) => run(text, gpc).find((e) => regionOf(e)?.includes('US-CA'))![2];
    expect(optOut()).toEqual({ ...GRANTED, region: expect.arrayContaining(['US-CA', 'US-TX', 'US-VA']), wait_for_update: 500 });
    expect(optOut(false)).toMatchObject({ ad_storage: 'granted' });
    expect(optOut(true)).toMatchObject({ ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'granted' });
    expect(optOut(true)).toMatchObject({ region: expect.not.arrayContaining(['DE', 'US-WA']) });
  });

  it('denies in health-data regions the keys of categories that may collect health data', () => {
    const text = consentModeDefaultsScript(healthPolicy, { perRegime: true });
    const washington = run(text).find((e) => regionOf(e)?.includes('US-WA'))![2];
    expect(washington).toEqual({
      ...DENIED,
      functionality_storage: 'granted',
      personalization_storage: 'granted',
      region: ['US-WA', 'US-NV', 'US-CT'],
      wait_for_update: 500,
    });
  });

  it("follows the host's map: { US: opt-in, US-TX: opt-out } leaves only Texas granted, California explicitly denied", () => {
    const p = definePolicy({ revision: 1, categories: policy.categories, jurisdictions: { US: 'opt-in', 'US-TX': 'opt-out' } });
    const entries = run(consentModeDefaultsScript(p, { perRegime: true }));
    const texas = entries.find((e) => regionOf(e)?.includes('US-TX'))![2];
    const optIn = entries.find((e) => regionOf(e)?.includes('US'))![2];
    expect(texas).toMatchObject({ ad_storage: 'granted', region: ['US-TX'] });
    expect(optIn).toMatchObject({ ad_storage: 'denied', analytics_storage: 'denied' });
    expect(regionOf(entries.find((e) => regionOf(e)?.includes('US'))!)).toEqual(expect.arrayContaining(['US', 'US-CA', 'US-WA']));
  });

  it('emits no regional default, exactly as before, when perRegime is not asked for', () => {
    expect(consentModeDefaultsScript(healthPolicy)).toBe(consentModeDefaultsScript(healthPolicy, { perRegime: false }));
    expect(run(consentModeDefaultsScript(healthPolicy))).toHaveLength(1);
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

  it('tells Google what runs before any decision under an opt-out regime', () => {
    const store = create({ jurisdiction: 'US-CA', signals: { gpc: true } });
    connectGoogleConsentMode(store);
    expect(pushed()).toEqual([['consent', 'update', expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'denied' })]]);
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
