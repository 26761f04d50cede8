// The consent log on a real PostgreSQL server whose connections die in the middle of a batch
// (a failover, a restart, an operator's pg_terminate_backend): nothing PGlite can show, since it
// has no connections to lose.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createConsentLog, type ConsentLog } from '../../src/server';
import { policy } from '../fixtures/policies';
import { count, decision, post } from './consent-log-suite';
import { createDatabase } from './postgres';

const POOL = 5;

/** Polls `check` until it holds, for up to 30 s. */
async function until(check: () => Promise<boolean>) {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out');
}

describe('the consent log on a PostgreSQL server, when its connections are killed in the middle of a batch', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let log: ConsentLog;
  let blocker: pg.Client;
  const error = vi.spyOn(console, 'error');

  beforeAll(async () => {
    error.mockImplementation(() => {});
    database = await createDatabase({ max: POOL });
    log = createConsentLog({ db: database.pool, policy });
    await log.migrate();
    blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
  });
  afterAll(async () => {
    error.mockRestore();
    await blocker?.end();
    await database?.drop();
  });

  it('answers every receipt 200 once stored or 503, and after the retries each is stored exactly once', async () => {
    const records = Array.from({ length: 200 }, (_, i) => decision(i % 3 ? (s) => s.save({ performance: i % 2 === 0 }) : (s) => s.rejectAll()));
    const first = await Promise.all(records.slice(0, 50).map((r) => log.handler(post(r))));
    expect(first.map((r) => r.status)).toEqual(Array(50).fill(200));

    // The rest of the batch goes out while a lock holds every insert where it is, so that at the
    // moment of the kill exactly POOL statements are mid-way and the others wait for a connection.
    await blocker.query('begin');
    await blocker.query('lock table consent_records in exclusive mode');
    const rest = records.slice(50).map((r) => log.handler(post(r)));
    const waiting = async () =>
      (
        await blocker.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into consent_records%'`)
      ).rows.map((r) => r.pid);
    await until(async () => (await waiting()).length === POOL);
    const killed = await database.admin.query<{ done: boolean }>(`select pg_terminate_backend(pid, 10000) as done from unnest($1::int[]) pid`, [await waiting()]);
    expect(killed.rows).toEqual(Array(POOL).fill({ done: true }));
    await blocker.query('commit');

    const answers = await Promise.all(rest);
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    const failed = records.slice(50).filter((_, i) => statuses[i] === 503);
    expect(failed).toHaveLength(POOL);
    for (const [i, record] of records.slice(50).entries()) {
      const stored = await log.get(record.id);
      // A 200 is a promise the receipt is kept; a 503 whose statement died mid-way left nothing behind.
      expect(stored === null, record.id).toBe(statuses[i] === 503);
    }
    expect(await count(database.pool)).toBe(200 - POOL);

    // The browser's queue repeats what was answered 5xx, until it is answered 200.
    let pending = failed;
    for (let attempt = 0; pending.length && attempt < 5; attempt++) {
      const retried = await Promise.all(pending.map((r) => log.handler(post(r))));
      pending = pending.filter((_, i) => retried[i]!.status !== 200);
    }
    expect(pending).toEqual([]);

    const { rows } = await database.pool.query<{ n: number; distinct: number }>(`select count(*)::int as n, count(distinct record_id)::int as distinct from consent_records`);
    expect(rows).toEqual([{ n: 200, distinct: 200 }]);
    for (const record of records) {
      expect(await log.get(record.id)).toMatchObject({ id: record.id, subjectId: record.subjectId, decidedAt: record.decidedAt, method: record.method, choices: record.choices });
    }
  });
});
