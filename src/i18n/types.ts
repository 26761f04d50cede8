import type { en } from './en';

/** Every visible string of the library. A catalogue is a complete `Messages`. */
export type Messages = typeof en;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** What a host passes to override some strings of a catalogue. */
export type MessageOverrides = DeepPartial<Messages>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `overrides` laid over `base`, key by key, keeping only keys `base` has. */
export function mergeDeep<T>(base: T, overrides: unknown): T {
  if (overrides === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(overrides)) return overrides as T;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(overrides)) {
    // A host's typo or a hostile "__proto__" key changes nothing.
    if (Object.prototype.hasOwnProperty.call(base, key)) out[key] = mergeDeep(base[key], overrides[key]);
  }
  return out as T;
}

/** Overrides laid over a base catalogue, section by section. */
export const mergeMessages = (base: Messages, overrides?: MessageOverrides): Messages => mergeDeep(base, overrides);
