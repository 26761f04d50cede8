import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeRecord, definePolicy, encodeRecord, type ConsentRecord } from '../../src/core';
import { createRecordId } from '../../src/core/record';
import { policy, wide } from '../fixtures/policies';

const NOW = Date.parse('2026-11-30T12:00:00.000Z');
const DAY = 864e5;

const record: ConsentRecord<'essential' | 'performance' | 'functional' | 'targeting'> = {
  id: '5f0c2a1e-7b3d-4c6f-9a8e-1d2b3c4d5e6f',
  revision: '3',
  decidedAt: new Date(NOW - DAY).toISOString(),
  method: 'custom',
  choices: { essential: true, performance: true, functional: false, targeting: false },
  signals: { gpc: true, dnt: false },
  regime: 'health-data',
  jurisdiction: 'US-WA',
};
const value = encodeRecord(record);
const decode = (v: unknown, options = {}) => decodeRecord(v, policy, { now: NOW, ...options });

describe('the consent record, encoded', () => {
  it('decodes back to the same record', () => {
    expect(decode(value)).toEqual(record);
  });

  it('also decodes the value percent-encoded, as some frameworks pass cookies on', () => {
    expect(decode(encodeURIComponent(value))).toEqual(record);
    expect(decode(encodeURIComponent(value).replace('%7C', '%7c'))).toEqual(record);
  });

  it.each([
    [false, false, '0'],
    [true, false, '1'],
    [false, true, '2'],
    [true, true, '3'],
  ])('keeps the signals gpc %s, dnt %s as bits %s', (gpc, dnt, bits) => {
    const encoded = encodeRecord({ ...record, signals: { gpc, dnt } });
    expect(encoded).toContain(`|c|${bits}|`);
    expect(decode(encoded)?.signals).toEqual({ gpc, dnt });
  });

  it('reads every regime back, and a format-1 value as opt-in', () => {
    for (const regime of ['opt-in', 'opt-out', 'health-data'] as const) expect(decode(encodeRecord({ ...record, regime }))?.regime).toBe(regime);
    expect(decode(value.replace(/^2\|/, '1|').replace('|h|US-WA|', '|'))?.regime).toBe('opt-in');
  });

  it('uses only cookie-octets, so the value needs no quoting', () => {
    expect(value).toMatch(/^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/);
  });

  it('keeps a revision with spaces, pipes and non-ASCII characters intact', () => {
    const odd = { ...record, revision: '2026 | été; "draft"' };
    const p = { ...policy, revision: odd.revision };
    const encoded = encodeRecord(odd);
    expect(encoded).toMatch(/^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/);
    expect(decodeRecord(encoded, p, { now: NOW })).toEqual(odd);
  });

  it('stays well under 4096 bytes for a policy of 20 categories with long ids', () => {
    const p = wide(20);
    const choices = Object.fromEntries(p.categories.map((c) => [c.id, true]));
    const cookie = `cookie_consent=${encodeRecord({ ...record, revision: p.revision, choices })}`;
    expect(cookie.length).toBeLessThan(1024);
    expect(decodeRecord(cookie.slice('cookie_consent='.length), p, { now: NOW })?.choices).toEqual(choices);
  });
});

describe('the consent record, format 1 (before jurisdictions)', () => {
  const formatOne = `1|${record.id}|3|${(NOW - DAY).toString(36)}|a|0|essential:1.performance:1.functional:1.targeting:1`;

  it('still decodes, as a decision made under opt-in with no jurisdiction', () => {
    expect(decode(formatOne)).toEqual({
      id: record.id,
      revision: '3',
      decidedAt: record.decidedAt,
      method: 'accept-all',
      choices: { essential: true, performance: true, functional: true, targeting: true },
      signals: { gpc: false, dnt: false },
      regime: 'opt-in',
    });
  });

  it('is re-encoded in format 2', () => {
    expect(encodeRecord(decode(formatOne)!)).toBe(formatOne.replace(/^1\|/, '2|').replace('|a|0|', '|a|0|i||'));
  });

  it('knows no opt-out method, which came with format 2', () => {
    expect(decode(formatOne.replace('|a|0|', '|o|0|'))).toBeNull();
    expect(decode(value.replace('|c|1|', '|o|1|'))).toMatchObject({ method: 'opt-out' });
  });
});

describe('the consent record with a subject id (format 3)', () => {
  const withSubject = { ...record, subjectId: '9e8d7c6b-5a49-4382-b170-6f5e4d3c2b1a' };
  const encoded = encodeRecord(withSubject);

  it('is written as format 3 and decodes back to the same record', () => {
    expect(encoded).toMatch(/^3\|9e8d7c6b-5a49-4382-b170-6f5e4d3c2b1a\|5f0c2a1e-/);
    expect(decode(encoded)).toEqual(withSubject);
    expect(decode(encodeURIComponent(encoded))).toEqual(withSubject);
  });

  it('leaves a format-2 value readable, without a subject id', () => {
    expect(value).toMatch(/^2\|/);
    expect(decode(value)).toEqual(record);
    expect(decode(value)?.subjectId).toBeUndefined();
  });

  it.each([
    ['a format-2 value with a subject id', encoded.replace(/^3\|/, '2|')],
    ['a format-3 value without one', value.replace(/^2\|/, '3|')],
    ['a malformed subject id', encoded.replace('9e8d7c6b-5a49-4382-b170-6f5e4d3c2b1a', 'x;y')],
  ])('returns null for %s', (_, v) => {
    expect(decode(v)).toBeNull();
  });

  it('keeps the cookie under 4 KB for a policy of 30 categories with long ids and a long revision', () => {
    const p = definePolicy({ ...wide(30), revision: 'r'.repeat(100) });
    const choices = Object.fromEntries(p.categories.map((c) => [c.id, true]));
    const cookie = `cookie_consent=${encodeRecord({ ...withSubject, revision: p.revision, choices })}`;
    expect(new TextEncoder().encode(cookie).length).toBeLessThan(4096);
    expect(decodeRecord(cookie.slice('cookie_consent='.length), p, { now: NOW })).toMatchObject({ subjectId: withSubject.subjectId, choices });
  });
});

describe('decodeRecord, given a value that is not a valid record of this policy', () => {
  const swap = (from: string, to: string) => value.replace(from, to);
  it.each([
    ['undefined', undefined],
    ['an empty string', ''],
    ['a number', 42],
    ['an object', { choices: { performance: true } }],
    ['JSON', JSON.stringify(record)],
    ['another format version', value.replace(/^2\|/, '3|')],
    ['format 2 without regime and jurisdiction', value.replace('|h|US-WA|', '|')],
    ['format 1 with a regime and jurisdiction', value.replace(/^2\|/, '1|')],
    ['an unknown regime', value.replace('|h|US-WA|', '|x|US-WA|')],
    ['a lower-case jurisdiction', value.replace('|US-WA|', '|us-wa|')],
    ['a jurisdiction that names no place (XX)', value.replace('|US-WA|', '|XX|')],
    ['a jurisdiction that is not a code', value.replace('|US-WA|', '|US-|')],
    ['a tampered choice value', swap('performance:1', 'performance:2')],
    ['a choice of "true"', swap('performance:1', 'performance:true')],
    ['an unknown category', swap('targeting:0', 'targeting:0.marketing:1')],
    ['a missing category', swap('.targeting:0', '')],
    ['a duplicated category', swap('targeting:0', 'targeting:0.targeting:1')],
    ['a refused required category', swap('essential:1', 'essential:0')],
    ['an unknown method', value.replace('|c|', '|x|')],
    ['unknown signal bits', value.replace('|c|1|', '|c|7|')],
    ['another policy revision', swap('|3|', '|2|')],
    ['a bad record id', value.replace(record.id, 'x')],
    ['a malformed percent escape in the revision', swap('|3|', '|%E0%A4%A|')],
    ['a time with a leading zero (one record, one spelling)', value.replace(/\|([0-9a-z]+)\|c\|/, '|0$1|c|')],
    ['a value of 5000 characters', `${value}${'.a:1'.repeat(1250)}`],
  ])('returns null for %s', (_, v) => {
    expect(decode(v)).toBeNull();
  });

  it('returns null for every truncation of a valid value', () => {
    for (let length = 0; length < value.length; length++) {
      const cut = value.slice(0, length);
      expect(decode(cut), cut).toBeNull();
    }
  });

  it('returns null for a decision older than maxAgeDays, and keeps one just inside it', () => {
    const at = (daysAgo: number) => encodeRecord({ ...record, decidedAt: new Date(NOW - daysAgo * DAY).toISOString() });
    expect(decode(at(364.9))).not.toBeNull();
    expect(decode(at(365.1))).toBeNull();
    expect(decode(at(29), { maxAgeDays: 30 })).not.toBeNull();
    expect(decode(at(31), { maxAgeDays: 30 })).toBeNull();
  });

  it('returns null for a decision dated more than a day in the future', () => {
    const future = encodeRecord({ ...record, decidedAt: new Date(NOW + 2 * DAY).toISOString() });
    expect(decode(future)).toBeNull();
  });
});

describe('decodeRecord, given arbitrary input (property-based)', () => {
  const check = (input: unknown) => {
    const result = decode(input);
    if (result === null) return;
    // Only a value that encodes a real record may decode, and it must be the same record back.
    expect(typeof input).toBe('string');
    expect(encodeRecord(result)).toBe(input);
  };
  const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
  const before = protoKeys();

  it('never throws and never grants anything for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      expect(decode(s)).toBeNull();
    }), { numRuns: 5000 });
  });

  it('never throws for arbitrary JSON values, raw or stringified', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(decode(v)).toBeNull();
      expect(decode(JSON.stringify(v))).toBeNull();
    }), { numRuns: 3000 });
  });

  it('never grants an optional category the value does not encode, for mutations of a valid value', () => {
    const mutation = fc.tuple(fc.nat({ max: value.length }), fc.nat({ max: 8 }), fc.string({ maxLength: 12 }));
    fc.assert(fc.property(mutation, ([at, cut, insert]) => {
      const mutated = value.slice(0, at) + insert + value.slice(at + cut);
      expect(() => decode(mutated)).not.toThrow();
      // Whatever decodes is exactly what the value encodes: no grant appears that is not written there.
      check(mutated);
    }), { numRuns: 5000 });
    // 5,000 runs take 2-3 s alone; the cores are shared with Chromium in `npm test`.
  }, 20_000);

  it('never touches Object.prototype, whatever the keys in the value', () => {
    fc.assert(fc.property(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'), fc.boolean(), (key, bit) => {
      decode(value.replace('targeting:0', `targeting:0.${key}:${bit ? 1 : 0}`));
      decode(value.replace('targeting', key));
      decode(JSON.stringify({ [key]: { polluted: true }, choices: { [key]: true } }));
    }), { numRuns: 200 });
    expect(protoKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('createRecordId', () => {
  afterEach(() => vi.unstubAllGlobals());
  const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join('');

  it('takes crypto.randomUUID where there is one', () => {
    vi.stubGlobal('crypto', { randomUUID: () => 'the-uuid', getRandomValues: (a: Uint8Array) => a });
    expect(createRecordId()).toBe('the-uuid');
  });

  it('spells 16 random bytes as 32 hex digits without randomUUID (a plain-http page)', () => {
    const bytes = [0, 1, 15, 16, 127, 128, 254, 255, 9, 10, 160, 171, 200, 222, 3, 48];
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => (a.set(bytes), a) });
    expect(createRecordId()).toBe(hex(bytes));
  });

  it('falls back to Math.random, a byte at a time, without Web Crypto', () => {
    vi.stubGlobal('crypto', undefined);
    const draws = [0, 0.999999, 0.5, 0.0625, 0.00390625, 0.25, 0.75, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.95];
    const random = vi.spyOn(Math, 'random');
    for (const draw of draws) random.mockReturnValueOnce(draw);
    expect(createRecordId()).toBe(hex(draws.map((d) => Math.floor(d * 256))));
    random.mockRestore();
  });
});
