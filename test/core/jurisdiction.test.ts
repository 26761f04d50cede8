import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsentStore, decodeRecord, defaultJurisdictions, definePolicy, regimeFor, type ConsentStoreOptions, type Policy } from '../../src/core';
import { healthPolicy, policy } from '../fixtures/policies';
import { installFakeBrowser, type FakeBrowser } from './fake-browser';

type Id = 'essential' | 'performance' | 'functional' | 'targeting';
const NOW = Date.parse('2026-11-30T12:00:00.000Z');

let browser: FakeBrowser;
const create = (options: Partial<ConsentStoreOptions<Id>> = {}) => createConsentStore<Id>({ policy: healthPolicy, now: () => NOW, ...options });
const stored = (p: Policy<Id> = healthPolicy) => decodeRecord(browser.jar.get('cookie_consent'), p, { now: NOW });
const all = (performance: boolean, functional: boolean, targeting: boolean) => ({ essential: true, performance, functional, targeting });

beforeEach(() => {
  browser = installFakeBrowser();
});
afterEach(() => browser.restore());

describe('regimeFor, with the default map', () => {
  it.each([
    ['DE', 'opt-in'],
    ['GB', 'opt-in'],
    ['CH', 'opt-in'],
    ['BR', 'opt-in'],
    ['CA-QC', 'opt-in'],
    ['US-CA', 'opt-out'],
    ['US-TX', 'opt-out'],
    ['US-VA', 'opt-out'],
    ['US-WA', 'health-data'],
    ['US-NV', 'health-data'],
    ['US-CT', 'health-data'],
    ['us-ca', 'opt-out'],
    [' US-CA ', 'opt-out'],
  ])('puts %s under %s', (code, regime) => {
    expect(regimeFor(code)).toBe(regime);
  });

  it.each([
    ['nothing', undefined],
    ['an empty string', ''],
    ['a country with no listed law (US-NY)', 'US-NY'],
    ['the whole US, no state', 'US'],
    ["Cloudflare's unknown (XX)", 'XX'],
    ["Cloudflare's Tor (T1)", 'T1'],
    ['a continent (EU)', 'EU'],
    ['a hostile string', 'US-CA<script>'],
    ['a number', 42],
    ['an object', { toString: () => 'US-CA' }],
    ['a prototype key', 'constructor'],
  ])('falls back to opt-in, the strictest, for %s', (_, code) => {
    expect(regimeFor(code)).toBe('opt-in');
  });

  it('lists the opt-out states and the health-data states, and nothing opt-in (opt-in is the default)', () => {
    expect(Object.values(defaultJurisdictions).every((r) => r === 'opt-out' || r === 'health-data')).toBe(true);
    expect(Object.isFrozen(defaultJurisdictions)).toBe(true);
  });
});

describe('regimeFor, with a host map', () => {
  it('consults the host map before the default one: { US: opt-in } makes every state opt-in', () => {
    for (const code of ['US-CA', 'US-WA', 'US-TX', 'US']) expect(regimeFor(code, { US: 'opt-in' })).toBe('opt-in');
  });

  it('takes the most specific key first: { US: opt-in, US-TX: opt-out } makes all but Texas opt-in', () => {
    const map = { US: 'opt-in', 'US-TX': 'opt-out' } as const;
    expect(regimeFor('US-TX', map)).toBe('opt-out');
    expect(regimeFor('US-CA', map)).toBe('opt-in');
  });

  it('falls back to the defaults where the host map says nothing, and can loosen a country', () => {
    expect(regimeFor('US-CA', { DE: 'opt-in' })).toBe('opt-out');
    expect(regimeFor('US-NY', { US: 'opt-out' })).toBe('opt-out');
  });

  it('treats a host value that is not a regime as opt-in, never as a grant', () => {
    expect(regimeFor('US-CA', { 'US-CA': 'none' } as never)).toBe('opt-in');
    expect(regimeFor('US-CA', JSON.parse('{"__proto__": {"US-CA": "opt-out"}}'))).toBe('opt-out');
  });
});

describe('definePolicy, given jurisdictions or healthData', () => {
  const base = { revision: 1, categories: [{ id: 'essential', title: 'Essential', description: '', required: true }] };
  it('keeps the host map, frozen', () => {
    const p = definePolicy({ ...base, jurisdictions: { US: 'opt-in', 'US-TX': 'opt-out' } });
    expect(p.jurisdictions).toEqual({ US: 'opt-in', 'US-TX': 'opt-out' });
    expect(Object.isFrozen(p.jurisdictions)).toBe(true);
  });

  it.each([
    [{ 'us-ca': 'opt-out' }, "jurisdictions key \"us-ca\" must be an upper-case ISO 3166 code such as 'US' or 'US-CA'"],
    [{ California: 'opt-out' }, 'jurisdictions key "California"'],
    [{ US: 'opt_in' }, 'jurisdictions["US"] must be one of opt-out, health-data, opt-in, got "opt_in"'],
    ['US', 'jurisdictions must be an object'],
  ])('refuses %j with a clear error', (jurisdictions, message) => {
    expect(() => definePolicy({ ...base, jurisdictions } as never)).toThrow(message);
  });

  it('refuses a healthData that is not a boolean', () => {
    const categories = [...base.categories, { id: 'stats', title: 'Stats', description: '', healthData: 'yes' }];
    expect(() => definePolicy({ ...base, categories } as never)).toThrow('category "stats".healthData must be true or false');
  });
});

describe('createConsentStore, given no jurisdiction', () => {
  it('is opt-in with no jurisdiction, and records that', () => {
    const store = create();
    expect(store.getState()).toMatchObject({ regime: 'opt-in', jurisdiction: undefined, choices: all(false, false, false) });
    store.acceptAll();
    expect(stored()).toMatchObject({ regime: 'opt-in', choices: all(true, true, true) });
    expect(stored()).not.toHaveProperty('jurisdiction');
  });

  it('is opt-in for a jurisdiction it cannot read', () => {
    expect(create({ jurisdiction: 'Narnia' }).getState()).toMatchObject({ regime: 'opt-in', jurisdiction: undefined });
  });
});

describe('createConsentStore, given DE (opt-in)', () => {
  it('keeps every optional category off until the visitor decides, as today', () => {
    const store = create({ jurisdiction: 'DE' });
    expect(store.getState()).toMatchObject({ regime: 'opt-in', jurisdiction: 'DE', status: 'pending', choices: all(false, false, false) });
    store.acceptAll();
    expect(store.getState().choices).toEqual(all(true, true, true));
    expect(stored()).toMatchObject({ method: 'accept-all', regime: 'opt-in', jurisdiction: 'DE' });
  });
});

describe.each(['US-CA', 'US-TX'])('createConsentStore, given %s (opt-out)', (jurisdiction) => {
  it('puts every optional category in force while nobody has decided, writing nothing', () => {
    const store = create({ jurisdiction });
    expect(store.getState()).toMatchObject({ regime: 'opt-out', jurisdiction, status: 'pending', record: null, choices: all(true, true, true) });
    expect(browser.writes).toEqual([]);
  });

  it('keeps sale-or-share off while nobody has decided when the browser sends GPC', () => {
    expect(create({ jurisdiction, signals: { gpc: true } }).getState().choices).toEqual(all(true, true, false));
  });

  it('opts out of sale and sharing in one step, leaving the rest on, recorded as an opt-out', () => {
    const store = create({ jurisdiction });
    store.optOut();
    expect(store.getState()).toMatchObject({ status: 'decided', choices: all(true, true, false) });
    expect(stored()).toMatchObject({ method: 'opt-out', regime: 'opt-out', jurisdiction, choices: all(true, true, false) });
  });

  it('records Reject all and Accept all as today', () => {
    const store = create({ jurisdiction });
    store.rejectAll();
    expect(store.getState().choices).toEqual(all(false, false, false));
    store.acceptAll();
    expect(stored()).toMatchObject({ method: 'accept-all', choices: all(true, true, true) });
  });

  it('saves over what is in force: turning one category off leaves the others on', () => {
    const store = create({ jurisdiction });
    store.setCategory('functional', false);
    expect(stored()?.choices).toEqual(all(true, false, true));
  });

  it('keeps a sensitive page\'s categories off even while nobody has decided', () => {
    expect(create({ jurisdiction, sensitive: ['performance'] }).getState().choices).toEqual(all(false, true, true));
  });
});

describe('createConsentStore, given US-WA (health-data)', () => {
  it('keeps health-data categories off while nobody has decided, and the others on', () => {
    const store = create({ jurisdiction: 'US-WA' });
    expect(store.getState()).toMatchObject({ regime: 'health-data', jurisdiction: 'US-WA', choices: all(false, true, false) });
  });

  it('never grants a health-data category that also sells or shares by Accept all', () => {
    const store = create({ jurisdiction: 'US-WA' });
    store.acceptAll();
    expect(store.getState().choices).toEqual(all(true, true, false));
    expect(stored()).toMatchObject({ method: 'accept-all', regime: 'health-data', choices: all(true, true, false) });
  });

  it('grants it only by its own switch', () => {
    const store = create({ jurisdiction: 'US-WA' });
    store.acceptAll();
    store.setCategory('targeting', true);
    expect(store.getState().choices).toEqual(all(true, true, true));
  });

  it('does not let an Accept all made elsewhere grant health-data sharing here', () => {
    create({ jurisdiction: 'DE' }).acceptAll();
    const store = create({ jurisdiction: 'US-WA' });
    expect(store.getState()).toMatchObject({ status: 'decided', choices: all(true, true, false) });
  });

  it('behaves as opt-out for a policy with no healthData flags', () => {
    const store = createConsentStore<Id>({ policy, jurisdiction: 'US-WA' });
    expect(store.getState().choices).toEqual(all(true, true, true));
  });
});

describe('a decision made under one regime, read under another', () => {
  it('asks again under opt-in after a one-step opt-out in California (its grants were defaults)', () => {
    create({ jurisdiction: 'US-CA' }).optOut();
    const store = create({ jurisdiction: 'DE' });
    expect(store.getState()).toMatchObject({ status: 'pending', record: null, choices: all(false, false, false) });
  });

  it('asks again under health-data after a one-step opt-out under opt-out', () => {
    create({ jurisdiction: 'US-CA' }).optOut();
    expect(create({ jurisdiction: 'US-WA' }).getState().status).toBe('pending');
  });

  it('keeps an opt-out decision whose every grant the visitor made: Accept all, or Save', () => {
    create({ jurisdiction: 'US-CA' }).acceptAll();
    expect(create({ jurisdiction: 'DE' }).getState()).toMatchObject({ status: 'decided', choices: all(true, true, true) });
    create({ jurisdiction: 'US-CA' }).save({ performance: true, functional: false, targeting: false });
    expect(create({ jurisdiction: 'DE' }).getState()).toMatchObject({ status: 'decided', choices: all(true, false, false) });
  });

  it('keeps an opt-out decision that grants nothing', () => {
    create({ jurisdiction: 'US-CA' }).rejectAll();
    expect(create({ jurisdiction: 'DE' }).getState()).toMatchObject({ status: 'decided', choices: all(false, false, false) });
  });

  it('holds a decision made under a stricter regime under a looser one', () => {
    create({ jurisdiction: 'DE' }).rejectAll();
    expect(create({ jurisdiction: 'US-CA' }).getState()).toMatchObject({ status: 'decided', choices: all(false, false, false) });
  });

  it('holds a format-1 cookie (made before regimes, so under opt-in) everywhere', () => {
    const formatOne = `1|a1b2c3d4-0000-4000-8000-000000000001|3|${NOW.toString(36)}|r|0|essential:1.performance:0.functional:0.targeting:0`;
    for (const jurisdiction of ['DE', 'US-CA', 'US-WA', undefined]) {
      const store = createConsentStore<Id>({ policy: healthPolicy, jurisdiction, now: () => NOW, initialCookieHeader: `cookie_consent=${formatOne}` });
      expect(store.getServerState()).toMatchObject({ status: 'decided', choices: all(false, false, false), record: { regime: 'opt-in' } });
    }
  });
});

describe('Global Privacy Control under opt-out', () => {
  it('records a signal decision when a stored Accept all meets GPC in California', () => {
    create({ jurisdiction: 'US-CA' }).acceptAll();
    const store = create({ jurisdiction: 'US-CA', signals: { gpc: true } });
    expect(store.getState().choices).toEqual(all(true, true, false));
    store.start();
    expect(stored()).toMatchObject({ method: 'signal', regime: 'opt-out', choices: all(true, true, false), signals: { gpc: true } });
  });

  it('leaves sale or sharing off after Accept all while GPC is on', () => {
    const store = create({ jurisdiction: 'US-CA', signals: { gpc: true } });
    store.acceptAll();
    expect(store.getState().choices).toEqual(all(true, true, false));
  });
});
