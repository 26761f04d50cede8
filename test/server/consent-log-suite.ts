// The consent log's behaviour, run once against PGlite and once against a real PostgreSQL server
// (the two *.test.ts files beside this one): same tests, same expectations.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createConsentStore, definePolicy, type ConsentMethod, type ConsentRecord, type ConsentStoreOptions } from '../../src/core';
import { createConsentLog, type ConsentLog, type ConsentLogDatabase } from '../../src/server';
import { policy } from '../fixtures/policies';
import { installFakeBrowser } from '../core/fake-browser';
import { V1_MIGRATE } from './consent-log-v1';

export interface Backend {
  db: ConsentLogDatabase;
  /** Two connections (two processes' worth, for the server) to a new, empty database. */
  fresh(): Promise<{ a: ConsentLogDatabase; b: ConsentLogDatabase; close(): Promise<void> }>;
  close(): Promise<void>;
}

const url = 'https://www.connexx.test/api/consent';
export const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

type Receipt = ConsentRecord & { subjectId: string };
type StoreOptions = Omit<ConsentStoreOptions<string>, 'policy' | 'now'>;

let sequence = 0;
const clock = () => Date.parse('2026-11-30T12:00:00.000Z') + sequence++;

/** A record as `connectReceipts` sends it: made by a real store, in a fresh fake browser. */
export function decision(change: (store: ReturnType<typeof createConsentStore>) => void = (s) => s.acceptAll(), options: StoreOptions = {}): Receipt {
  const browser = installFakeBrowser();
  try {
    const store = createConsentStore({ policy, ...options, now: clock });
    change(store);
    return JSON.parse(JSON.stringify(store.getState().record));
  } finally {
    browser.restore();
  }
}

/**
 * One receipt per method, each made by the store action that makes it. Keyed by the core's
 * `ConsentMethod`: a method added to the core and missing here (or one named here that the core
 * dropped) fails the typecheck, so the log is tested with every method the store can send.
 */
export const receiptOfEveryMethod = {
  'accept-all': () => decision((s) => s.acceptAll()),
  'reject-all': () => decision((s) => s.rejectAll()),
  custom: () => decision((s) => s.save({ functional: true })),
  'opt-out': () => decision((s) => s.optOut(), { jurisdiction: 'US-CA' }),
  // A browser that consented to Targeting, then comes back with Global Privacy Control on.
  signal: () => {
    const browser = installFakeBrowser();
    try {
      createConsentStore({ policy, now: clock }).acceptAll();
      const later = createConsentStore({ policy, signals: { gpc: true }, now: clock });
      later.start();
      return JSON.parse(JSON.stringify(later.getState().record)) as Receipt;
    } finally {
      browser.restore();
    }
  },
} satisfies Record<ConsentMethod, () => Receipt>;

export const count = async (db: ConsentLogDatabase) => ((await db.query('select count(*)::int as n from consent_records')).rows[0] as { n: number }).n;

export function consentLogSuite(name: string, open: () => Promise<Backend>) {
  let backend: Backend;
  let log: ConsentLog;
  const db = () => backend.db;

  beforeAll(async () => {
    backend = await open();
    log = createConsentLog({ db: backend.db, policy });
    await log.migrate();
  }, 120_000);
  afterAll(() => backend?.close());

  describe(`createConsentLog on ${name}, migrate`, () => {
    it('is versioned and can run on every start', async () => {
      await log.migrate();
      await createConsentLog({ db: db(), policy }).migrate();
      const { rows } = await db().query('select version from consent_log_migrations order by version');
      expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
    });

    it('is safe from two connections at once, on a database that has none of its tables', async () => {
      const { a, b, close } = await backend.fresh();
      try {
        await Promise.all([createConsentLog({ db: a, policy }).migrate(), createConsentLog({ db: b, policy }).migrate()]);
        expect((await a.query('select version from consent_log_migrations order by version')).rows).toEqual([{ version: 1 }, { version: 2 }]);
        expect((await b.query('select count(*)::int as n from consent_policies')).rows).toEqual([{ n: 1 }]);
      } finally {
        await close();
      }
    }, 60_000);

    it('upgrades a database made by version 1 in place, from two connections at once: its rows stay, and opt-out receipts are stored', async () => {
      const { a, b, close } = await backend.fresh();
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        await a.query(V1_MIGRATE);
        const before = createConsentLog({ db: a, policy });
        const old = decision((s) => s.save({ performance: true }));
        expect((await before.handler(post(old))).status).toBe(200);
        const kept = await before.get(old.id);
        const optOut = receiptOfEveryMethod['opt-out']();
        // Version 1's check constraint is what refused it: the database, not the receipt, is at fault.
        expect((await before.handler(post(optOut))).status).toBe(503);

        await Promise.all([createConsentLog({ db: a, policy }).migrate(), createConsentLog({ db: b, policy }).migrate()]);
        expect((await a.query('select version from consent_log_migrations order by version')).rows).toEqual([{ version: 1 }, { version: 2 }]);
        const after = createConsentLog({ db: b, policy });
        expect(await after.get(old.id)).toEqual(kept);
        const response = await after.handler(post(optOut));
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ stored: true });
        expect(await after.get(optOut.id)).toMatchObject({ method: 'opt-out', regime: 'opt-out', jurisdiction: 'US-CA' });
        // Widened, not dropped: the database still refuses a method nobody makes.
        await expect(
          a.query(
            `insert into consent_records (record_id, decided_at, method, choices, gpc, dnt, revision, policy_fingerprint)
             values ('not-a-method-1', now(), 'nod', '{}', false, false, '3', (select fingerprint from consent_policies limit 1))`,
          ),
        ).rejects.toThrow(/consent_records_method_check/);
      } finally {
        error.mockRestore();
        await close();
      }
    }, 60_000);
  });

  describe(`the consent log on ${name}, given a receipt from connectReceipts`, () => {
    it('stores it once, with the subject id and the fingerprint of the policy shown', async () => {
      const record = decision((s) => s.save({ performance: true }));
      const response = await log.handler(post(record));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ stored: true });
      const stored = await log.get(record.id);
      expect(stored).toMatchObject({
        id: record.id,
        subjectId: record.subjectId,
        decidedAt: record.decidedAt,
        method: 'custom',
        choices: record.choices,
        signals: { gpc: false, dnt: false },
        jurisdiction: null,
        regime: 'opt-in',
        revision: '3',
      });
      expect(Date.parse(stored!.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
      const text = await log.policy(stored!.policyFingerprint);
      expect(JSON.parse(text!).categories.map((c: { id: string }) => c.id)).toEqual(['essential', 'performance', 'functional', 'targeting']);
    });

    it('answers a repeat 200 and adds nothing', async () => {
      const record = decision();
      const before = await count(db());
      const answers = await Promise.all([1, 2, 3].map(() => log.handler(post(record))));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      const stored = await Promise.all(answers.map((r) => r.json()));
      expect(stored.filter((s) => s.stored)).toHaveLength(1);
      expect(await count(db())).toBe(before + 1);
    });

    it('stores a one-step opt-out of sale or sharing, made with store.optOut() in an opt-out regime (#14)', async () => {
      const record = decision((s) => s.optOut(), { jurisdiction: 'US-CA' });
      expect(record).toMatchObject({ method: 'opt-out', regime: 'opt-out', jurisdiction: 'US-CA' });
      const response = await log.handler(post(record));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ stored: true });
      expect(await log.get(record.id)).toMatchObject({
        method: 'opt-out',
        choices: { essential: true, performance: true, functional: true, targeting: false },
        jurisdiction: 'US-CA',
        regime: 'opt-out',
      });
    });

    it.each(Object.keys(receiptOfEveryMethod) as ConsentMethod[])('stores a receipt of every method the store makes: %s', async (method) => {
      const record = receiptOfEveryMethod[method]();
      expect(record.method).toBe(method);
      const response = await log.handler(post(record));
      expect(response.status).toBe(200);
      expect(await log.get(record.id)).toMatchObject({ id: record.id, method, choices: record.choices });
    });

    it('keeps a jurisdiction and regime when the record has them', async () => {
      const record = { ...decision(), jurisdiction: 'US-CA', regime: 'opt-out' };
      expect((await log.handler(post(record))).status).toBe(200);
      expect(await log.get(record.id)).toMatchObject({ jurisdiction: 'US-CA', regime: 'opt-out' });
    });

    it('still takes a receipt of an earlier revision it has seen, with that revision\'s fingerprint', async () => {
      const old = decision();
      const next = definePolicy({ revision: 4, categories: [...policy.categories, { id: 'video', title: 'Video', description: 'Embedded video.' }] });
      const nextLog = createConsentLog({ db: db(), policy: next });
      await nextLog.migrate();
      expect((await nextLog.handler(post(old))).status).toBe(200);
      const stored = await nextLog.get(old.id);
      expect(stored!.revision).toBe('3');
      expect(JSON.parse((await nextLog.policy(stored!.policyFingerprint))!).categories).toHaveLength(4);
      const unknown = await nextLog.handler(post({ ...decision(), id: 'unknown-revision-1', revision: '2' }));
      expect(unknown.status).toBe(400);
      expect((await unknown.json()).error).toMatch(/unknown policy revision/);
    });

    it('warns in development when the policy changed and its revision did not', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      try {
        const changed = definePolicy({ revision: 3, categories: policy.categories.map((c) => (c.id === 'targeting' ? { ...c, saleOrShare: false } : c)) });
        await createConsentLog({ db: db(), policy: changed }).migrate();
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/content changed .* but its revision is still "3"/));
        warn.mockClear();
        await createConsentLog({ db: db(), policy: definePolicy({ revision: 5, categories: changed.categories }) }).migrate();
        expect(warn).not.toHaveBeenCalled();
      } finally {
        warn.mockRestore();
      }
    });
  });

  describe(`the consent log on ${name}, given an invalid receipt`, () => {
    const valid = decision();
    it.each<[string, unknown]>([
      ['an unknown category', { ...valid, choices: { ...valid.choices, video: true } }],
      ['a missing category', { ...valid, choices: { essential: true, performance: true, functional: true } }],
      ['a refused required category', { ...valid, choices: { ...valid.choices, essential: false } }],
      ['a choice that is not a boolean', { ...valid, choices: { ...valid.choices, performance: 'yes' } }],
      ['a wrong revision', { ...valid, revision: '9' }],
      ['a malformed id', { ...valid, id: 'x' }],
      ['a malformed subject id', { ...valid, subjectId: 'a b c d e f g h' }],
      ['a malformed date', { ...valid, decidedAt: 'yesterday' }],
      ['a date that does not exist', { ...valid, decidedAt: '2026-02-30T10:00:00.000Z' }],
      ['a date a week ahead', { ...valid, decidedAt: new Date(Date.now() + 7 * 864e5).toISOString() }],
      ['an unknown method', { ...valid, method: 'nod' }],
      ['signals that are not booleans', { ...valid, signals: { gpc: 1, dnt: 0 } }],
      ['a jurisdiction that is no code', { ...valid, jurisdiction: 'Mars' }],
      ['an unknown regime', { ...valid, regime: 'anything-goes' }],
      ['an array', [valid]],
      ['null', null],
      ['text that is not JSON', '{"id": '],
    ])('answers 400 with a JSON reason for %s, and stores nothing', async (_, body) => {
      const before = await count(db());
      const response = await log.handler(post(body));
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(typeof (await response.json()).error).toBe('string');
      expect(await count(db())).toBe(before);
    });

    it('answers 413 for a declared length over 16 KB, without reading the body', async () => {
      const request = post(decision(), { 'content-length': '16385' });
      const response = await log.handler(request);
      expect(response.status).toBe(413);
      expect(request.bodyUsed).toBe(false);
    });

    it('answers 413 for a body over 16 KB that declares no length', async () => {
      const chunk = new TextEncoder().encode(' '.repeat(4096));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // An endless body: the handler must stop reading, not wait for the end.
          sent++;
          controller.enqueue(chunk);
        },
      });
      const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
      expect((await log.handler(request)).status).toBe(413);
      expect(sent).toBeLessThan(10);
    });

    it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/jsonp'], ['']])('answers 415 for the content type "%s"', async (type) => {
      const request = new Request(url, { method: 'POST', headers: type ? { 'content-type': type } : {}, body: new Blob([JSON.stringify(decision())]) });
      expect((await log.handler(request)).status).toBe(415);
    });

    it('answers 405 to anything but POST', async () => {
      const response = await log.handler(new Request(url));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    });
  });

  describe(`the consent log on ${name}, given a hostile body`, () => {
    const valid = decision();
    const sql = "x'); drop table consent_records; --";

    it('refuses deep JSON and huge strings, and nothing breaks', async () => {
      const deep = `${'['.repeat(8000)}${']'.repeat(8000)}`;
      const deepChoice = JSON.stringify({ ...valid, choices: { ...valid.choices, performance: JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`) } });
      expect((await log.handler(post(deep))).status).toBe(400);
      expect((await log.handler(post(deepChoice))).status).toBe(400);
      expect((await log.handler(post({ ...valid, revision: 'r'.repeat(15_000) }))).status).toBe(400);
      expect((await log.handler(post({ ...valid, revision: 'r'.repeat(17_000) }))).status).toBe(413);
      expect((await log.handler(post(`"${'é'.repeat(8200)}"`))).status).toBe(413);
    });

    it('refuses text that is not UTF-8, and a NUL where Postgres would choke, with 400 rather than 5xx', async () => {
      const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
      expect((await log.handler(new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes }))).status).toBe(400);
      expect((await log.handler(post({ ...valid, revision: '3\u0000' }))).status).toBe(400);
      expect((await log.handler(post({ ...valid, id: 'abcdefgh\u0000' }))).status).toBe(400);
    });

    it('refuses prototype keys, and Object.prototype is untouched', async () => {
      for (const key of ['__proto__', 'constructor', 'prototype', 'toString']) {
        const body = `{${JSON.stringify(valid).slice(1, -1).replace('"choices":{', `"choices":{"${key}":true,`)}}`;
        expect((await log.handler(post(body))).status).toBe(400);
        const top = `{"${key}":{"polluted":true},${JSON.stringify({ ...valid, id: `proto-${key}-0001`.replace(/_/g, '') }).slice(1)}`;
        expect((await log.handler(post(top))).status).toBe(200);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(JSON.stringify(await log.get('proto-constructor-0001'))).not.toContain('polluted');
    });

    it('refuses SQL in every string field, stores extra fields not at all, and the table stays', async () => {
      const before = await count(db());
      for (const field of ['id', 'subjectId', 'revision', 'decidedAt', 'method', 'jurisdiction', 'regime']) {
        const response = await log.handler(post({ ...valid, [field]: sql }));
        expect(response.status, field).toBe(400);
      }
      expect((await log.handler(post({ ...valid, choices: { ...valid.choices, [sql]: true } }))).status).toBe(400);
      const withExtras = { ...decision(), note: sql, ip: '203.0.113.9', userAgent: sql };
      expect((await log.handler(post(withExtras))).status).toBe(200);
      expect(await count(db())).toBe(before + 1);
      const { rows } = await db().query(`select count(*)::int as n from consent_records where (consent_records.*)::text like '%drop table%' or (consent_records.*)::text like '%203.0.113%'`);
      expect(rows).toEqual([{ n: 0 }]);
    });
  });

  describe(`the consent log on ${name}, when the database fails`, () => {
    it('answers 503 with Retry-After, and a retry of a receipt stored before the failure adds nothing', async () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const record = decision();
        // Stored, but the answer is lost on the way back: the worst moment for a connection to drop.
        const lostAnswer: ConsentLogDatabase = {
          query: async (text, params) => {
            const result = await db().query(text, params);
            if (/^\s*insert into consent_records/.test(text)) throw new Error('Connection terminated unexpectedly');
            return result;
          },
        };
        const flaky = createConsentLog({ db: lostAnswer, policy });
        const response = await flaky.handler(post(record));
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('30');
        const retry = await log.handler(post(record));
        expect(await retry.json()).toEqual({ stored: false });
        expect((await log.history(record.subjectId)).map((r) => r.id)).toEqual([record.id]);
      } finally {
        error.mockRestore();
      }
    });
  });

  describe(`the consent log on ${name}, read back`, () => {
    it('lists one browser\'s decisions oldest first, and a user\'s across browsers after identify', async () => {
      const first = decision((s) => {
        s.acceptAll();
      });
      const browser = installFakeBrowser();
      let laptop: ConsentRecord[];
      try {
        // Two decisions a millisecond apart, so their order is not left to chance.
        const store = createConsentStore({ policy, now: () => Date.parse('2026-11-30T13:00:00.000Z') + sequence++ });
        store.acceptAll();
        const a = store.getState().record!;
        store.rejectAll();
        laptop = [a, store.getState().record!].map((r) => JSON.parse(JSON.stringify(r)));
      } finally {
        browser.restore();
      }
      for (const r of [...laptop].reverse()) expect((await log.handler(post(r))).status).toBe(200);
      expect((await log.handler(post(first))).status).toBe(200);
      const subject = laptop[0]!.subjectId!;
      expect((await log.history(subject)).map((r) => r.method)).toEqual(['accept-all', 'reject-all']);
      await log.identify(subject, 'patient-1042');
      await log.identify(first.subjectId, 'patient-1042');
      await log.identify(first.subjectId, 'patient-1042');
      const all = await log.history({ userId: 'patient-1042' });
      expect(all.map((r) => r.id).sort()).toEqual([first.id, ...laptop.map((r) => r.id)].sort());
      expect(await log.history({ userId: 'nobody' })).toEqual([]);
      expect(await log.history("' or 1=1 --")).toEqual([]);
      expect(await log.get('no-such-record')).toBeNull();
      await expect(log.identify('x', 'patient-1042')).rejects.toThrow(/subjectId/);
    });

    it('exports a time range as JSON lines, in batches, every row once', async () => {
      await db().query(
        `insert into consent_records (record_id, subject_id, decided_at, method, choices, gpc, dnt, revision, policy_fingerprint)
         select 'export-' || lpad(i::text, 6, '0'), 'subject-' || (i % 50), timestamptz '2020-01-01' + (i / 3) * interval '1 minute', 'reject-all',
                '{"essential":true,"performance":false,"functional":false,"targeting":false}', false, false, '3', (select fingerprint from consent_policies limit 1)
         from generate_series(1, 2500) i`,
      );
      const lines: string[] = [];
      for await (const line of log.export({ since: '2020-01-01T00:00:00.000Z', until: new Date('2020-01-02T00:00:00.000Z') })) lines.push(line);
      expect(lines).toHaveLength(2500);
      expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
      const keys = lines.map((l) => `${JSON.parse(l).decidedAt} ${JSON.parse(l).id}`);
      expect(new Set(keys).size).toBe(2500);
      expect(keys).toEqual([...keys].sort());
      let few = 0;
      for await (const _ of log.export({ since: '2020-01-01T00:10:00.000Z', until: '2020-01-01T00:20:00.000Z' })) few++;
      expect(few).toBe(30);
      expect(() => log.export({ since: 'last week' })).toThrow(/since must be/);
    });

    it('exports every row once when times have microseconds, as rows written by SQL or now() do', async () => {
      await db().query(
        `insert into consent_records (record_id, subject_id, decided_at, method, choices, gpc, dnt, revision, policy_fingerprint)
         select 'micro-' || lpad(i::text, 6, '0'), 'subject-micro', timestamptz '2019-03-01' + i * interval '1 second' + interval '17 microseconds', 'accept-all',
                '{"essential":true,"performance":true,"functional":true,"targeting":true}', false, false, '3', (select fingerprint from consent_policies limit 1)
         from generate_series(1, 2100) i`,
      );
      const ids: string[] = [];
      for await (const line of log.export({ since: '2019-03-01T00:00:00.000Z', until: '2019-03-02T00:00:00.000Z' })) ids.push(JSON.parse(line).id);
      expect(ids).toHaveLength(2100);
      expect(new Set(ids).size).toBe(2100);
    });

    it('prunes decisions older than the retention period, and user links left without one', async () => {
      await db().query(
        `insert into consent_records (record_id, subject_id, decided_at, method, choices, gpc, dnt, revision, policy_fingerprint)
         select 'prune-' || i, 'prune-subject-' || i, now() - i * interval '1 day', 'accept-all', '{}', false, false, '3', (select fingerprint from consent_policies limit 1)
         from generate_series(1, 40) i`,
      );
      await log.identify('prune-subject-35', 'patient-7');
      await log.identify('prune-subject-5', 'patient-7');
      const before = (await db().query(`select count(*)::int as n from consent_records where decided_at < now() - interval '30 days'`)).rows[0] as { n: number };
      expect(await log.prune({ olderThanDays: 30 })).toBe(before.n);
      const { rows } = await db().query(`select record_id from consent_records where record_id like 'prune-%'`);
      expect(rows).toHaveLength(29);
      expect((await log.history({ userId: 'patient-7' })).map((r) => r.id)).toEqual(['prune-5']);
      expect((await db().query(`select subject_id from consent_subject_users where user_id = 'patient-7'`)).rows).toEqual([{ subject_id: 'prune-subject-5' }]);
      await expect(log.prune({ olderThanDays: -1 })).rejects.toThrow(/olderThanDays/);
    });
  });
}
