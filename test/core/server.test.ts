import { describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/core';
import { consentCookieHeader, jurisdictionFromHeaders, readConsent, type GeolocationSource } from '../../src/server';
import { healthPolicy } from '../fixtures/policies';

const netlifyGeo = (geo: unknown) => btoa(JSON.stringify(geo));

// Each CDN's headers for a visitor in California, as the CDN sends them.
const californian: Record<GeolocationSource, Record<string, string>> = {
  cloudflare: { 'cf-ipcountry': 'US', 'cf-region-code': 'CA' },
  vercel: { 'x-vercel-ip-country': 'US', 'x-vercel-ip-country-region': 'CA' },
  cloudfront: { 'cloudfront-viewer-country': 'US', 'cloudfront-viewer-country-region': 'CA' },
  fastly: { 'x-geo-country': 'US', 'x-geo-region': 'CA' },
  netlify: { 'x-nf-geo': netlifyGeo({ city: 'San Francisco', country: { code: 'US', name: 'United States' }, subdivision: { code: 'CA', name: 'California' } }) },
};
const cdns = Object.keys(californian) as GeolocationSource[];

describe('jurisdictionFromHeaders, given a trusted CDN', () => {
  it.each(cdns)('reads %s headers as US-CA from Headers, a Request and Node headers', (cdn) => {
    const headers = californian[cdn];
    expect(jurisdictionFromHeaders(new Headers(headers), { trust: [cdn] })).toBe('US-CA');
    expect(jurisdictionFromHeaders(new Request('https://example.com/', { headers }), { trust: [cdn] })).toBe('US-CA');
    expect(jurisdictionFromHeaders({ ...headers, host: 'example.com' }, { trust: [cdn] })).toBe('US-CA');
  });

  it('gives the country alone when the CDN sends no subdivision', () => {
    expect(jurisdictionFromHeaders(new Headers({ 'cf-ipcountry': 'DE' }), { trust: ['cloudflare'] })).toBe('DE');
    expect(jurisdictionFromHeaders(new Headers({ 'x-nf-geo': netlifyGeo({ country: { code: 'FR' } }) }), { trust: ['netlify'] })).toBe('FR');
    expect(jurisdictionFromHeaders(new Headers({ 'x-geo-country': 'DE', 'x-geo-region': '?' }), { trust: ['fastly'] })).toBe('DE');
  });

  it('accepts a subdivision already written with its country', () => {
    expect(jurisdictionFromHeaders(new Headers({ 'x-vercel-ip-country': 'us', 'x-vercel-ip-country-region': 'US-WA' }), { trust: ['vercel'] })).toBe('US-WA');
  });

  it('takes the first trusted CDN that knows, in the order given', () => {
    const headers = new Headers({ ...californian.vercel, 'cf-ipcountry': 'DE' });
    expect(jurisdictionFromHeaders(headers, { trust: ['cloudflare', 'vercel'] })).toBe('DE');
    expect(jurisdictionFromHeaders(headers, { trust: ['vercel', 'cloudflare'] })).toBe('US-CA');
    expect(jurisdictionFromHeaders(new Headers(californian.vercel), { trust: ['cloudflare', 'vercel'] })).toBe('US-CA');
  });
});

describe('jurisdictionFromHeaders, given headers it must not believe', () => {
  it.each(cdns)('ignores %s headers when that CDN is not trusted (anyone can send them)', (cdn) => {
    const others = cdns.filter((c) => c !== cdn);
    expect(jurisdictionFromHeaders(new Headers(californian[cdn]), { trust: others })).toBeUndefined();
  });

  it('trusts nothing when trust is empty, missing or not a list', () => {
    const everything = new Headers(Object.assign({}, ...Object.values(californian)));
    expect(jurisdictionFromHeaders(everything, { trust: [] })).toBeUndefined();
    expect(jurisdictionFromHeaders(everything, {} as never)).toBeUndefined();
    expect(jurisdictionFromHeaders(everything, { trust: 'cloudflare' } as never)).toBeUndefined();
    expect(jurisdictionFromHeaders(everything, { trust: ['akamai', '__proto__', 'toString'] } as never)).toBeUndefined();
  });

  it.each([
    ["Cloudflare's unknown", { 'cf-ipcountry': 'XX' }],
    ["Cloudflare's Tor", { 'cf-ipcountry': 'T1' }],
    ['a repeated header (two values joined)', [['cf-ipcountry', 'US'], ['cf-ipcountry', 'DE']]],
    ['a hostile value', { 'cf-ipcountry': '<script>alert(1)</script>' }],
    ['a full code in the country header', { 'cf-ipcountry': 'US-CA' }],
    ['an empty value', { 'cf-ipcountry': '' }],
  ])('gives undefined for %s', (_, init) => {
    expect(jurisdictionFromHeaders(new Headers(init as HeadersInit), { trust: ['cloudflare'] })).toBeUndefined();
  });

  it('keeps the country but drops a malformed subdivision', () => {
    expect(jurisdictionFromHeaders(new Headers({ 'cf-ipcountry': 'US', 'cf-region-code': 'California' }), { trust: ['cloudflare'] })).toBe('US');
  });

  it.each([
    ['not base64', '%%%'],
    ['base64 of not JSON', btoa('{country')],
    ['JSON of the wrong shape', netlifyGeo({ country: 'US' })],
    ['JSON null', netlifyGeo(null)],
  ])('gives undefined for a Netlify header that is %s', (_, value) => {
    expect(jurisdictionFromHeaders(new Headers({ 'x-nf-geo': value }), { trust: ['netlify'] })).toBeUndefined();
  });

  it('never throws for input that is not headers at all', () => {
    for (const bad of [undefined, null, 42, 'cf-ipcountry: US', { 'cf-ipcountry': ['US', 7] }, { 'cf-ipcountry': { toString: () => 'US' } }]) {
      expect(jurisdictionFromHeaders(bad as never, { trust: ['cloudflare'] })).toBeUndefined();
    }
  });
});

describe('consentCookieHeader', () => {
  it('returns the consent cookie alone, never the rest of the header', () => {
    const headers = new Headers({ cookie: 'session=secret; cookie_consent=2|abc; _ga=GA1.1' });
    expect(consentCookieHeader(headers)).toBe('cookie_consent=2|abc');
  });

  it('keeps every copy (the store picks the newest) and reads Node headers and a configured name', () => {
    expect(consentCookieHeader({ cookie: 'cookie_consent=a; x=1; cookie_consent=b' })).toBe('cookie_consent=a; cookie_consent=b');
    expect(consentCookieHeader({ cookie: ['consent=a', 'x=1'] }, { name: 'consent' })).toBe('consent=a');
  });

  it('gives undefined without one, and for a cookie whose name only ends the same', () => {
    expect(consentCookieHeader(new Headers())).toBeUndefined();
    expect(consentCookieHeader(new Headers({ cookie: 'my_cookie_consent=1' }))).toBeUndefined();
  });
});

describe('readConsent', () => {
  type Id = 'essential' | 'performance' | 'functional' | 'targeting';
  const stored = (method: 'accept-all' | 'reject-all', regime: 'opt-in' | 'opt-out' = 'opt-in') =>
    `cookie_consent=${encodeRecord({
      id: '0b3c7a2e-9f41-4d5b-8c6e-2a1f0e9d8c7b',
      revision: '3',
      decidedAt: new Date().toISOString(),
      method,
      choices: { essential: true, performance: method === 'accept-all', functional: method === 'accept-all', targeting: method === 'accept-all' },
      signals: { gpc: false, dnt: false },
      regime,
    })}`;

  it.each([
    ['DE', 'opt-in', { essential: true, performance: false, functional: false, targeting: false }],
    ['US-CA', 'opt-out', { essential: true, performance: true, functional: true, targeting: true }],
    ['US-TX', 'opt-out', { essential: true, performance: true, functional: true, targeting: true }],
    ['US-WA', 'health-data', { essential: true, performance: false, functional: true, targeting: false }],
    [undefined, 'opt-in', { essential: true, performance: false, functional: false, targeting: false }],
  ])('for %s with no stored decision, gives the %s regime and what it puts in force', (jurisdiction, regime, choices) => {
    const state = readConsent<Id>(new Headers(), { policy: healthPolicy, jurisdiction });
    expect(state).toMatchObject({ status: 'pending', regime, choices, record: null, signals: { gpc: false, dnt: false } });
  });

  it('reads GPC from Sec-GPC: 1, keeping sale or sharing off in California', () => {
    const state = readConsent<Id>(new Request('https://example.com/', { headers: { 'sec-gpc': '1' } }), { policy: healthPolicy, jurisdiction: 'US-CA' });
    expect(state).toMatchObject({ signals: { gpc: true }, choices: { targeting: false, performance: true } });
  });

  it('reads the stored decision from the Cookie header of Node headers', () => {
    const state = readConsent<Id>({ cookie: `a=1; ${stored('reject-all')}` }, { policy: healthPolicy, jurisdiction: 'US-CA' });
    expect(state).toMatchObject({ status: 'decided', record: { method: 'reject-all', regime: 'opt-in' }, choices: { targeting: false } });
  });

  it('asks again, in DE, for an opt-out decision a visitor did not make (a one-step opt-out)', () => {
    const optedOut = stored('accept-all', 'opt-out').replace('|a|0|', '|o|0|');
    expect(readConsent<Id>({ cookie: optedOut }, { policy: healthPolicy, jurisdiction: 'DE' })).toMatchObject({ status: 'pending', choices: { performance: false } });
  });

  it('treats a tampered cookie as no decision, and grants nothing under opt-in', () => {
    const tampered = stored('reject-all').replace('performance:0', 'performance:1').replace('|r|', '|x|');
    expect(readConsent<Id>({ cookie: tampered }, { policy: healthPolicy })).toMatchObject({ status: 'pending', choices: { performance: false, targeting: false } });
  });

  it('never throws for headers that are not headers', () => {
    for (const bad of [undefined, null, 42, 'cookie: x']) {
      expect(readConsent<Id>(bad as never, { policy: healthPolicy, jurisdiction: 'US-CA' })).toMatchObject({ status: 'pending', regime: 'opt-out' });
    }
  });
});
