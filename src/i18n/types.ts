import type { en } from './en';

/** Every visible string of the library. A catalogue is a complete `Messages`. */
export type Messages = typeof en;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** What a host passes to override some strings of a catalogue. */
export type MessageOverrides = DeepPartial<Messages>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Overrides laid over a base catalogue, section by section. */
export function mergeMessages(base: Messages, overrides?: MessageOverrides): Messages {
  if (!overrides) return base;
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...a };
    for (const key of Object.keys(b)) {
      // Only keys the catalogue has: a host's typo or a hostile "__proto__" key changes nothing.
      if (!Object.prototype.hasOwnProperty.call(a, key) || b[key] === undefined) continue;
      out[key] = isPlainObject(a[key]) && isPlainObject(b[key]) ? merge(a[key], b[key]) : b[key];
    }
    return out;
  };
  return merge(base, overrides as Record<string, unknown>) as Messages;
}
