import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsentStore, decodeRecord, encodeRecord, type ConsentStoreOptions } from '../../src/core';
import { policy } from '../fixtures/policies';
import { installFakeBrowser, type FakeBrowser } from './fake-browser';

type Id = 'essential' | 'performance' | 'functional' | 'targeting';
const NOW = Date.parse('2026-11-30T12:00:00.000Z');
const DAY = 864e5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let browser: FakeBrowser;
let clock = NOW;
const create = (options: Partial<ConsentStoreOptions<Id>> = {}) => createConsentStore<Id>({ policy, now: () => clock, ...options });
const stored = () => decodeRecord(browser.jar.get('cookie_consent'), policy, { now: clock });

beforeEach(() => {
  clock = NOW;
  browser = installFakeBrowser();
});
afterEach(() => browser.restore());

describe('createConsentStore, given no stored decision', () => {
  it('is pending with only the required category granted and nothing written', () => {
    const store = create();
    expect(store.getState()).toEqual({
      status: 'pending',
      choices: { essential: true, performance: false, functional: false, targeting: false },
      record: null,
      decidedHere: false,
      signals: { gpc: false, dnt: false },
      regime: 'opt-in',
    });
    expect(browser.writes).toEqual([]);
  });

  it('records Accept all with every category granted', () => {
    const store = create();
    store.acceptAll();
    const { status, choices, record } = store.getState();
    expect(status).toBe('decided');
    expect(choices).toEqual({ essential: true, performance: true, functional: true, targeting: true });
    expect(record).toMatchObject({ revision: '3', method: 'accept-all', decidedAt: '2026-11-30T12:00:00.000Z' });
    expect(record!.id).toMatch(UUID);
    expect(stored()).toEqual(record);
  });

  it('records Reject all with only the required category granted, as durably as a consent', () => {
    const store = create();
    store.rejectAll();
    expect(store.getState().choices).toEqual({ essential: true, performance: false, functional: false, targeting: false });
    expect(stored()?.method).toBe('reject-all');
    expect(browser.writes[0]).toMatch(/; Max-Age=31536000/);
  });

  it('saves a custom choice, keeping unnamed categories as they are, and closes the preferences', () => {
    const store = create();
    const requests: boolean[] = [];
    store.handlePreferences((open) => requests.push(open));
    store.openPreferences();
    store.save({ performance: true });
    expect(requests).toEqual([true, false]);
    expect(store.getState()).toMatchObject({
      status: 'decided',
      decidedHere: true,
      choices: { essential: true, performance: true, functional: false, targeting: false },
      record: { method: 'custom' },
    });
    store.setCategory('functional', true);
    expect(stored()?.choices).toEqual({ essential: true, performance: true, functional: true, targeting: false });
  });

  it('keeps a required category granted whatever it is told', () => {
    const store = create();
    store.save({ essential: false });
    store.setCategory('essential', false);
    expect(store.getState().choices.essential).toBe(true);
    expect(stored()?.choices.essential).toBe(true);
  });

  it('throws a clear error for a category the policy does not have, or a non-boolean choice', () => {
    const store = create();
    expect(() => store.save({ perfomance: true } as never)).toThrow('[consent-ui] save: the policy has no category "perfomance"; it has essential, performance');
    expect(() => store.setCategory('performance', 'yes' as never)).toThrow('category "performance" must be true or false');
    expect(store.getState().status).toBe('pending');
  });

  it('gives every decision a fresh record and tells onChange the new and the previous one', () => {
    const onChange = vi.fn();
    const store = create({ onChange });
    store.acceptAll();
    const first = store.getState().record;
    clock += 1000;
    store.setCategory('targeting', false);
    const second = store.getState().record;
    expect(onChange.mock.calls).toEqual([[first, null], [second, first]]);
    expect(second!.id).not.toBe(first!.id);
    expect(second!.decidedAt).toBe('2026-11-30T12:00:01.000Z');
  });

  it('keeps working when onChange throws, and reports the error', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = create({ onChange: () => { throw new Error('logging is down'); } });
    expect(() => store.acceptAll()).not.toThrow();
    expect(store.getState().status).toBe('decided');
    expect(error).toHaveBeenCalledWith('[consent-ui] onChange threw:', expect.any(Error));
    error.mockRestore();
  });
});

describe('the consent cookie', () => {
  it('is written Path=/; Max-Age; SameSite=Lax; Secure on https', () => {
    create().acceptAll();
    expect(browser.writes[0]).toMatch(/^cookie_consent=3\|[^;]+; Path=\/; Max-Age=31536000; SameSite=Lax; Secure$/);
  });

  it('is not Secure on http, and carries a Domain, name and lifetime when configured', () => {
    browser.restore();
    browser = installFakeBrowser({ protocol: 'http:' });
    create({ cookie: { name: 'cx_consent', domain: '.connexx.test', maxAgeDays: 180 } }).rejectAll();
    expect(browser.writes[0]).toMatch(/^cx_consent=[^;]+; Path=\/; Domain=\.connexx\.test; Max-Age=15552000; SameSite=Lax$/);
  });

  it('is Secure whenever SameSite=None, which browsers require', () => {
    browser.restore();
    browser = installFakeBrowser({ protocol: 'http:' });
    create({ cookie: { sameSite: 'None' } }).rejectAll();
    expect(browser.writes[0]).toMatch(/SameSite=None; Secure$/);
  });

  it.each([0, -1, 401, Number.NaN])('refuses a lifetime of %s days with a clear error', (maxAgeDays) => {
    expect(() => create({ cookie: { maxAgeDays } })).toThrow(/maxAgeDays must be 1 to 400/);
  });

  it('refuses a name that is not a cookie token', () => {
    expect(() => create({ cookie: { name: 'my consent' } })).toThrow(/cookie\.name must be a valid cookie name/);
  });

  it('is deleted by reset, which asks again', () => {
    const store = create();
    store.acceptAll();
    store.reset();
    expect(browser.jar.has('cookie_consent')).toBe(false);
    expect(browser.writes).toContain('cookie_consent=; Path=/; Max-Age=0; Secure');
    expect(store.getState()).toMatchObject({ status: 'pending', record: null, choices: { performance: false } });
  });
});

describe('the subject id', () => {
  it('is a random id in the record and the cookie, the same for every decision this browser makes', () => {
    const store = create();
    store.acceptAll();
    const subjectId = store.getState().record!.subjectId!;
    expect(subjectId).toMatch(UUID);
    expect(subjectId).not.toBe(store.getState().record!.id);
    store.rejectAll();
    create().save({ performance: true });
    expect(stored()).toMatchObject({ subjectId, method: 'custom' });
  });

  it('differs between two browsers', () => {
    create().acceptAll();
    const first = stored()!.subjectId;
    browser.restore();
    browser = installFakeBrowser();
    create().acceptAll();
    expect(stored()!.subjectId).not.toBe(first);
  });

  it('is kept when a new policy revision asks the visitor again', () => {
    create().acceptAll();
    const subjectId = stored()!.subjectId;
    const next = { ...policy, revision: '4' };
    const store = createConsentStore<Id>({ policy: next, now: () => clock });
    expect(store.getState().status).toBe('pending');
    store.rejectAll();
    expect(decodeRecord(browser.jar.get('cookie_consent'), next, { now: clock })?.subjectId).toBe(subjectId);
  });

  it('is kept when a decision has expired and the visitor is asked again', () => {
    create().acceptAll();
    const subjectId = stored()!.subjectId;
    clock = NOW + 366 * DAY;
    const store = create();
    expect(store.getState().status).toBe('pending');
    store.rejectAll();
    expect(stored()).toMatchObject({ subjectId, method: 'reject-all' });
  });

  it('is kept across a reset on the same page', () => {
    const store = create();
    store.acceptAll();
    const subjectId = store.getState().record!.subjectId;
    store.reset();
    store.rejectAll();
    expect(store.getState().record!.subjectId).toBe(subjectId);
  });

  it('is given to a browser whose cookie has none yet (format 1 or 2), on its next decision', () => {
    const old = {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      revision: '3',
      decidedAt: new Date(NOW - DAY).toISOString(),
      method: 'custom' as const,
      choices: { essential: true, performance: true, functional: false, targeting: false },
      signals: { gpc: false, dnt: false },
      regime: 'opt-in' as const,
    };
    browser.jar.set('cookie_consent', encodeRecord(old));
    expect(browser.jar.get('cookie_consent')).toMatch(/^2\|/);
    const store = create();
    expect(store.getState().record).toEqual(old);
    store.acceptAll();
    expect(stored()!.subjectId).toMatch(UUID);
  });
});

describe('the consent cookie, set on more than one path or domain, in a simulated document.cookie (the real one: test/e2e/cookies.e2e.test.ts)', () => {
  const at = (host: string, pathname = '/') => Object.assign(globalThis.location as object, { hostname: host, pathname });

  it('follows the newest decision, so an older one left on a parent domain cannot outvote a refusal', () => {
    at('app.connexx.test');
    create({ cookie: { domain: '.connexx.test' } }).acceptAll(); // the marketing site's, earlier
    clock += 1000;
    create().rejectAll(); // this app's, host-only, later
    expect(browser.cookies.filter((c) => c.name === 'cookie_consent')).toHaveLength(2);
    expect(create().getState()).toMatchObject({ status: 'decided', record: { method: 'reject-all' }, choices: { performance: false } });
    clock += 1000;
    create({ cookie: { domain: '.connexx.test' } }).acceptAll(); // and a later decision wins, wherever it was made
    expect(create().getState().record?.method).toBe('accept-all');
  });

  it('is deleted by reset on every variant, so nothing old comes back', () => {
    at('app.connexx.test', '/portal/visits');
    create({ cookie: { domain: '.connexx.test' } }).acceptAll();
    document.cookie = `cookie_consent=${browser.jar.get('cookie_consent')}; Path=/portal`;
    const store = create();
    store.reset();
    expect(browser.cookies.filter((c) => c.name === 'cookie_consent')).toEqual([]);
    expect(create().getState().status).toBe('pending');
  });

  it('reads the newest of several in a request header too', () => {
    browser.restore();
    const value = (method: 'accept-all' | 'reject-all', time: number) =>
      encodeRecord({
        id: `${method}-0000000`,
        revision: '3',
        decidedAt: new Date(time).toISOString(),
        method,
        choices: { essential: true, performance: method === 'accept-all', functional: false, targeting: false },
        signals: { gpc: false, dnt: false },
      });
    const header = `cookie_consent=${value('accept-all', NOW - DAY)}; cookie_consent=${value('reject-all', NOW - 1000)}`;
    expect(create({ initialCookieHeader: header }).getState().record?.method).toBe('reject-all');
  });

  it('deletes a __Host- consent cookie on reset', () => {
    const store = create({ cookie: { name: '__Host-consent' } });
    store.acceptAll();
    expect(browser.jar.has('__Host-consent')).toBe(true);
    store.reset();
    expect(browser.jar.has('__Host-consent')).toBe(false);
    expect(create({ cookie: { name: '__Host-consent' } }).getState().status).toBe('pending');
  });

  it('is written on, and deleted from, the configured path', () => {
    at('connexx.test', '/app/visits');
    const store = create({ cookie: { path: '/app' } });
    store.acceptAll();
    expect(browser.cookies.find((c) => c.name === 'cookie_consent')?.path).toBe('/app');
    store.reset();
    expect(browser.jar.has('cookie_consent')).toBe(false);
  });
});

describe('cookie options passed as undefined', () => {
  it('keep their defaults, as a host passing its own optional props expects', () => {
    create({ cookie: { name: undefined, sameSite: undefined, maxAgeDays: undefined, path: undefined } }).rejectAll();
    expect(browser.writes[0]).toMatch(/^cookie_consent=3\|[^;]+; Path=\/; Max-Age=31536000; SameSite=Lax; Secure$/);
  });
});

describe('a category id named like an Object.prototype member', () => {
  it('is never granted by the inherited function', () => {
    const odd = { ...policy, categories: [...policy.categories, { id: 'valueOf', title: 'Odd', description: '' }] };
    const store = createConsentStore({ policy: odd as typeof policy, now: () => clock });
    store.setCategory('performance', true);
    expect(store.getState().choices).toMatchObject({ performance: true, valueOf: false });
    expect(browser.jar.get('cookie_consent')).toContain('valueOf:0');
  });
});

describe('createConsentStore, given a stored decision', () => {
  const decideInAnotherVisit = () => {
    create().save({ performance: true });
  };

  it('starts decided with the stored choices', () => {
    decideInAnotherVisit();
    expect(create().getState()).toMatchObject({ status: 'decided', choices: { performance: true, functional: false } });
  });

  it('asks again after the policy revision changes', () => {
    decideInAnotherVisit();
    const next = { ...policy, revision: '4' };
    expect(createConsentStore({ policy: next, now: () => clock }).getState().status).toBe('pending');
  });

  it('asks again once the decision is older than its lifetime', () => {
    decideInAnotherVisit();
    clock = NOW + 364 * DAY;
    expect(create().getState().status).toBe('decided');
    clock = NOW + 366 * DAY;
    expect(create().getState().status).toBe('pending');
    clock = NOW + 31 * DAY;
    expect(create({ cookie: { maxAgeDays: 30 } }).getState().status).toBe('pending');
  });

  it('asks again when the stored value was tampered with', () => {
    browser.jar.set('cookie_consent', '1|x|3|0|a|0|essential:1.performance:1.functional:1.targeting:1');
    expect(create().getState()).toMatchObject({ status: 'pending', choices: { performance: false, targeting: false } });
  });
});

describe('createConsentStore on the server', () => {
  beforeEach(() => browser.restore());

  it('reads the decision from the request Cookie header', () => {
    const value = encodeRecord({
      id: 'a1b2c3d4e5f6a7b8',
      revision: '3',
      decidedAt: new Date(NOW).toISOString(),
      method: 'custom',
      choices: { essential: true, performance: false, functional: true, targeting: false },
      signals: { gpc: false, dnt: false },
    });
    const store = create({ initialCookieHeader: `theme=dark; cookie_consent=${value}; other=1` });
    expect(store.getState()).toMatchObject({ status: 'decided', choices: { functional: true, performance: false } });
    expect(store.getServerState()).toBe(store.getState());
  });

  it('is pending without a header, and deciding there never throws', () => {
    const store = create();
    expect(store.getState().status).toBe('pending');
    expect(() => store.acceptAll()).not.toThrow();
  });
});

describe('createConsentStore where cookies cannot be written', () => {
  it.each(['ignored', 'throwing'] as const)('keeps the decision in memory for the page when cookies are %s', (cookies) => {
    browser.restore();
    browser = installFakeBrowser({ cookies });
    const store = create();
    expect(store.getState().status).toBe('pending');
    expect(() => store.save({ functional: true })).not.toThrow();
    expect(store.getState()).toMatchObject({ status: 'decided', choices: { functional: true } });
    // Memory stands in for the cookie for the page's life: reading the jar again finds the decision.
    store.refresh();
    expect(store.getState()).toMatchObject({ status: 'decided', choices: { functional: true } });
    expect(() => store.reset()).not.toThrow();
    expect(store.getState().status).toBe('pending');
  });
});

describe('createConsentStore with Global Privacy Control', () => {
  const withSignals = (navigator: Record<string, unknown>) => {
    browser.restore();
    browser = installFakeBrowser({ navigator });
  };

  it('reads the signal and leaves sale-or-share categories off on Accept all', () => {
    withSignals({ globalPrivacyControl: true });
    const store = create();
    expect(store.getState().signals).toEqual({ gpc: true, dnt: false });
    store.acceptAll();
    expect(store.getState().choices).toEqual({ essential: true, performance: true, functional: true, targeting: false });
    expect(store.getState().record!.signals.gpc).toBe(true);
  });

  it('still lets the visitor switch a sale-or-share category on explicitly, and keeps it on later', () => {
    withSignals({ globalPrivacyControl: true });
    create().setCategory('targeting', true);
    expect(stored()?.choices.targeting).toBe(true);
    expect(create().getState().choices.targeting).toBe(true);
  });

  it('records the signal as a decision when an earlier consent, given without it, shared data', () => {
    create().acceptAll();
    const earlier = browser.jar.get('cookie_consent')!;
    withSignals({ globalPrivacyControl: true });
    browser.jar.set('cookie_consent', earlier);
    const onChange = vi.fn();
    const store = create({ onChange });
    // Out of force at once; recorded when the store starts (the provider's effect), never on
    // creation (a render) nor by subscribing.
    expect(store.getState().choices).toEqual({ essential: true, performance: true, functional: true, targeting: false });
    store.subscribe(() => {});
    expect(onChange).not.toHaveBeenCalled();
    expect(browser.writes).toEqual([]);
    store.start();
    expect(store.getState().record).toMatchObject({ method: 'signal', signals: { gpc: true } });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(stored()?.method).toBe('signal');
    store.start();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('treats undefined or a non-true value as no signal', () => {
    withSignals({ globalPrivacyControl: 'true' });
    const store = create();
    store.acceptAll();
    expect(store.getState().choices.targeting).toBe(true);
  });

  it('can be told to ignore the signal', () => {
    withSignals({ globalPrivacyControl: true });
    const store = create({ respectGlobalPrivacyControl: false });
    store.acceptAll();
    expect(store.getState().choices.targeting).toBe(true);
  });
});

describe('createConsentStore with Do Not Track', () => {
  it('treats DNT as advisory by default, and like GPC when asked', () => {
    browser.restore();
    browser = installFakeBrowser({ navigator: { doNotTrack: '1' } });
    const advisory = create();
    advisory.acceptAll();
    expect(advisory.getState().choices.targeting).toBe(true);
    expect(advisory.getState().signals.dnt).toBe(true);
    const honoured = create({ respectDoNotTrack: true });
    honoured.acceptAll();
    expect(honoured.getState().choices.targeting).toBe(false);
  });
});

describe('the store as an external store', () => {
  it('notifies subscribers of each change, keeps the state object stable between them, and stops after unsubscribe', () => {
    const store = create();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const before = store.getState();
    expect(store.getState()).toBe(before);
    store.acceptAll();
    expect(store.getState()).not.toBe(before);
    store.rejectAll();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.reset();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps the preferences dialog apart: asking for it tells consent subscribers nothing', () => {
    const store = create();
    const consent = vi.fn();
    store.subscribe(consent);
    const before = store.getState();
    store.openPreferences();
    store.closePreferences();
    expect(consent).not.toHaveBeenCalled();
    expect(store.getState()).toBe(before);
  });

  it('hands open and close requests to the UI that draws the dialog, the last request made before it came first', () => {
    const store = create();
    store.openPreferences();
    const requests: boolean[] = [];
    expect(store.handlePreferences((open) => requests.push(open))).toBe(true);
    store.closePreferences();
    store.acceptAll();
    expect(requests).toEqual([false, false]);
  });

  it('tells whether the decision in force was made here', () => {
    create().acceptAll();
    const store = create();
    expect(store.getState()).toMatchObject({ status: 'decided', decidedHere: false });
    store.rejectAll();
    expect(store.getState().decidedHere).toBe(true);
    create().acceptAll();
    store.refresh();
    expect(store.getState()).toMatchObject({ record: { method: 'accept-all' }, decidedHere: false });
  });

  it('does nothing after destroy', () => {
    const store = create();
    const listener = vi.fn();
    store.subscribe(listener);
    store.destroy();
    store.acceptAll();
    store.openPreferences();
    expect(listener).not.toHaveBeenCalled();
    expect(browser.writes).toEqual([]);
  });

  it('explains a missing policy', () => {
    expect(() => createConsentStore({} as never)).toThrow(/pass a policy made with definePolicy/);
  });
});

describe('createConsentStore on a sensitive page', () => {
  it('keeps the listed categories out of force whatever is stored, and leaves the record alone', () => {
    create().acceptAll();
    const stored = browser.jar.get('cookie_consent');
    const store = create({ sensitive: ['performance', 'targeting'] });
    expect(store.getState().choices).toEqual({ essential: true, performance: false, functional: true, targeting: false });
    expect(store.getState().record!.choices.performance).toBe(true);
    expect(browser.jar.get('cookie_consent')).toBe(stored);
  });

  it('blocks every optional category with sensitive: true', () => {
    const store = create({ sensitive: true });
    store.acceptAll();
    expect(store.getState().choices).toEqual({ essential: true, performance: false, functional: false, targeting: false });
    expect(stored()?.choices).toEqual({ essential: true, performance: true, functional: true, targeting: true });
  });

  it('does not rewrite a blocked category when the visitor changes another one there', () => {
    create().acceptAll();
    const store = create({ sensitive: ['performance'] });
    store.setCategory('functional', false);
    expect(stored()?.choices).toMatchObject({ performance: true, functional: false });
    expect(store.getState().choices.performance).toBe(false);
  });
});

describe('refresh, after another tab decided', () => {
  it('adopts the decision now in the cookie and tells subscribers, without calling onChange', () => {
    const onChange = vi.fn();
    const here = create({ onChange });
    const listener = vi.fn();
    here.subscribe(listener);
    create().save({ functional: true });
    here.refresh();
    expect(here.getState()).toMatchObject({ status: 'decided', choices: { functional: true } });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled();
    here.refresh();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('goes back to pending when the other tab reset the decision', () => {
    const here = create();
    here.acceptAll();
    create().reset();
    here.refresh();
    expect(here.getState().status).toBe('pending');
  });
});

describe('a subscriber that throws', () => {
  it('does not stop the other subscribers, and is reported', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = create();
    store.subscribe(() => {
      throw new Error('host bug');
    });
    const after = vi.fn();
    store.subscribe(after);
    expect(() => store.acceptAll()).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith('[consent-ui] a subscriber threw:', expect.any(Error));
    error.mockRestore();
  });
});

describe('setSensitive, on a client-side route change', () => {
  it('blocks and unblocks categories on the fly, leaving the record alone', () => {
    const store = create();
    store.acceptAll();
    const record = store.getState().record;
    const listener = vi.fn();
    store.subscribe(listener);
    store.setSensitive(['performance']);
    expect(store.getState().choices).toMatchObject({ performance: false, functional: true });
    store.setSensitive(undefined);
    expect(store.getState().choices).toMatchObject({ performance: true });
    expect(store.getState().record).toBe(record);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('signal readings passed in (the server has no navigator)', () => {
  it('lets the server apply Sec-GPC, so its first HTML and the browser agree', () => {
    create().acceptAll();
    const header = `cookie_consent=${browser.jar.get('cookie_consent')}`;
    browser.restore();
    const server = create({ initialCookieHeader: header, signals: { gpc: true } });
    expect(server.getState().choices).toMatchObject({ performance: true, targeting: false });
    browser = installFakeBrowser({ navigator: { globalPrivacyControl: true } });
    browser.jar.set('cookie_consent', header.slice('cookie_consent='.length));
    const client = create({ initialCookieHeader: header, signals: { gpc: true } });
    expect(client.getServerState().choices).toEqual(server.getState().choices);
    expect(client.getState().choices).toEqual(server.getState().choices);
  });

  it('adds a server reading to the browser’s own: GPC in the browser and no header still keeps Accept all off Targeting', () => {
    browser.restore();
    browser = installFakeBrowser({ navigator: { globalPrivacyControl: true } });
    const store = create({ signals: { gpc: false } });
    expect(store.getState().signals.gpc).toBe(true);
    store.acceptAll();
    expect(stored()?.choices.targeting).toBe(false);
    expect(store.getState().choices.targeting).toBe(false);
  });

  it('adds the header’s GPC to a browser that sends none, while hydration starts from the server’s reading alone', () => {
    create().acceptAll();
    const header = `cookie_consent=${browser.jar.get('cookie_consent')}`;
    const client = create({ initialCookieHeader: header, signals: { gpc: true } });
    expect(client.getState().signals.gpc).toBe(true);
    expect(client.getServerState().signals.gpc).toBe(true);
    const quiet = create({ initialCookieHeader: header });
    expect(quiet.getServerState().signals.gpc).toBe(false);
  });

  it('says which signals it respects', () => {
    expect(create()).toMatchObject({ respectGlobalPrivacyControl: true, respectDoNotTrack: false });
    expect(create({ respectGlobalPrivacyControl: false, respectDoNotTrack: true })).toMatchObject({ respectGlobalPrivacyControl: false, respectDoNotTrack: true });
  });
});
