import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectSync, createConsentStore, type ConsentStore } from '../../src/core';
import { policy } from '../fixtures/policies';
import { fakeStorage, fakeWindowEvents, storedValue, type Id } from './enforcement-fakes';
import { installFakeBrowser, type FakeBrowser } from './fake-browser';

let browser: FakeBrowser;
const disconnects: (() => void)[] = [];
let channel: string;
let n = 0;
/** A tab: its own store over the one cookie jar every tab of the site shares. */
const tab = () => {
  const store = createConsentStore<Id>({ policy });
  disconnects.push(connectSync(store, { channel }));
  return store;
};

beforeEach(() => {
  browser = installFakeBrowser();
  channel = `test-sync-${++n}`;
});
afterEach(() => {
  disconnects.splice(0).forEach((disconnect) => disconnect());
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  browser.restore();
});

describe('connectSync, with BroadcastChannel', () => {
  it('brings another tab to the decision made here, and back', async () => {
    const a = tab();
    const b = tab();
    a.acceptAll();
    await vi.waitFor(() => expect(b.getState().record?.id).toBe(a.getState().record!.id));
    expect(b.getState()).toMatchObject({ status: 'decided', choices: { performance: true } });
    b.setCategory('performance', false);
    await vi.waitFor(() => expect(a.getState().choices.performance).toBe(false));
    expect(a.getState().record).toEqual(b.getState().record);
  });

  it('posts once per decision made here and never echoes a change it received', async () => {
    const post = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    const a = tab();
    const b = tab();
    a.acceptAll();
    await vi.waitFor(() => expect(b.getState().status).toBe('decided'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    a.openPreferences();
    expect(post.mock.calls).toEqual([[{ id: a.getState().record!.id }]]);
  });

  it('passes a reset on', async () => {
    const a = tab();
    const b = tab();
    a.acceptAll();
    await vi.waitFor(() => expect(b.getState().status).toBe('decided'));
    a.reset();
    await vi.waitFor(() => expect(b.getState().status).toBe('pending'));
  });

  it('reads again shortly after a message, in case the cookie reaches this tab after it', async () => {
    const b = tab();
    const other = new BroadcastChannel(channel);
    const refresh = vi.spyOn(b, 'refresh');
    const received = new Promise((resolve) => b.subscribe(() => resolve(b.getState().status)));
    other.postMessage({ id: 'a1b2c3d4-0000-4000-8000-00000000late' });
    other.close();
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledOnce(), { interval: 1 });
    expect(b.getState().status).toBe('pending');
    browser.jar.set('cookie_consent', storedValue({ functional: true }, 'a1b2c3d4-0000-4000-8000-00000000late'));
    await expect(received).resolves.toBe('decided');
    expect(b.getState().choices.functional).toBe(true);
  });

  it("sends out a browser signal's decision, recorded once the store starts", async () => {
    // A decision stored before the visitor turned GPC on, which allowed Targeting.
    browser.jar.set('cookie_consent', storedValue({ performance: true, targeting: true }));
    const post = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    const store = createConsentStore<Id>({ policy, signals: { gpc: true } });
    disconnects.push(connectSync(store, { channel }));
    expect(post).not.toHaveBeenCalled();
    store.start();
    expect(store.getState().record?.method).toBe('signal');
    expect(post.mock.calls).toEqual([[{ id: store.getState().record!.id }]]);
  });

  it('stops listening when disconnected', async () => {
    const a = tab();
    const b = createConsentStore<Id>({ policy });
    connectSync(b, { channel })();
    a.acceptAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(b.getState().status).toBe('pending');
  });
});

describe('connectSync, where BroadcastChannel is missing', () => {
  let events: ReturnType<typeof fakeWindowEvents>;
  beforeEach(() => {
    vi.stubGlobal('BroadcastChannel', undefined);
    events = fakeWindowEvents();
    vi.stubGlobal('addEventListener', events.addEventListener);
    vi.stubGlobal('removeEventListener', events.removeEventListener);
  });
  const storageEvent = (key: string) => Object.assign(new Event('storage'), { key });

  it('writes a new value under the channel key on each decision, which other tabs see as a storage event', () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    const a = tab();
    a.acceptAll();
    const first = storage.items.get(channel);
    expect(first).toMatch(new RegExp(`^${a.getState().record!.id} \\d+$`));
    a.rejectAll();
    expect(storage.items.get(channel)).not.toBe(first);
  });

  it('reads the cookie again on a storage event for its key only', () => {
    vi.stubGlobal('localStorage', fakeStorage());
    const b = tab();
    browser.jar.set('cookie_consent', storedValue({ performance: true }));
    events.dispatchEvent(storageEvent('something-else'));
    expect(b.getState().status).toBe('pending');
    events.dispatchEvent(storageEvent(channel));
    expect(b.getState()).toMatchObject({ status: 'decided', choices: { performance: true } });
  });

  it('never throws when storage is unavailable, and removes its listener when disconnected', () => {
    vi.stubGlobal('localStorage', fakeStorage('throwing'));
    const store = createConsentStore<Id>({ policy });
    const disconnect = connectSync(store, { channel });
    expect(() => store.acceptAll()).not.toThrow();
    const mine = store.getState().record;
    disconnect();
    browser.jar.set('cookie_consent', storedValue({}));
    events.dispatchEvent(storageEvent(channel));
    expect(store.getState().record).toBe(mine);
  });

  it('never throws with neither BroadcastChannel nor a window (a server)', () => {
    vi.stubGlobal('addEventListener', undefined);
    vi.stubGlobal('removeEventListener', undefined);
    vi.stubGlobal('localStorage', undefined);
    const store = createConsentStore<Id>({ policy });
    let disconnect = () => {};
    expect(() => (disconnect = connectSync(store))).not.toThrow();
    expect(() => store.acceptAll()).not.toThrow();
    expect(disconnect).not.toThrow();
  });
});
