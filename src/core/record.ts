import { CODE, regimes, type Regime } from './jurisdiction';
import type { Policy } from './policy';

/** `opt-out`: the one-step opt-out of sale or sharing, where the law lets the rest run until then. */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'custom' | 'signal' | 'opt-out';

export interface ConsentSignals {
  /** Global Privacy Control (`navigator.globalPrivacyControl === true`). */
  gpc: boolean;
  /** Do Not Track (`navigator.doNotTrack === '1'`). */
  dnt: boolean;
}

/** One decision, as stored in the consent cookie. Nothing more personal than this is kept. */
export interface ConsentRecord<Id extends string = string> {
  id: string;
  revision: string;
  /** ISO 8601 time of the decision. */
  decidedAt: string;
  method: ConsentMethod;
  choices: Record<Id, boolean>;
  /** Which browser signals were present when the decision was made. */
  signals: ConsentSignals;
  /** The regime the decision was made under (`opt-in` for a format-1 cookie, made before regimes). */
  regime: Regime;
  /** Where the visitor was, as the host told the store (`'US-CA'`); absent when unknown. */
  jurisdiction?: string;
  /**
   * A random id for this browser, kept across its decisions, so a consent log can list one
   * visitor's decisions together. Never derived from anything about the person or the device.
   * Absent only from records read from a format-1 or format-2 cookie.
   */
  subjectId?: string;
}

/** A record to encode: one made before regimes existed is an opt-in one. */
export type ConsentRecordInput = Omit<ConsentRecord, 'regime'> & { regime?: Regime };

// Format 3: `3|subjectId|` then format 2's fields; written whenever the record has a subject id.
// Format 2: `2|id|revision|decidedAt(ms, base 36)|method|signal bits|regime|jurisdiction|cat:1.cat:0`.
// Format 1, still read as an opt-in decision, has neither regime nor jurisdiction, and no `opt-out`
// method. Every character is a cookie-octet (RFC 6265), so the value needs no quoting. One record
// has one spelling: the time has no leading zero. (decodeRecord holds the pattern of all three; the
// place is checked against the jurisdiction pattern, CODE.)
const METHODS: readonly ConsentMethod[] = ['accept-all', 'reject-all', 'custom', 'signal', 'opt-out'];
const METHOD_CODES = 'arcso';
const REGIME_CODES = 'ohi';
const DAY_MS = 864e5;

/**
 * Whether `id` is a valid category id: a letter, then letters, digits, `_` or `-` (40 at most).
 * Ids travel in the consent cookie; a production build of `definePolicy` does not refuse others,
 * so they are never granted and never written.
 */
export const isCategoryId = (id: string): boolean => /^[A-Za-z][\w-]{0,39}$/.test(id);

/**
 * A choice for every category of `policy`, as own properties (so an id such as `__proto__` reads
 * its own value, not an inherited one): the required ones granted, the others as `grant` says; a
 * category whose id is not valid is never granted.
 */
export const choicesFor = <Id extends string>(policy: Policy<Id>, grant: (category: Policy<Id>['categories'][number]) => unknown) =>
  Object.fromEntries(policy.categories.map((c) => [c.id, isCategoryId(c.id) && !!(c.required || grant(c))])) as Record<Id, boolean>;

export function encodeRecord(record: ConsentRecordInput): string {
  const choices = Object.keys(record.choices)
    .filter(isCategoryId)
    .map((id) => `${id}:${record.choices[id] ? 1 : 0}`)
    .join('.');
  return [
    record.subjectId ? `3|${record.subjectId}` : 2,
    record.id,
    encodeURIComponent(record.revision),
    Date.parse(record.decidedAt).toString(36),
    METHOD_CODES[METHODS.indexOf(record.method)],
    (record.signals.gpc ? 1 : 0) + (record.signals.dnt ? 2 : 0),
    REGIME_CODES[regimes.indexOf(record.regime ?? 'opt-in')],
    // (join writes nothing for an absent one.)
    record.jurisdiction,
    choices,
  ].join('|');
}

export interface DecodeOptions {
  /** Current time in ms; records older than `maxAgeDays` are no decision. */
  now?: number;
  maxAgeDays?: number;
}

/**
 * Reads a stored value back into a record for `policy`. Returns `null` ("ask again") for anything
 * that is not exactly a record of this policy's revision and categories: it never throws and never
 * grants a category the value does not validly grant.
 */
export function decodeRecord<Id extends string>(
  value: unknown,
  policy: Policy<Id>,
  { now = Date.now(), maxAgeDays = 365 }: DecodeOptions = {},
): ConsentRecord<Id> | null {
  try {
    // Some frameworks percent-encode cookie values they pass on (Next.js cookies().toString()).
    if (typeof value === 'string' && /^[123]%7C/i.test(value)) value = decodeURIComponent(value);
    const match =
      typeof value === 'string' &&
      value.length < 4000 &&
      /^(?:([12])|3\|([\w-]{8,64}))\|([\w-]{8,64})\|([^|]*)\|([1-9a-z][0-9a-z]{0,11})\|([arcso])\|([0-3])\|(?:([ohi])\|([A-Z0-9-]{0,6})\|)?([\w:.-]{1,3000})$/.exec(value);
    if (!match) return null;
    const [, format = '3', subjectId, id, revision, time, methodCode, signalBits, regimeCode, place, choiceText] = match as unknown as string[];
    const decidedAt = parseInt(time!, 36);
    const stored = new Map<string, boolean>();
    for (const entry of choiceText!.split('.')) {
      // A malformed choice throws here: no record.
      const [, category, bit] = /^([A-Za-z][\w-]{0,39}):([01])$/.exec(entry)!;
      if (stored.has(category!)) return null;
      stored.set(category!, bit == '1');
    }
    const known = policy.categories.filter((c) => isCategoryId(c.id));
    if (
      // Each format has exactly its own fields: a format-1 value with a regime, or a later one
      // without, is not a record any version wrote. (A regime code, when there is one, is a letter.)
      (format == '1' ? regimeCode || methodCode == 'o' : !regimeCode) ||
      // A place, when there is one, is a jurisdiction's code.
      (place && !CODE.test(place)) ||
      decodeURIComponent(revision!) !== policy.revision ||
      // A clock a day ahead of ours is tolerated; a record dated further on would never expire.
      decidedAt > now + DAY_MS ||
      now - decidedAt > maxAgeDays * DAY_MS ||
      // Exactly the valid categories of the policy, each once, the required ones granted.
      stored.size !== known.length ||
      known.some((c) => stored.get(c.id) !== true && (c.required || !stored.has(c.id)))
    ) {
      return null;
    }
    const bits = +signalBits!;
    const record: ConsentRecord<Id> = {
      // Undefined (an unmatched group) before format 3.
      subjectId,
      id: id!,
      revision: policy.revision,
      decidedAt: new Date(decidedAt).toISOString(),
      method: METHODS[METHOD_CODES.indexOf(methodCode!)]!,
      // (Each required category is stored granted, checked above.)
      choices: choicesFor(policy, (c) => stored.get(c.id)),
      // Bits 0 to 3: GPC is the odd ones, DNT 2 and 3.
      signals: { gpc: bits % 2 > 0, dnt: bits > 1 },
      regime: regimes[REGIME_CODES.indexOf(regimeCode ?? 'i')]!,
    };
    if (place) record.jurisdiction = place;
    return record;
  } catch {
    return null;
  }
}

/**
 * The subject id of a format-2 consent value, whatever its revision or age: a visitor asked again
 * after a new revision keeps the id their earlier decisions were logged under.
 */
export const subjectIdOf = (value: string): string | undefined => /^3\|([\w-]{8,64})\|/.exec(value)?.[1];

/**
 * A random record id: `crypto.randomUUID`, or 128 random bits from `getRandomValues` where
 * `randomUUID` is missing (it needs a secure context; plain-http pages do not have one), or from
 * Math.random where there is no Web Crypto at all (Node 18 without the flag, old web views).
 */
export function createRecordId(): string {
  const c = globalThis.crypto;
  return (
    c?.randomUUID?.() ??
    // (A Uint8Array keeps the integer part of what is stored in it.)
    Array.from(c ? c.getRandomValues(new Uint8Array(16)) : new Uint8Array(16).map(() => Math.random() * 256), (b) => (b | 256).toString(16).slice(1)).join('')
  );
}
