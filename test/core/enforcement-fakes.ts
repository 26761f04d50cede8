import { encodeRecord, type ConsentRecord } from '../../src/core';
import { policy } from '../fixtures/policies';

/** Sets `location.pathname` and `location.hostname` on the fake browser's location. */
export function setLocation(pathname: string, hostname: string) {
  Object.assign(globalThis.location as object, { pathname, hostname });
}

/** A localStorage stand-in: working, throwing on every call (disabled), or full (writes throw). */
export function fakeStorage(mode: 'enabled' | 'throwing' | 'full' = 'enabled') {
  const items = new Map<string, string>();
  const deny = (write: boolean) => {
    if (mode === 'throwing' || (mode === 'full' && write)) throw new DOMException('Storage is unavailable', 'QuotaExceededError');
  };
  return {
    items,
    getItem: (key: string) => (deny(false), items.get(key) ?? null),
    setItem: (key: string, value: string) => (deny(true), void items.set(key, String(value))),
    removeItem: (key: string) => (deny(true), void items.delete(key)),
  };
}

/** A window-like global event target, for the `storage` event. */
export function fakeWindowEvents() {
  const target = new EventTarget();
  return {
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
  };
}

export type Id = 'essential' | 'performance' | 'functional' | 'targeting';

/** A consent cookie value as another tab would have written it. */
export function storedValue(choices: Partial<Record<Id, boolean>>, id = 'a1b2c3d4-0000-4000-8000-000000000001') {
  const record: ConsentRecord<Id> = {
    id,
    revision: policy.revision,
    decidedAt: new Date().toISOString(),
    method: 'custom',
    choices: { essential: true, performance: false, functional: false, targeting: false, ...choices },
    signals: { gpc: false, dnt: false },
    regime: 'opt-in',
  };
  return encodeRecord(record);
}
