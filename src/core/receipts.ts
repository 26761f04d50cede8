import type { ConsentRecord } from './record';
import type { ConsentStore } from './store';

/** A record that will never reach the endpoint, as `onDrop` reports it. */
export interface ReceiptDrop {
  record: ConsentRecord;
  /**
   * `overflow`: more than `maxQueue` records were waiting, and this was the oldest.
   * `too-large`: its JSON is over 64 KB, more than a `keepalive` request may carry.
   * `refused`: the endpoint refused the record itself (400, 413, 415 or 422). Other answers
   * (5xx, 429, 408, and 401, 403 or 404, which say more about the endpoint than the record) are retried.
   */
  reason: 'overflow' | 'too-large' | 'refused';
  /** The refusing answer's status code. */
  status?: number;
}

export interface ReceiptOptions {
  /** Where each consent record is POSTed as JSON. */
  endpoint: string;
  headers?: Readonly<Record<string, string>>;
  /**
   * The localStorage key records wait under until acknowledged: each under its own key,
   * `<storageKey>:<record id>`, so tabs never write over each other's. Default `cookie_consent_receipts`
   * (the cookie monitor and the audit know `cookie_consent_receipts*` as the library's own; declare
   * another key as `yourKey*`). A queue an earlier version kept as one list under this key is taken over.
   */
  storageKey?: string;
  /**
   * Past this many records waiting (sent and not yet answered ones aside) the oldest are dropped,
   * each reported once. Default 50; at least 1 is kept.
   */
  maxQueue?: number;
  /** At most this many requests of this page are in flight at once; one while the endpoint is failing. Default 2. */
  maxInFlight?: number;
  /**
   * The first wait after a failed send (a network error, a timeout, any answer but a 2xx or a refusal), in ms;
   * each further failure doubles it, up to `maxRetryDelayMs`, and each wait is jittered
   * (between half and all of it). A `Retry-After` in seconds waits at least that long. Default 1000.
   */
  retryDelayMs?: number;
  /** The longest wait between retries, in ms. Default 300000 (5 minutes). */
  maxRetryDelayMs?: number;
  /**
   * A request unanswered after this many ms is abandoned (aborted) and retried. Default 15000.
   * Only a record's first send is `keepalive`, so it survives the page; retries can be aborted.
   */
  timeoutMs?: number;
  /**
   * Called once per record that will never be sent (see `ReceiptDrop`), so the host can log it.
   * Without it, each drop is a console warning.
   */
  onDrop?: (drop: ReceiptDrop) => void;
}

/** What waits under a record's key. */
interface Entry {
  record: ConsentRecord;
  /** Not before this time (ms since the epoch): a retry's wait, or a send's lease. */
  due: number;
  attempts: number;
  /** A page is sending it until `due`: other pages leave it alone until then. */
  sending?: boolean;
}

/** This page's side of one queue; it outlives a disconnect (React StrictMode, remounts). */
interface PageQueue {
  inFlight: Set<string>;
  /** Failed sends since the last answer from the endpoint; 0 when it answered last. */
  failures: number;
  pausedUntil: number;
  reported: Set<string>;
  /** The connected pumps, run again whenever a send ends. */
  pumps: Set<() => void>;
}

// A keepalive request may carry at most 64 KiB; the log answers 413 far below that.
const MAX_BYTES = 65536;
// The endpoint refused the record itself: sending it again would be refused again.
const REFUSED = [400, 413, 415, 422];
const pages = new Map<string, PageQueue>();
const handled = new WeakSet<object>();
// Stands in for localStorage, per key, where it failed (disabled, sandboxed, full).
const memory = new Map<string, string>();

const get = (key: string): string | null => {
  if (memory.has(key)) return memory.get(key)!;
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const put = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value);
    memory.delete(key);
  } catch {
    memory.set(key, value);
  }
};
const remove = (key: string) => {
  memory.delete(key);
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored there to remove.
  }
};
const keysFrom = (prefix: string): string[] => {
  const keys = new Set([...memory.keys()].filter((k) => k.startsWith(prefix)));
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix)) keys.add(key);
    }
  } catch {
    // Memory only.
  }
  return [...keys];
};
const isRecord = (r: unknown): r is ConsentRecord => typeof (r as ConsentRecord | null)?.id === 'string';

/** `Retry-After` in ms when it is a number of seconds (the form servers send), else 0. */
const retryAfter = (response: Response) => Number(response.headers?.get('retry-after')) * 1000 || 0;

/**
 * Sends every decision made on this page to `endpoint` until a 2xx acknowledges it. Each record
 * waits in localStorage under its own key, so one that failed, or whose page closed mid-flight,
 * is sent again by another open page or on the next page load: delivery is at least once, from
 * any number of tabs, and the record id lets the server drop a repeat. Failed sends are retried
 * with exponential backoff and jitter, a few requests at a time; a record the endpoint can never
 * take (too large, or refused as invalid) is dropped and reported, not retried forever.
 * Never throws. Returns a function that stops it.
 */
export function connectReceipts<Id extends string>(
  store: ConsentStore<Id>,
  {
    endpoint,
    headers,
    storageKey = 'cookie_consent_receipts',
    maxQueue = 50,
    maxInFlight = 2,
    retryDelayMs = 1000,
    maxRetryDelayMs = 300_000,
    timeoutMs = 15_000,
    onDrop,
  }: ReceiptOptions,
): () => void {
  const prefix = `${storageKey}:`;
  const page = pages.get(storageKey) ?? { inFlight: new Set<string>(), failures: 0, pausedUntil: 0, reported: new Set<string>(), pumps: new Set<() => void>() };
  pages.set(storageKey, page);
  const cap = maxQueue >= 1 ? Math.floor(maxQueue) : 1;
  const limit = maxInFlight >= 1 ? Math.floor(maxInFlight) : 1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let soon: ReturnType<typeof setTimeout> | undefined;

  const read = (key: string): Entry | undefined => {
    try {
      const entry = JSON.parse(get(key) ?? 'null') as Entry | null;
      if (isRecord(entry?.record) && key === prefix + entry.record.id) return entry;
    } catch {
      // Not one of ours: left as it is.
    }
    return undefined;
  };
  const drop = (key: string, record: ConsentRecord, reason: ReceiptDrop['reason'], status?: number) => {
    remove(key);
    if (page.reported.has(record.id)) return;
    page.reported.add(record.id);
    try {
      if (onDrop) onDrop({ record, reason, status });
      else console.warn(`[consent-ui] receipts: dropped consent record ${record.id} (${reason}${status ? `, HTTP ${status}` : ''}); it will never be sent.`);
    } catch {
      // The host's logger must not stop the queue.
    }
  };
  const wake = () => page.pumps.forEach((pump) => pump());
  /** Puts a record (back) in the queue, due now. */
  const enqueue = (record: ConsentRecord, attempts = 0) => put(prefix + record.id, JSON.stringify({ record, due: 0, attempts }));

  const send = (key: string, entry: Entry) => {
    const { record } = entry;
    const body = JSON.stringify(record);
    if (new TextEncoder().encode(body).length > MAX_BYTES) return drop(key, record, 'too-large');
    page.inFlight.add(record.id);
    put(key, JSON.stringify({ ...entry, due: Date.now() + timeoutMs + 1000, sending: true }));
    const abort = typeof AbortController == 'function' ? new AbortController() : undefined;
    const timeout = setTimeout(() => abort?.abort(), timeoutMs);
    const answered = () => {
      page.failures = 0;
      page.pausedUntil = 0;
    };
    const failed = (wait = 0) => {
      const n = Math.max(page.failures, entry.attempts || 0);
      page.failures = n + 1;
      const backoff = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** n) * (0.5 + Math.random() / 2);
      page.pausedUntil = Date.now() + Math.min(maxRetryDelayMs, Math.max(wait, backoff));
      // Gone means another page was answered for it meanwhile: not brought back.
      if (get(key) !== null) put(key, JSON.stringify({ record, due: page.pausedUntil, attempts: n + 1 }));
    };
    new Promise<Response>((resolve) =>
      // keepalive lets a record made just before the page goes away arrive, but Chromium does not
      // cancel an aborted keepalive request: a hanging endpoint would keep its connection, and six
      // of them block every request to the origin. So only a first attempt to a working endpoint.
      resolve(fetch(endpoint, { method: 'POST', keepalive: !entry.attempts && !page.failures, headers: { 'content-type': 'application/json', ...headers }, body, signal: abort?.signal })),
    )
      .then(
        (response) => {
          if (response.ok) {
            answered();
            remove(key);
          } else if (REFUSED.includes(response.status)) {
            answered();
            drop(key, record, 'refused', response.status);
          } else failed(retryAfter(response));
        },
        () => failed(),
      )
      .finally(() => {
        clearTimeout(timeout);
        page.inFlight.delete(record.id);
        wake();
      });
  };

  const pump = () => {
    clearTimeout(timer);
    timer = undefined;
    const now = Date.now();
    const entries = keysFrom(prefix)
      .map((key) => [key, read(key)] as const)
      .filter((e): e is readonly [string, Entry] => !!e[1])
      .sort(([, a], [, b]) => (a.record.decidedAt < b.record.decidedAt ? -1 : a.record.decidedAt > b.record.decidedAt ? 1 : 0));
    const busy = (e: Entry) => page.inFlight.has(e.record.id) || (e.sending && e.due > now);
    let waiting = entries.filter(([, e]) => !busy(e)).length;
    let next = Infinity;
    for (const [key, entry] of entries) {
      if (busy(entry)) {
        if (!page.inFlight.has(entry.record.id)) next = Math.min(next, entry.due);
        continue;
      }
      if (waiting-- > cap) {
        drop(key, entry.record, 'overflow');
        continue;
      }
      // A page that has not seen the endpoint fail since it last answered sends at once; one that
      // has waits out its own backoff and the one other pages stored, and sends one at a time.
      const due = page.failures ? Math.max(page.pausedUntil, entry.due) : 0;
      if (due > now) next = Math.min(next, due);
      else if (page.inFlight.size < (page.failures ? 1 : limit)) send(key, entry);
    }
    if (next < Infinity) timer = setTimeout(pump, next - now);
  };

  const check = (connecting?: boolean) => {
    const { record, decidedHere } = store.getState();
    // One read back from the cookie (on load, or refreshed after another tab decided) is that
    // other page's to send.
    const fresh = record && decidedHere && !handled.has(record);
    if (fresh) {
      handled.add(record);
      if (get(prefix + record.id) === null) enqueue(record);
    }
    if (fresh || connecting) pump();
  };

  // Another tab queued or settled a record: looked at shortly, once its writes have landed.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== null && !event.key.startsWith(prefix)) return;
    soon ??= setTimeout(() => {
      soon = undefined;
      pump();
    }, 200);
  };
  const onOnline = () => {
    page.failures = page.pausedUntil = 0;
    pump();
  };
  // A page going away gives up its sends' leases, so the next page need not wait them out; one
  // still on the wire may then arrive twice, which the record id makes harmless.
  const onPageHide = () => {
    for (const id of page.inFlight) {
      const entry = read(prefix + id);
      if (entry) enqueue(entry.record, entry.attempts);
    }
  };
  const listen = typeof addEventListener == 'function';
  if (listen) {
    addEventListener('storage', onStorage);
    addEventListener('online', onOnline);
    addEventListener('pagehide', onPageHide);
  }

  // The queue of an earlier version, one list under `storageKey`: each record moves to its own key.
  const legacy = get(storageKey);
  if (legacy !== null) {
    try {
      const queue: unknown = JSON.parse(legacy);
      if (Array.isArray(queue)) {
        for (const record of queue) if (isRecord(record) && get(prefix + record.id) === null) enqueue(record);
      }
    } catch {
      // Not a queue: nothing to keep.
    }
    remove(storageKey);
  }

  page.pumps.add(pump);
  check(true);
  const unsubscribe = store.subscribe(() => check());
  return () => {
    unsubscribe();
    page.pumps.delete(pump);
    clearTimeout(timer);
    clearTimeout(soon);
    if (listen) {
      removeEventListener('storage', onStorage);
      removeEventListener('online', onOnline);
      removeEventListener('pagehide', onPageHide);
    }
  };
}
