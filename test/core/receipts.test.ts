import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectReceipts, createConsentStore, type ConsentRecord, type ReceiptOptions } from '../../src/core';
import { policy } from '../fixtures/policies';
import { fakeStorage, storedValue, type Id } from './enforcement-fakes';
import { installFakeBrowser, type FakeBrowser } from './fake-browser';

const endpoint = 'https://consent.connexx.test/receipts';
const KEY = 'cookie_consent_receipts';
let browser: FakeBrowser;
let storage: ReturnType<typeof fakeStorage>;
let fetch: ReturnType<typeof vi.fn>;
const disconnects: (() => void)[] = [];

/** A page load: a new store over the same cookies and storage, connected to receipts. */
const load = (options: Partial<ReceiptOptions> = {}) => {
  const store = createConsentStore<Id>({ policy });
  disconnects.push(connectReceipts(store, { endpoint, ...options }));
  return store;
};
const queued = (key = KEY): ConsentRecord[] => JSON.parse(storage.items.get(key) ?? '[]');
const sentIds = () => fetch.mock.calls.map(([, init]) => JSON.parse((init as RequestInit).body as string).id);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const reply = (status: number) => Promise.resolve(new Response(null, { status }));

beforeEach(() => {
  browser = installFakeBrowser();
  storage = fakeStorage();
  vi.stubGlobal('localStorage', storage);
  fetch = vi.fn(() => reply(204));
  vi.stubGlobal('fetch', fetch);
});
afterEach(() => {
  disconnects.splice(0).forEach((disconnect) => disconnect());
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  browser.restore();
});

describe('connectReceipts', () => {
  it('queues the record in localStorage, then POSTs it as JSON with keepalive', async () => {
    let queuedWhenSent: ConsentRecord[] = [];
    fetch.mockImplementation(() => ((queuedWhenSent = queued()), reply(201)));
    const store = load({ headers: { authorization: 'Bearer t' } });
    store.acceptAll();
    const record = store.getState().record!;
    expect(fetch).toHaveBeenCalledWith(endpoint, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: JSON.stringify(record),
    });
    expect(queuedWhenSent).toEqual([record]);
    await settle();
    expect(storage.items.has(KEY)).toBe(false);
  });

  it('sends nothing while pending, nor for a change that is not a decision', () => {
    const store = load();
    store.openPreferences();
    store.closePreferences();
    expect(fetch).not.toHaveBeenCalled();
    expect(storage.items.has(KEY)).toBe(false);
  });

  it('keeps a record through a network error and a 500, and sends it again on the next page load', async () => {
    fetch.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')));
    const first = load();
    first.acceptAll();
    await settle();
    const id = first.getState().record!.id;
    expect(queued().map((r) => r.id)).toEqual([id]);

    fetch.mockImplementationOnce(() => reply(500));
    load();
    await settle();
    expect(queued().map((r) => r.id)).toEqual([id]);

    load();
    await settle();
    expect(sentIds()).toEqual([id, id, id]);
    expect(storage.items.has(KEY)).toBe(false);

    load();
    await settle();
    expect(sentIds()).toHaveLength(3);
  });

  it('sends each queued record with the next decision too', async () => {
    fetch.mockImplementationOnce(() => reply(503));
    const store = load();
    store.acceptAll();
    const first = store.getState().record!.id;
    await settle();
    store.rejectAll();
    const second = store.getState().record!.id;
    await settle();
    expect(sentIds()).toEqual([first, first, second]);
    expect(storage.items.has(KEY)).toBe(false);
  });

  it('never sends a record twice from one page, even while a send is in flight (StrictMode reconnects)', async () => {
    let release = (_: Response) => {};
    fetch.mockImplementationOnce(() => new Promise<Response>((resolve) => (release = resolve)));
    const store = createConsentStore<Id>({ policy });
    const connect = () => disconnects.push(connectReceipts(store, { endpoint }));
    connect();
    store.acceptAll();
    disconnects.pop()!();
    connect();
    connect();
    expect(fetch).toHaveBeenCalledOnce();
    release(new Response(null, { status: 200 }));
    await settle();
    connect();
    load();
    await settle();
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('keeps at most maxQueue records, dropping the oldest with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fetch.mockImplementation(() => reply(503));
    const old = Array.from({ length: 50 }, (_, i) => ({ id: `old-${i}`, revision: '3', decidedAt: '', method: 'custom', choices: {}, signals: {} }));
    storage.items.set(KEY, JSON.stringify(old));
    const store = load();
    store.rejectAll();
    await settle();
    const ids = queued().map((r) => r.id);
    expect(ids).toHaveLength(50);
    expect(ids[0]).toBe('old-1');
    expect(ids[49]).toBe(store.getState().record!.id);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toMatch(/dropped the 1 oldest/);
  });

  it('honours a smaller maxQueue and its own storage key', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fetch.mockImplementation(() => reply(503));
    const store = load({ maxQueue: 2, storageKey: 'receipts_v2' });
    store.acceptAll();
    store.rejectAll();
    store.setCategory('functional', true);
    await settle();
    expect(queued('receipts_v2').map((r) => r.method)).toEqual(['reject-all', 'custom']);
    expect(storage.items.has(KEY)).toBe(false);
  });

  it('keeps the record just made even with a maxQueue below 1', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fetch.mockImplementation(() => reply(503));
    const store = load({ maxQueue: 0 });
    store.acceptAll();
    store.rejectAll();
    await settle();
    expect(queued().map((r) => r.method)).toEqual(['reject-all']);
  });

  it('leaves a decision another tab made (read back from the cookie) to that tab', async () => {
    const here = load();
    browser.jar.set('cookie_consent', storedValue({ performance: true }));
    here.refresh();
    expect(here.getState().status).toBe('decided');
    load();
    await settle();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends a decision the store made before it was connected (an opt-out signal on load)', async () => {
    browser.restore();
    browser = installFakeBrowser({ navigator: { globalPrivacyControl: true } });
    browser.jar.set('cookie_consent', storedValue({ targeting: true }));
    const store = createConsentStore<Id>({ policy });
    store.start();
    expect(store.getState().record!.method).toBe('signal');
    disconnects.push(connectReceipts(store, { endpoint }));
    expect(sentIds()).toEqual([store.getState().record!.id]);
  });

  it('keeps the queue in memory where localStorage throws, and never throws', async () => {
    storage = fakeStorage('throwing');
    vi.stubGlobal('localStorage', storage);
    fetch.mockImplementationOnce(() => reply(503));
    const store = load({ storageKey: 'memory-only' });
    expect(() => store.acceptAll()).not.toThrow();
    await settle();
    load({ storageKey: 'memory-only' });
    await settle();
    load({ storageKey: 'memory-only' });
    await settle();
    expect(sentIds()).toEqual([store.getState().record!.id, store.getState().record!.id]);
  });

  it('falls back to memory once storage is full', async () => {
    storage = fakeStorage('full');
    vi.stubGlobal('localStorage', storage);
    fetch.mockImplementationOnce(() => reply(503));
    const store = load({ storageKey: 'full' });
    store.acceptAll();
    await settle();
    load({ storageKey: 'full' });
    await settle();
    expect(sentIds()).toEqual([store.getState().record!.id, store.getState().record!.id]);
  });

  it('ignores a stored queue that is not JSON or not a list of records', async () => {
    storage.items.set(KEY, '{not json');
    expect(() => load()).not.toThrow();
    storage.items.set(KEY, JSON.stringify([null, 3, { id: 7 }, { id: 'kept', method: 'custom' }]));
    load();
    await settle();
    expect(sentIds()).toEqual(['kept']);
  });

  it('never throws where fetch is missing, and keeps the record', () => {
    vi.stubGlobal('fetch', undefined);
    const store = load();
    expect(() => store.acceptAll()).not.toThrow();
    expect(queued()).toHaveLength(1);
  });

  it('stops sending when disconnected', () => {
    const store = load();
    disconnects.pop()!();
    store.acceptAll();
    expect(fetch).not.toHaveBeenCalled();
  });
});
