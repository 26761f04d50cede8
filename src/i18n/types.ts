import type { en } from './en-catalogue';

/** Every visible string of the library. A catalogue is a complete `Messages`. */
export type Messages = typeof en;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** What a host passes to override some strings of a catalogue. */
export type MessageOverrides = DeepPartial<Messages>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

// A whole item of a list (a browser, an opt-out link): every field there, each of its kind.
const fits = (shape: unknown, value: unknown): boolean =>
  isPlainObject(shape) ? isPlainObject(value) && Object.keys(shape).every((key) => fits(shape[key], value[key])) : kind(shape) === kind(value);

/**
 * `overrides` laid over `base`, key by key, keeping only keys `base` has, and only values of the
 * kind `base` has there: a catalogue loaded as JSON (no functions), a typo or a hostile value
 * keeps the default for that string rather than breaking the page it is rendered on.
 */
export function mergeDeep<T>(base: T, overrides: unknown, path = 'messages'): T {
  if (overrides === undefined) return base;
  if (isPlainObject(base) && isPlainObject(overrides)) {
    const out: Record<string, unknown> = { ...base };
    for (const key of Object.keys(overrides)) {
      // A host's typo or a hostile "__proto__" key changes nothing.
      if (Object.prototype.hasOwnProperty.call(base, key)) out[key] = mergeDeep(base[key], overrides[key], `${path}.${key}`);
    }
    return out as T;
  }
  const usable = Array.isArray(base)
    ? Array.isArray(overrides) && overrides.every((item) => base.length === 0 || fits(base[0], item))
    : kind(base) === kind(overrides);
  if (usable) return overrides as T;
  if (process.env.NODE_ENV !== 'production') {
    console.warn(`[consent-ui] ${path}: expected ${Array.isArray(base) ? 'a list like the default' : `a ${kind(base)}`}, got ${kind(overrides)}; the default is kept.`);
  }
  return base;
}

/** Overrides laid over a base catalogue, section by section. */
export const mergeMessages = (base: Messages, overrides?: MessageOverrides): Messages => mergeDeep(base, overrides);
