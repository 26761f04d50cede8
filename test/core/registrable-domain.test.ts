import { describe, expect, it } from 'vitest';
import { registrableDomain } from '../../src/audit/site';

describe('registrableDomain', () => {
  it.each([
    ['www.google-analytics.com', 'google-analytics.com'],
    ['region1.analytics.google-analytics.com', 'google-analytics.com'],
    ['WWW.Example.COM.', 'example.com'],
    ['shop.example.co.uk', 'example.co.uk'],
    ['example.co.uk', 'example.co.uk'],
    ['a.b.example.com.au', 'example.com.au'],
    ['my-app.github.io', 'my-app.github.io'],
    ['connexx.test', 'connexx.test'],
  ])('groups %s under %s', (host, site) => {
    expect(registrableDomain(host)).toBe(site);
  });

  it('keeps an IP address or a single-label host as its own site', () => {
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(registrableDomain('::1')).toBe('::1');
    expect(registrableDomain('localhost')).toBe('localhost');
  });
});
