import type { ConsentRecord } from './record';
import type { ConsentStore } from './store';

export interface ReceiptOptions {
  /** Where each consent record is POSTed as JSON. */
  endpoint: string;
  headers?: Readonly<Record<string, string>>;
  /** localStorage key of the records not yet acknowledged. Default `cookie_consent_receipts`. */
  storageKey?: string;
  /** Past this many unacknowledged records the oldest are dropped. Default 50; at least 1 is kept. */
  maxQueue?: number;
}

// Module state is page state: it outlives a disconnect and reconnect (React StrictMode, remounts),
// so a record is neither queued nor sent twice by one page.
const inFlight = new Set<string>();
const handled = new WeakSet<object>();
// Stands in for localStorage, per key, once it has failed (disabled, sandboxed, full).
const memory = new Map<string, string>();

/**
 * Sends every decision made on this page to `endpoint` until a 2xx acknowledges it. Records wait
 * in localStorage, so one that failed, or whose page closed mid-flight, is sent again on the next
 * page load: delivery is at least once, and the record id lets the server drop a repeat.
 * Never throws. Returns a function that stops it.
 */
export function connectReceipts<Id extends string>(
  store: ConsentStore<Id>,
  { endpoint, headers, storageKey = 'cookie_consent_receipts', maxQueue = 50 }: ReceiptOptions,
): () => void {
  const read = (): ConsentRecord[] => {
    try {
      const queue: unknown = JSON.parse(memory.get(storageKey) ?? localStorage.getItem(storageKey) ?? '[]');
      return Array.isArray(queue) ? queue.filter((r) => typeof r?.id === 'string') : [];
    } catch {
      return [];
    }
  };
  const write = (queue: ConsentRecord[]) => {
    const text = JSON.stringify(queue);
    if (!memory.has(storageKey)) {
      try {
        if (queue.length) localStorage.setItem(storageKey, text);
        else localStorage.removeItem(storageKey);
        return;
      } catch {
        // Falls through to memory for the rest of the page.
      }
    }
    memory.set(storageKey, text);
  };
  const send = (record: ConsentRecord) => {
    if (inFlight.has(record.id)) return;
    inFlight.add(record.id);
    new Promise<Response>((resolve) =>
      resolve(fetch(endpoint, { method: 'POST', keepalive: true, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(record) })),
    )
      .then((response) => {
        // Removed before the id leaves inFlight: nothing can pick it up again in between.
        if (response.ok) write(read().filter((r) => r.id !== record.id));
      })
      .catch(() => {})
      .finally(() => inFlight.delete(record.id));
  };
  const check = (connecting?: boolean) => {
    const { record, decidedHere } = store.getState();
    // One read back from the cookie (on load, or refreshed after another tab decided) is that
    // other page's to send.
    const fresh = record && decidedHere && !handled.has(record);
    if (fresh) {
      handled.add(record);
      const queue = read().filter((r) => r.id !== record.id).concat(record);
      // At least the record just made: `slice(-0)` would keep them all.
      const keep = maxQueue >= 1 ? Math.floor(maxQueue) : 1;
      if (queue.length > keep) console.warn(`[consent-ui] receipts: dropped the ${queue.length - keep} oldest unsent consent record(s) to keep ${keep}.`);
      write(queue.slice(-keep));
    }
    if (fresh || connecting) read().forEach(send);
  };
  check(true);
  return store.subscribe(() => check());
}
