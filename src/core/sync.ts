import type { ConsentStore } from './store';

export interface SyncOptions {
  /** BroadcastChannel name, or localStorage key where BroadcastChannel is missing. */
  channel?: string;
}

/**
 * Keeps other tabs of the site in step: after a decision (or reset) here, they re-read the
 * consent cookie, which all tabs share, so the last decision written wins everywhere.
 * Never throws. Returns a function that stops it.
 */
export function connectSync<Id extends string>(store: ConsentStore<Id>, { channel = 'connexx-consent' }: SyncOptions = {}): () => void {
  let known = store.getState().record;
  let bc: BroadcastChannel | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let receiving = false;
  // The store's refresh never throws (it guards its subscribers).
  const refresh = () => {
    receiving = true;
    store.refresh();
    receiving = false;
  };
  const receive = () => {
    refresh();
    // The other tab's cookie write can reach this tab's view of the cookies just after its message.
    clearTimeout(timer);
    timer = setTimeout(refresh, 50);
  };
  const onStorage = (event: StorageEvent) => event.key === channel && receive();
  try {
    bc = new BroadcastChannel(channel);
    bc.onmessage = receive;
  } catch {
    globalThis.addEventListener?.('storage', onStorage);
  }
  const unsubscribe = store.subscribe(() => {
    const { record } = store.getState();
    if (record === known) return;
    known = record;
    if (receiving) return;
    const id = record?.id ?? null;
    try {
      if (bc) bc.postMessage({ id });
      else localStorage.setItem(channel, `${id} ${Date.now()}`);
    } catch {
      // A closed channel, or storage disabled or full: this tab still works, others stay as they are.
    }
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
    if (bc) bc.close();
    else globalThis.removeEventListener?.('storage', onStorage);
  };
}
