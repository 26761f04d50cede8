// The browser half of receipts, in Node with fake timers and a fake endpoint. Each fresh import of
// the module is a page load; two imports alive at once are two tabs sharing one localStorage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsentStore, type ConsentRecord, type ReceiptDrop, type ReceiptOptions } from '../../src/core';
import { policy } from '../fixtures/policies';
import { fakeWindowEvents, storedValue, type Id } from './enforcement-fakes';
import { installFakeBrowser, type FakeBrowser } from './fake-browser';

type Connect = typeof import('../../src/core/receipts').connectReceipts;

const endpoint = 'https://consent.connexx.test/receipts';
const KEY = 'cookie_consent_receipts';
const KEEPALIVE_LIMIT = 65536;

/** localStorage as a browser has it (with `length` and `key`): working, disabled, or full. */
function webStorage(mode: 'enabled' | 'throwing' | 'full' = 'enabled') {
  const items = new Map<string, string>();
  const deny = (write: boolean) => {
    if (mode === 'throwing' || (mode === 'full' && write)) throw new DOMException('Storage is unavailable', 'QuotaExceededError');
  };
  return {
    items,
    get length() {
      deny(false);
      return items.size;
    },
    key: (i: number) => (deny(false), [...items.keys()][i] ?? null),
    getItem: (key: string) => (deny(false), items.get(key) ?? null),
    setItem: (key: string, value: string) => (deny(true), void items.set(key, String(value))),
    removeItem: (key: string) => (deny(true), void items.delete(key)),
  };
}

type Mode = 'ok' | 'fail' | 'drop' | 'hang' | 'hold' | number;

/**
 * The receipts endpoint: answers by `mode` (`fail` 503, `drop` a network error, `hang` never
 * until aborted, `hold` until the test releases it, a number that status), records every POST and
 * what it answered, and refuses a keepalive body over 64 KB the way Chromium does.
 */
function fakeEndpoint() {
  const server = {
    mode: 'ok' as Mode,
    retryAfter: undefined as string | undefined,
    posts: [] as { id: string; at: number; status: number | 'error' | 'pending' }[],
    pending: 0,
    maxPending: 0,
    held: [] as ((status: number) => void)[],
    accepted: (id: string) => server.posts.filter((p) => p.id === id && p.status === 200).length,
    ids: () => server.posts.map((p) => p.id),
    fetch: vi.fn((_url: string, init: RequestInit) => {
      const body = init.body as string;
      if (init.keepalive && new TextEncoder().encode(body).length > KEEPALIVE_LIMIT) return Promise.reject(new TypeError('Failed to fetch'));
      const post = { id: JSON.parse(body).id as string, at: Date.now(), status: 'pending' as (typeof server.posts)[number]['status'] };
      server.posts.push(post);
      server.maxPending = Math.max(server.maxPending, ++server.pending);
      const settle = (status: number | 'error') => ((post.status = status), server.pending--);
      const answer = (status: number) => {
        settle(status);
        return new Response(null, { status, headers: server.retryAfter ? { 'retry-after': server.retryAfter } : {} });
      };
      const { mode } = server;
      if (mode === 'drop') return Promise.reject(new TypeError('Failed to fetch')).finally(() => settle('error'));
      if (mode === 'hang' || mode === 'hold') {
        return new Promise<Response>((resolve, reject) => {
          init.signal?.addEventListener('abort', () => (settle('error'), reject(new DOMException('The operation was aborted.', 'AbortError'))));
          if (mode === 'hold') server.held.push((status) => resolve(answer(status)));
        });
      }
      return Promise.resolve(answer(mode === 'ok' ? 200 : mode === 'fail' ? 503 : mode));
    }),
    release(status = 200, count = Infinity) {
      server.held.splice(0, count).forEach((answer) => answer(status));
    },
  };
  return server;
}

let browser: FakeBrowser;
let storage: ReturnType<typeof webStorage>;
let server: ReturnType<typeof fakeEndpoint>;
let events: ReturnType<typeof fakeWindowEvents>;
let connectReceipts: Connect;
const disconnects: (() => void)[] = [];

/** A page load: the module afresh (no page state), a new store over the same cookies and storage. */
const reload = async () => {
  vi.resetModules();
  connectReceipts = (await import('../../src/core/receipts')).connectReceipts;
  return connectReceipts;
};
const load = (options: Partial<ReceiptOptions> = {}, connect = connectReceipts) => {
  const store = createConsentStore<Id>({ policy });
  disconnects.push(connect(store, { endpoint, ...options }));
  return store;
};
const methods = ['acceptAll', 'rejectAll'] as const;
/** The n-th of a series of decisions: each makes a new record. */
const decide = (store: ReturnType<typeof load>, n: number) => {
  store[methods[n % 2]!]();
  return store.getState().record!;
};
/** How many records wait in storage, whatever their keys look like under the storage key. */
const stored = (key = KEY) => [...storage.items.keys()].filter((k) => k.startsWith(key)).length;
const isStored = (id: string) => [...storage.items].some(([k, v]) => k.startsWith(KEY) && v.includes(id));
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const record = (i: number, extra: object = {}): ConsentRecord => ({
  id: `seeded-${String(i).padStart(4, '0')}`,
  revision: policy.revision,
  decidedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
  method: 'custom',
  choices: { essential: true, performance: false, functional: false, targeting: false },
  signals: { gpc: false, dnt: false },
  regime: 'opt-in',
  ...extra,
});
/** A queue the previous version of the library left: one list under the storage key. */
const seed = (records: ConsentRecord[]) => storage.items.set(KEY, JSON.stringify(records));
const collect = () => {
  const drops: ReceiptDrop[] = [];
  return { drops, onDrop: (drop: ReceiptDrop) => void drops.push(drop) };
};

beforeEach(async () => {
  vi.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
  browser = installFakeBrowser();
  storage = webStorage();
  vi.stubGlobal('localStorage', storage);
  server = fakeEndpoint();
  vi.stubGlobal('fetch', server.fetch);
  events = fakeWindowEvents();
  vi.stubGlobal('addEventListener', events.addEventListener);
  vi.stubGlobal('removeEventListener', events.removeEventListener);
  await reload();
});
afterEach(() => {
  disconnects.splice(0).forEach((disconnect) => disconnect());
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  browser.restore();
});

describe('connectReceipts', () => {
  it('stores the record, POSTs it as JSON with keepalive, and forgets it once acknowledged', async () => {
    let storedWhenSent = 0;
    server.fetch.mockImplementationOnce(() => ((storedWhenSent = stored()), Promise.resolve(new Response(null, { status: 201 }))));
    const store = load({ headers: { authorization: 'Bearer t' } });
    store.acceptAll();
    const { record } = store.getState();
    expect(server.fetch).toHaveBeenCalledOnce();
    expect(server.fetch).toHaveBeenCalledWith(
      endpoint,
      expect.objectContaining({ method: 'POST', keepalive: true, headers: { 'content-type': 'application/json', authorization: 'Bearer t' }, body: JSON.stringify(record) }),
    );
    expect(storedWhenSent).toBe(1);
    await wait(0);
    expect(stored()).toBe(0);
  });

  it('sends nothing while pending, nor for a change that is not a decision', async () => {
    const store = load();
    store.openPreferences();
    store.closePreferences();
    await wait(60_000);
    expect(server.fetch).not.toHaveBeenCalled();
    expect(stored()).toBe(0);
  });

  it('does not post the whole queue again with each decision: 100 decisions against a failing endpoint', async () => {
    server.mode = 'fail';
    const store = load({ maxQueue: 200 });
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      ids.push(decide(store, i).id);
      await wait(100);
    }
    // Ten seconds of a failing endpoint: one request at a time, further apart each time.
    expect(server.posts.length).toBeLessThanOrEqual(8);
    expect(Math.max(...ids.map((id) => server.ids().filter((sent) => sent === id).length))).toBeLessThanOrEqual(5);
    expect(stored()).toBe(100);

    server.mode = 'ok';
    await wait(300_000);
    expect(ids.map((id) => server.accepted(id))).toEqual(ids.map(() => 1));
    expect(stored()).toBe(0);
    expect(server.posts.length).toBeLessThanOrEqual(100 + 12);
  });

  it('retries with exponential backoff, jittered between half and all of each wait, up to maxRetryDelayMs', async () => {
    const gaps = async (random: number) => {
      await reload();
      vi.spyOn(Math, 'random').mockReturnValue(random);
      storage.items.clear();
      server.posts.length = 0;
      server.mode = 'drop';
      const store = load({ retryDelayMs: 1000, maxRetryDelayMs: 8000 });
      decide(store, 0);
      await wait(60_000);
      disconnects.pop()!();
      const at = server.posts.map((p) => p.at);
      return at.slice(1, 7).map((t, i) => t - at[i]!);
    };
    expect(await gaps(0)).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
    expect(await gaps(0.999999)).toEqual([1000, 2000, 4000, 8000, 8000, 8000].map((ms) => expect.closeTo(ms, -1)));
  });

  it('waits at least as long as Retry-After asks, after a 503 or a 429', async () => {
    for (const status of [503, 429]) {
      await reload();
      server.posts.length = 0;
      server.mode = status;
      server.retryAfter = '30';
      const store = load();
      decide(store, status);
      await wait(10);
      server.mode = 'ok';
      await wait(29_000);
      expect(server.posts).toHaveLength(1);
      await wait(2_000);
      expect(server.posts.map((p) => p.status)).toEqual([status, 200]);
      disconnects.pop()!();
    }
  });

  it('abandons a request left unanswered after timeoutMs and sends the record again', async () => {
    server.mode = 'hang';
    const store = load({ timeoutMs: 5000 });
    const { id } = decide(store, 0);
    await wait(4_900);
    expect(server.posts).toHaveLength(1);
    server.mode = 'ok';
    await wait(1_200);
    expect(server.posts.map((p) => p.status)).toEqual(['error', 200]);
    expect(server.accepted(id)).toBe(1);
    expect(stored()).toBe(0);
  });

  it('sends only a first attempt to a working endpoint with keepalive, so an abandoned retry frees its connection', async () => {
    const keepalive = () => server.fetch.mock.calls.map(([, init]) => init.keepalive);
    server.mode = 'hang';
    const store = load({ timeoutMs: 1000 });
    decide(store, 0);
    await wait(1_100);
    expect(keepalive()).toEqual([true]);
    await wait(1_000);
    // The retry, and a decision made while the endpoint fails.
    expect(keepalive()).toEqual([true, false]);
    decide(store, 1);
    await wait(10_000);
    expect(keepalive().slice(1)).not.toContain(true);
    expect(server.posts.length).toBeGreaterThan(3);
  });

  it('keeps at most maxInFlight requests in flight, and one at a time while the endpoint fails', async () => {
    seed(Array.from({ length: 10 }, (_, i) => record(i)));
    server.mode = 'hold';
    load({ maxInFlight: 3 });
    expect(server.posts).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      server.release(200, 1);
      await wait(0);
    }
    expect(server.maxPending).toBe(3);
    expect(server.posts).toHaveLength(6);

    // Failures: the rest wait, then go one by one.
    server.release(503);
    await wait(0);
    expect(server.pending).toBe(0);
    server.mode = 'drop';
    server.maxPending = 0;
    await wait(30_000);
    expect(server.maxPending).toBe(1);

    server.mode = 'ok';
    await wait(300_000);
    expect(stored()).toBe(0);
    expect(Array.from({ length: 10 }, (_, i) => server.accepted(record(i).id))).toEqual(Array(10).fill(1));
  });

  it('retries a network error, 408, 429 and 5xx; drops a record the endpoint refuses (400, 413, 415, 422), reporting it once', async () => {
    for (const status of [400, 413, 415, 422]) {
      storage.items.clear();
      server.posts.length = 0;
      await reload();
      server.mode = status;
      seed([record(status)]);
      const { drops, onDrop } = collect();
      load({ onDrop });
      await wait(600_000);
      expect(server.ids()).toEqual([record(status).id]);
      expect(drops).toEqual([{ record: record(status), reason: 'refused', status }]);
      expect(stored()).toBe(0);
      disconnects.pop()!();
    }
    for (const status of ['drop', 408, 429, 500, 502, 503, 504] as const) {
      storage.items.clear();
      server.posts.length = 0;
      await reload();
      server.mode = status;
      seed([record(1)]);
      const { drops, onDrop } = collect();
      load({ onDrop });
      await wait(5_000);
      server.mode = 'ok';
      await wait(300_000);
      expect(server.posts.length, String(status)).toBeGreaterThan(2);
      expect(server.accepted(record(1).id)).toBe(1);
      expect(drops).toEqual([]);
      disconnects.pop()!();
    }
  });

  it('drops a record too large for a keepalive request (over 64 KB) without retrying it, and reports it', async () => {
    const large = record(1, { note: 'x'.repeat(KEEPALIVE_LIMIT) });
    seed([large, record(2)]);
    const { drops, onDrop } = collect();
    load({ onDrop });
    await wait(600_000);
    expect(drops).toEqual([{ record: large, reason: 'too-large' }]);
    expect(server.accepted(record(2).id)).toBe(1);
    expect(isStored(large.id)).toBe(false);
    expect(stored()).toBe(0);
  });

  it('keeps up to maxQueue records waiting through a dropped connection, then drops only the oldest past it, each reported once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    server.mode = 'drop';
    const { drops, onDrop } = collect();
    const store = load({ onDrop });
    const made: ConsentRecord[] = [];
    for (let i = 0; i < 50; i++) {
      made.push(decide(store, i));
      await wait(100);
    }
    expect(drops).toEqual([]);
    expect(stored()).toBe(50);
    for (let i = 50; i < 53; i++) {
      made.push(decide(store, i));
      await wait(100);
    }
    await wait(60_000);
    expect(drops).toEqual(made.slice(0, 3).map((r) => ({ record: r, reason: 'overflow' })));
    expect(stored()).toBe(50);
    expect(warn).not.toHaveBeenCalled();

    server.mode = 'ok';
    await wait(300_000);
    expect(made.map((r) => server.accepted(r.id))).toEqual([0, 0, 0, ...Array(50).fill(1)]);
  });

  it('drops and warns nothing for a burst as large as maxQueue + maxInFlight on a healthy endpoint', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = load();
    const made = Array.from({ length: 52 }, (_, i) => decide(store, i));
    await wait(1_000);
    expect(warn).not.toHaveBeenCalled();
    expect(made.map((r) => server.accepted(r.id))).toEqual(Array(52).fill(1));
    expect(stored()).toBe(0);
  });

  it('warns once per dropped record when the host gave no onDrop', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    server.mode = 'drop';
    const store = load({ maxQueue: 1, maxInFlight: 1 });
    const made = [0, 1, 2].map((i) => decide(store, i));
    await wait(60_000);
    const warned = warn.mock.calls.map(([text]) => String(text));
    expect(warned).toHaveLength(2);
    for (const r of made.slice(0, 2)) expect(warned.filter((text) => text.includes(`dropped consent record ${r.id}`))).toHaveLength(1);
  });

  it('bounds a stored queue on load: the oldest past maxQueue are dropped and reported, the rest sent a few at a time', async () => {
    const old = Array.from({ length: 80 }, (_, i) => record(i));
    seed(old);
    server.mode = 'hold';
    const { drops, onDrop } = collect();
    load({ onDrop });
    expect(server.posts).toHaveLength(2);
    expect(drops.map((d) => d.record.id)).toEqual(old.slice(0, 30).map((r) => r.id));
    expect(drops.every((d) => d.reason === 'overflow')).toBe(true);
    server.mode = 'ok';
    server.release();
    await wait(1_000);
    expect(old.map((r) => server.accepted(r.id))).toEqual([...Array(30).fill(0), ...Array(50).fill(1)]);
    expect(server.posts).toHaveLength(50);
    expect(server.maxPending).toBe(2);
    expect(stored()).toBe(0);
  });

  it('sends a record again on the next page load when its page closed mid-flight, at once after pagehide', async () => {
    server.mode = 'hold';
    const first = load();
    const { id } = decide(first, 0);
    events.dispatchEvent(new Event('pagehide'));
    disconnects.pop()!();

    await reload();
    server.mode = 'ok';
    load();
    await wait(0);
    expect(server.ids()).toEqual([id, id]);
    expect(server.accepted(id)).toBe(1);
    // The closed page's request answered late: the record is not brought back.
    server.release(503);
    await wait(600_000);
    expect(stored()).toBe(0);
    expect(server.posts).toHaveLength(2);
  });

  it('leaves a record another page is sending to that page, until its lease runs out', async () => {
    server.mode = 'hold';
    const first = load({ timeoutMs: 5_000 });
    const { id } = decide(first, 0);
    // A second tab, opened while the first one's request is on the wire.
    const second = await reload();
    server.mode = 'ok';
    load({}, second);
    await wait(1_000);
    expect(server.ids()).toEqual([id]);
    server.release(200);
    await wait(600_000);
    expect(server.ids()).toEqual([id]);
    expect(stored()).toBe(0);
  });

  it('has another open tab send what a closed tab left, when storage tells it', async () => {
    const other = await reload();
    load({}, other);
    await reload();
    server.mode = 'hold';
    const closing = load();
    const { id } = decide(closing, 0);
    events.dispatchEvent(new Event('pagehide'));
    disconnects.pop()!();
    server.mode = 'ok';
    events.dispatchEvent(Object.assign(new Event('storage'), { key: `${KEY}:${id}` }));
    await wait(1_000);
    expect(server.accepted(id)).toBe(1);
    expect(stored()).toBe(0);
  });

  it('never sends a record twice from one page, even while a send is in flight (StrictMode reconnects)', async () => {
    server.mode = 'hold';
    const store = createConsentStore<Id>({ policy });
    const connect = () => disconnects.push(connectReceipts(store, { endpoint }));
    connect();
    store.acceptAll();
    disconnects.pop()!();
    connect();
    connect();
    expect(server.fetch).toHaveBeenCalledOnce();
    server.release(200);
    await wait(0);
    connect();
    load();
    await wait(60_000);
    expect(server.fetch).toHaveBeenCalledOnce();
  });

  it('leaves a decision another tab made (read back from the cookie) to that tab', async () => {
    const here = load();
    browser.jar.set('cookie_consent', storedValue({ performance: true }));
    here.refresh();
    expect(here.getState().status).toBe('decided');
    load();
    await wait(60_000);
    expect(server.fetch).not.toHaveBeenCalled();
  });

  it('sends a decision the store made before it was connected (an opt-out signal on load)', () => {
    browser.restore();
    browser = installFakeBrowser({ navigator: { globalPrivacyControl: true } });
    browser.jar.set('cookie_consent', storedValue({ targeting: true }));
    const store = createConsentStore<Id>({ policy });
    store.start();
    expect(store.getState().record!.method).toBe('signal');
    disconnects.push(connectReceipts(store, { endpoint }));
    expect(server.ids()).toEqual([store.getState().record!.id]);
  });

  for (const mode of ['throwing', 'full'] as const) {
    it(`keeps records in memory where localStorage is ${mode === 'full' ? 'full' : 'disabled'}, retries them, and never throws`, async () => {
      storage = webStorage(mode);
      vi.stubGlobal('localStorage', storage);
      server.mode = 'fail';
      const store = load({ storageKey: 'memory-only' });
      expect(() => store.acceptAll()).not.toThrow();
      const { id } = store.getState().record!;
      await wait(0);
      server.mode = 'ok';
      // Another mount on the same page (no reload: memory is the page's).
      load({ storageKey: 'memory-only' });
      await wait(300_000);
      expect(server.ids()).toEqual([id, id]);
      expect(server.accepted(id)).toBe(1);
    });
  }

  it('ignores a stored queue that is not JSON or not a list of records', async () => {
    storage.items.set(KEY, '{not json');
    expect(() => load()).not.toThrow();
    storage.items.set(KEY, JSON.stringify([null, 3, { id: 7 }, record(1)]));
    load();
    await wait(0);
    expect(server.ids()).toEqual([record(1).id]);
  });

  it('never throws where fetch is missing, and keeps the record', async () => {
    vi.stubGlobal('fetch', undefined);
    const store = load();
    expect(() => store.acceptAll()).not.toThrow();
    await wait(60_000);
    expect(stored()).toBe(1);
  });

  it('stops sending when disconnected', async () => {
    const store = load();
    disconnects.pop()!();
    store.acceptAll();
    await wait(60_000);
    expect(server.fetch).not.toHaveBeenCalled();
  });
});
