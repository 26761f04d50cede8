// What a production build does with a policy or cookie options that a development build refuses:
// the checks that name the mistake are compiled out, but nothing invalid may grant consent, reach
// the Set-Cookie text, or leave the visitor asked again on every page without a word.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as development from '../../src/core';
import { importProductionBuild } from '../production-build';
import { installFakeBrowser, type FakeBrowser } from './fake-browser';

type Core = typeof development;

let production: Core;
let browser: FakeBrowser;
beforeAll(async () => {
  production = await importProductionBuild<Core>('core/index.ts');
});
beforeEach(() => {
  browser = installFakeBrowser();
});
afterEach(() => {
  browser.restore();
  vi.restoreAllMocks();
});

const essential = { id: 'essential', title: 'Essential', description: '', required: true };
const performance = { id: 'performance', title: 'Performance', description: '' };
const invalidIds = ['__proto__', 'a;b', 'has space', 'k=v', 'café', 'x'.repeat(41), 'ads; Domain=evil.example', '1st'];
const withId = (id: string) => ({ revision: 1, categories: [essential, { id, title: 'Odd', description: '' }, performance] });
const consentWrites = () => browser.writes.filter((w) => /^cookie_consent=3\|/.test(w));

describe('a category id that is not valid, in a production build', () => {
  it.each(invalidIds)('never counts %j as granted, whatever the visitor decides', (id) => {
    const policy = production.definePolicy(withId(id));
    const store = production.createConsentStore({ policy });
    const granted = () => store.getState().choices[id as never] as unknown;
    expect(granted()).toBe(false);
    store.acceptAll();
    expect(granted()).toBe(false);
    store.save({ [id]: true });
    expect(granted()).toBe(false);
    expect(store.getState().choices).toMatchObject({ essential: true, performance: true });
  });

  it.each(invalidIds)('keeps %j out of the cookie, so the rest of the decision is read back on the next page', (id) => {
    const policy = production.definePolicy(withId(id));
    production.createConsentStore({ policy }).save({ performance: true });
    const [write] = consentWrites();
    expect(write).toMatch(/^cookie_consent=3\|[^;]*\|essential:1\.performance:1; Path=\/; Max-Age=31536000; SameSite=Lax; Secure$/);
    const next = production.createConsentStore({ policy }).getState();
    expect(next.status).toBe('decided');
    expect(next.choices).toMatchObject({ essential: true, performance: true });
    expect(next.choices[id as never] as unknown).toBe(false);
  });

  it('does not grant an invalid required category either', () => {
    const policy = production.definePolicy({ revision: 1, categories: [{ ...essential, id: 'necessary cookies' }, performance] });
    expect(production.createConsentStore({ policy }).getState().choices).toEqual({ 'necessary cookies': false, performance: false });
  });
});

describe('a policy whose decision cannot fit the consent cookie, in a production build', () => {
  const wide = (n: number, revision: string | number = 1) => ({
    revision,
    categories: [essential, ...Array.from({ length: n }, (_, i) => ({ id: `category-with-a-long-id-${String(i).padStart(14, '0')}`, title: `C${i}`, description: '' }))],
  });

  it('says so in the console, once, at the first decision', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const policy = production.definePolicy(wide(80));
    const store = production.createConsentStore({ policy });
    store.acceptAll();
    store.rejectAll();
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]![0]).toMatch(/^\[consent-ui\] .*does not fit the consent cookie/);
  });

  it('says so for a revision too long to travel in the cookie', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    production.createConsentStore({ policy: production.definePolicy(wide(1, 'r'.repeat(4000))) }).acceptAll();
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('says nothing for a policy that fits, even at the largest size a development build allows', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    production.createConsentStore({ policy: production.definePolicy(wide(49)) }).acceptAll();
    production.createConsentStore({ policy: production.definePolicy(withId('performance-extra')) }).rejectAll();
    expect(error).not.toHaveBeenCalled();
  });
});

describe('cookie options that are not valid', () => {
  const policy = development.definePolicy({ revision: 1, categories: [essential, performance] });
  const hostile = [
    ['path', { path: '/; Domain=evil.example' }],
    ['path', { path: 'shop' }],
    ['domain', { domain: 'connexx.test; Domain=evil.example' }],
    ['domain', { domain: 'evil example' }],
    ['sameSite', { sameSite: 'Lax; Domain=evil.example' }],
    ['name', { name: 'consent; Domain=evil.example' }],
    ['maxAgeDays', { maxAgeDays: '30; Domain=evil.example' }],
  ] as const;

  it.each(hostile)('fall back to the default %s in a production build, never written into Set-Cookie', (_, cookie) => {
    production.createConsentStore({ policy, cookie: cookie as never }).acceptAll();
    expect(browser.writes).toHaveLength(1);
    expect(browser.writes[0]).toMatch(/^cookie_consent=3\|[^;]+; Path=\/; Max-Age=31536000; SameSite=Lax; Secure$/);
  });

  it.each(hostile)('get a clear error naming cookie.%s in a development build', (key, cookie) => {
    expect(() => development.createConsentStore({ policy, cookie: cookie as never })).toThrow(new RegExp(`^\\[consent-ui\\] cookie\\.${key} `));
  });

  it('keep valid values in a production build', () => {
    production.createConsentStore({ policy, cookie: { name: 'cx', path: '/app', domain: '.connexx.test', sameSite: 'Strict', maxAgeDays: 30 } }).acceptAll();
    expect(browser.writes[0]).toMatch(/^cx=3\|[^;]+; Path=\/app; Domain=\.connexx\.test; Max-Age=2592000; SameSite=Strict; Secure$/);
  });
});
