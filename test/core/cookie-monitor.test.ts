import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectCookieMonitor, createConsentStore, definePolicy, type CookieMonitorFinding } from '../../src/core';
import { policy } from '../fixtures/policies';
import { setLocation, storedValue } from './enforcement-fakes';
import { installFakeBrowser, type FakeBrowser } from './fake-browser';

let browser: FakeBrowser;
let findings: CookieMonitorFinding[];
let warn: ReturnType<typeof vi.spyOn>;
const stops: (() => void)[] = [];
const watch = (store = createConsentStore({ policy }), options = {}) => {
  stops.push(connectCookieMonitor(store, { onFinding: (f) => findings.push(f), ...options }));
  return store;
};

beforeEach(() => {
  vi.useFakeTimers();
  browser = installFakeBrowser();
  setLocation('/', 'www.example.com');
  findings = [];
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  browser.restore();
  warn.mockRestore();
  vi.useRealTimers();
  delete (globalThis as { cookieStore?: unknown }).cookieStore;
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('connectCookieMonitor, given a browser without the Cookie Store API', () => {
  it('warns once about an undeclared cookie, found by polling', () => {
    watch();
    expect(findings).toEqual([]);
    browser.jar.set('_fbp', 'fb.1');
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(3000);
    expect(findings).toEqual([{ kind: 'cookie', name: '_fbp', problem: 'undeclared' }]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/Cookie "_fbp" is declared by no category/);
  });

  it("warns about a denied category's cookie (_ga_* before any choice), and not about the consent cookie or a required one", () => {
    browser.jar.set('session_id', 's');
    browser.jar.set('cookie_consent', 'garbage');
    browser.jar.set('_ga_ABC', '1');
    watch();
    expect(findings).toEqual([{ kind: 'cookie', name: '_ga_ABC', problem: 'denied', category: 'performance' }]);
    expect(String(warn.mock.calls[0]![0])).toMatch(/"_ga_ABC" belongs to "performance", which the visitor has not allowed/);
  });

  it("stays quiet about an allowed category's cookie", () => {
    browser.jar.set('cookie_consent', storedValue({ performance: true }));
    browser.jar.set('_ga', '1');
    watch();
    vi.advanceTimersByTime(2000);
    expect(findings).toEqual([]);
  });

  it('leaves names the host lists in `ignore` alone', () => {
    browser.jar.set('__cf_bm', '1');
    watch(undefined, { ignore: ['__cf_*'] });
    expect(findings).toEqual([]);
  });

  it('watches declared Web Storage keys: an undeclared key and a denied category\'s key', () => {
    const storagePolicy = definePolicy({
      revision: 1,
      categories: [
        { id: 'essential', title: 'Essential', description: '', required: true },
        { id: 'functional', title: 'Functional', description: '', storage: [{ key: 'chat-*', type: 'localStorage', purpose: '' }] },
      ],
    });
    const local: Record<string, string> = {};
    Object.assign(globalThis, { localStorage: local });
    stops.push(connectCookieMonitor(createConsentStore({ policy: storagePolicy }), { onFinding: (f) => findings.push(f) }));
    Object.assign(local, { 'chat-1': 'x', tracker: 'y', cookie_consent_receipts: '[]', 'cookie_consent_receipts:a1b2c3d4-0000': '{}' });
    vi.advanceTimersByTime(1000);
    expect(findings).toEqual([
      { kind: 'storage', name: 'chat-1', problem: 'denied', category: 'functional' },
      { kind: 'storage', name: 'tracker', problem: 'undeclared' },
    ]);
  });

  it('stops looking once disconnected', () => {
    const stop = connectCookieMonitor(createConsentStore({ policy }), { onFinding: (f) => findings.push(f) });
    stop();
    browser.jar.set('_fbp', '1');
    vi.advanceTimersByTime(5000);
    expect(findings).toEqual([]);
  });
});

describe('connectCookieMonitor, given the Cookie Store API', () => {
  it('looks at cookies on its change events instead of polling them', () => {
    const events = new EventTarget();
    Object.assign(globalThis, { cookieStore: events });
    watch();
    browser.jar.set('_fbp', '1');
    vi.advanceTimersByTime(5000);
    expect(findings).toEqual([]);
    events.dispatchEvent(new Event('change'));
    expect(findings).toEqual([{ kind: 'cookie', name: '_fbp', problem: 'undeclared' }]);
  });
});
