import { policyContent, policyFingerprint } from '../core/fingerprint';
import { regimes } from '../core/jurisdiction';
import type { Policy } from '../core/policy';
import type { ConsentMethod, ConsentSignals } from '../core/record';

/**
 * What the log needs of a database: one statement per call, parameters as `$1, $2...`. A `pg`
 * Pool and a PGlite instance both fit. Every write the log makes is a single statement, so it is
 * atomic on its own and never needs a transaction pinned to one connection.
 */
export interface ConsentLogDatabase {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface ConsentLogOptions {
  db: ConsentLogDatabase;
  /** The policy the site shows now; receipts of a revision the log has seen before stay welcome. */
  policy: Policy<string>;
}

/** One decision as the log keeps it. */
export interface StoredConsent {
  id: string;
  /** The browser's random subject id; `null` for a receipt sent before subject ids existed. */
  subjectId: string | null;
  /** When the visitor decided (the browser's clock), ISO 8601. */
  decidedAt: string;
  /** When the log stored it (the database's clock), ISO 8601. */
  receivedAt: string;
  method: ConsentMethod;
  choices: Record<string, boolean>;
  signals: ConsentSignals;
  jurisdiction: string | null;
  regime: string | null;
  revision: string;
  /** `policyFingerprint` of the policy the visitor was shown; `log.policy(fingerprint)` has its text. */
  policyFingerprint: string;
}

export interface ConsentExportRange {
  /** Decisions made at or after this time. */
  since?: Date | string;
  /** Decisions made before this time. */
  until?: Date | string;
}

export interface ConsentLog {
  /** Creates or upgrades the log's tables; safe on every start and from several processes at once. */
  migrate(): Promise<void>;
  /** The receipts endpoint: a Fetch API handler for what `connectReceipts` sends. */
  handler(request: Request): Promise<Response>;
  get(recordId: string): Promise<StoredConsent | null>;
  /** One browser's decisions, or those of every browser linked to a user by `identify`, oldest first. */
  history(subject: string | { userId: string }): Promise<StoredConsent[]>;
  /** Every decision in the range as JSON lines (one per string, newline-terminated), read in batches. */
  export(range?: ConsentExportRange): AsyncIterable<string>;
  /** Deletes decisions made more than `olderThanDays` ago, and links left without a decision; returns how many decisions. */
  prune(options: { olderThanDays: number }): Promise<number>;
  /** Links a browser's subject id to a signed-in user, so `history({ userId })` finds it. */
  identify(subjectId: string, userId: string): Promise<void>;
  /** The canonical policy text (`policyContent`) stored under a fingerprint, exactly as hashed. */
  policy(fingerprint: string): Promise<string | null>;
}

/** A receipt larger than this is refused with 413: a real one is well under 1 KB. */
export const MAX_RECEIPT_BYTES = 16 * 1024;
const BATCH = 1000;
const ID = /^[\w-]{8,64}$/;
const JURISDICTION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
// Keyed by the core's ConsentMethod, so a method added there does not compile here until it is
// listed, and a migration widens consent_records' check to it (the suite stores one of each).
const METHODS: readonly string[] = Object.keys({ 'accept-all': 1, 'reject-all': 1, custom: 1, signal: 1, 'opt-out': 1 } satisfies Record<ConsentMethod, 1>);
const REGIMES: readonly string[] = regimes;
// A fixed key for pg_advisory_xact_lock, so two processes migrating at once take turns.
const MIGRATION_LOCK = 7_310_593_858;

// Each version runs once, in order, inside one DO block: one statement, so one transaction, and
// the advisory lock it takes first is held until it commits.
const MIGRATIONS: readonly string[] = [
  `create table consent_policies (
     fingerprint text primary key,
     content text not null,
     stored_at timestamptz not null default now()
   );
   create table consent_policy_revisions (
     revision text not null,
     fingerprint text not null references consent_policies,
     first_seen timestamptz not null default now(),
     primary key (revision, fingerprint)
   );
   create table consent_records (
     record_id text primary key,
     subject_id text,
     decided_at timestamptz not null,
     received_at timestamptz not null default now(),
     method text not null check (method in ('accept-all', 'reject-all', 'custom', 'signal')),
     choices jsonb not null,
     gpc boolean not null,
     dnt boolean not null,
     jurisdiction text,
     regime text,
     revision text not null,
     policy_fingerprint text not null references consent_policies
   );
   create index consent_records_by_subject on consent_records (subject_id, decided_at);
   create index consent_records_by_time on consent_records (decided_at, record_id);
   create table consent_subject_users (
     user_id text not null,
     subject_id text not null,
     linked_at timestamptz not null default now(),
     primary key (user_id, subject_id)
   );
   create index consent_subject_users_by_subject on consent_subject_users (subject_id);`,
  // 2: the one-step opt-out of sale or sharing (`store.optOut()`). Version 1 named its check
  // constraint by PostgreSQL's default, table_column_check.
  `alter table consent_records
     drop constraint consent_records_method_check,
     add constraint consent_records_method_check check (method in ('accept-all', 'reject-all', 'custom', 'signal', 'opt-out'));`,
];

const migrationBlock = () => `do $migrate$
declare version integer;
begin
  perform pg_advisory_xact_lock(${MIGRATION_LOCK});
  create table if not exists consent_log_migrations (version integer primary key, applied_at timestamptz not null default now());
  select coalesce(max(m.version), 0) into version from consent_log_migrations m;
${MIGRATIONS.map((sql, i) => `  if version < ${i + 1} then\n${sql}\n    insert into consent_log_migrations (version) values (${i + 1});\n  end if;`).join('\n')}
end
$migrate$`;

const COLUMNS = `record_id, subject_id, decided_at, received_at, method, choices, gpc, dnt, jurisdiction, regime, revision, policy_fingerprint`;

interface Row {
  record_id: string;
  subject_id: string | null;
  decided_at: Date | string;
  received_at: Date | string;
  method: ConsentMethod;
  choices: Record<string, boolean> | string;
  gpc: boolean;
  dnt: boolean;
  jurisdiction: string | null;
  regime: string | null;
  revision: string;
  policy_fingerprint: string;
}

const iso = (time: Date | string) => new Date(time).toISOString();

const toStored = (row: Row): StoredConsent => ({
  id: row.record_id,
  subjectId: row.subject_id,
  decidedAt: iso(row.decided_at),
  receivedAt: iso(row.received_at),
  method: row.method,
  choices: typeof row.choices === 'string' ? JSON.parse(row.choices) : row.choices,
  signals: { gpc: row.gpc, dnt: row.dnt },
  jurisdiction: row.jurisdiction,
  regime: row.regime,
  revision: row.revision,
  policyFingerprint: row.policy_fingerprint,
});

const respond = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers } });

class Invalid extends Error {}

/** What a policy version allows: its category ids, and which of them must be granted. */
interface Known {
  fingerprint: string;
  categories: readonly { id: string; required: boolean }[];
}

const known = (fingerprint: string, content: string): Known => ({
  fingerprint,
  categories: (JSON.parse(content) as { categories: { id: string; required?: boolean }[] }).categories.map((c) => ({ id: c.id, required: !!c.required })),
});

/** A text field the log can store as it is: bounded, no control characters (Postgres refuses NUL), well-formed. */
const plainText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max && !/[\u0000-\u001f\u007f]/.test(value) && (value as { isWellFormed?: () => boolean }).isWellFormed?.() !== false;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads at most `limit` bytes of the body as UTF-8, or `null` once it is longer. */
async function readBody(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Invalid('the body is not UTF-8');
  }
}

const timeParam = (value: Date | string | undefined, name: string, fallback: string) => {
  if (value === undefined) return fallback;
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(time)) throw new TypeError(`[consent-ui] consent log export: ${name} must be a Date or an ISO 8601 time.`);
  return new Date(time).toISOString();
};

const developing = () => typeof process === 'undefined' || process.env?.NODE_ENV !== 'production';

/**
 * A durable log of consent receipts in the host's own PostgreSQL: each decision is stored once,
 * keyed by its record id, with the fingerprint of the policy the visitor was shown; the policy
 * text is stored once per fingerprint.
 */
export function createConsentLog({ db, policy }: ConsentLogOptions): ConsentLog {
  if (!db || typeof db.query !== 'function') throw new TypeError('[consent-ui] createConsentLog: db must have query(text, params), e.g. a pg Pool or a PGlite instance.');
  if (!policy || !Array.isArray(policy.categories)) throw new TypeError('[consent-ui] createConsentLog: pass the policy made with definePolicy().');
  const content = policyContent(policy);
  const current = known(policyFingerprint(policy), content);
  // Earlier revisions, looked up once each: a receipt queued before a deploy is still proof.
  const revisions = new Map<string, Known>([[policy.revision, current]]);
  const rows = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];

  // The current policy is registered once per log (again after a failure): policy and revision in
  // one statement, so neither exists without the other.
  let registered: Promise<void> | undefined;
  const register = () =>
    (registered ??= (async () => {
      await rows(
        `with p as (insert into consent_policies (fingerprint, content) values ($1, $2) on conflict do nothing)
         insert into consent_policy_revisions (revision, fingerprint) values ($3, $1) on conflict do nothing`,
        [current.fingerprint, content, policy.revision],
      );
      if (developing()) {
        const others = await rows<{ fingerprint: string }>(`select fingerprint from consent_policy_revisions where revision = $1 and fingerprint <> $2`, [policy.revision, current.fingerprint]);
        if (others.length) {
          console.warn(
            `[consent-ui] consent log: the policy's content changed (fingerprint ${others.map((o) => o.fingerprint).join(', ')} -> ${current.fingerprint}) but its revision is still "${policy.revision}". ` +
              'Bump the revision when purposes, parties or categories change, so every visitor is asked again.',
          );
        }
      }
    })().catch((error: unknown) => {
      registered = undefined;
      throw error;
    }));

  const versionOf = async (revision: string): Promise<Known | undefined> => {
    const cached = revisions.get(revision);
    if (cached) return cached;
    const [row] = await rows<{ fingerprint: string; content: string }>(
      `select r.fingerprint, p.content from consent_policy_revisions r join consent_policies p using (fingerprint)
       where r.revision = $1 order by r.first_seen desc limit 1`,
      [revision],
    );
    if (!row) return undefined;
    const version = known(row.fingerprint, row.content);
    if (revisions.size < 100) revisions.set(revision, version);
    return version;
  };

  /** The row to insert for a receipt, or an `Invalid` error naming what is wrong. */
  const validate = async (body: unknown): Promise<unknown[]> => {
    if (!isObject(body)) throw new Invalid('the body must be a JSON object');
    const { id, subjectId, revision, decidedAt, method, choices, signals, jurisdiction, regime } = body;
    if (typeof id !== 'string' || !ID.test(id)) throw new Invalid('id must be 8 to 64 letters, digits, _ or -');
    if (subjectId !== undefined && (typeof subjectId !== 'string' || !ID.test(subjectId))) throw new Invalid('subjectId must be 8 to 64 letters, digits, _ or -');
    const time = typeof decidedAt === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(decidedAt) ? Date.parse(decidedAt) : NaN;
    // One spelling per time: 2026-02-30 parses (as 2 March) but is not what toISOString writes.
    if (!Number.isFinite(time) || new Date(time).toISOString() !== decidedAt) throw new Invalid('decidedAt must be an ISO 8601 UTC time with milliseconds');
    if (time > Date.now() + 864e5) throw new Invalid('decidedAt is more than a day in the future');
    if (typeof method !== 'string' || !METHODS.includes(method)) throw new Invalid(`method must be one of ${METHODS.join(', ')}`);
    if (!isObject(signals) || typeof signals.gpc !== 'boolean' || typeof signals.dnt !== 'boolean') throw new Invalid('signals must be { gpc, dnt } as booleans');
    if (jurisdiction != null && !(typeof jurisdiction === 'string' && JURISDICTION.test(jurisdiction))) throw new Invalid('jurisdiction must be a code such as "DE" or "US-CA"');
    if (regime != null && !(typeof regime === 'string' && REGIMES.includes(regime))) throw new Invalid(`regime must be one of ${REGIMES.join(', ')}`);
    if (!plainText(revision, 100)) throw new Invalid('revision must be the policy revision');
    const version = await versionOf(revision);
    if (!version) throw new Invalid(`unknown policy revision; this log knows "${policy.revision}"`);
    if (!isObject(choices)) throw new Invalid('choices must be an object');
    const keys = Object.keys(choices);
    const stored: Record<string, boolean> = {};
    for (const { id: category, required } of version.categories) {
      const granted = Object.hasOwn(choices, category) ? choices[category] : undefined;
      if (typeof granted !== 'boolean') throw new Invalid(`choices.${category} must be true or false`);
      if (required && !granted) throw new Invalid(`choices.${category} is required and cannot be refused`);
      stored[category] = granted;
    }
    if (keys.length !== version.categories.length) throw new Invalid('choices must name exactly the categories of the policy revision');
    return [id, subjectId ?? null, decidedAt, method, JSON.stringify(stored), signals.gpc, signals.dnt, jurisdiction ?? null, regime ?? null, revision, version.fingerprint];
  };

  return {
    async migrate() {
      await rows(migrationBlock());
      await register();
    },

    async handler(request) {
      try {
        if (request.method !== 'POST') return respond(405, { error: 'use POST' }, { allow: 'POST' });
        if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) return respond(415, { error: 'the body must be application/json' });
        const declared = request.headers.get('content-length');
        if (declared !== null && !(Number(declared) <= MAX_RECEIPT_BYTES)) return respond(413, { error: `a receipt is at most ${MAX_RECEIPT_BYTES} bytes` });
        let row: unknown[];
        try {
          const text = await readBody(request, MAX_RECEIPT_BYTES);
          if (text === null) return respond(413, { error: `a receipt is at most ${MAX_RECEIPT_BYTES} bytes` });
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            throw new Invalid('the body is not JSON');
          }
          await register();
          row = await validate(body);
        } catch (error) {
          if (error instanceof Invalid) return respond(400, { error: error.message });
          throw error;
        }
        const inserted = await rows(
          `insert into consent_records (record_id, subject_id, decided_at, method, choices, gpc, dnt, jurisdiction, regime, revision, policy_fingerprint)
           values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11) on conflict (record_id) do nothing returning record_id`,
          row,
        );
        return respond(200, { stored: inserted.length === 1 });
      } catch (error) {
        // The database is down or the connection dropped: the browser keeps the receipt and retries,
        // and the record id makes the retry harmless if this one was stored after all.
        if (developing()) console.error('[consent-ui] consent log: could not store a receipt:', error);
        return respond(503, { error: 'the consent log is unavailable; retry later' }, { 'retry-after': '30' });
      }
    },

    async get(recordId) {
      if (typeof recordId !== 'string' || !ID.test(recordId)) return null;
      const [row] = await rows<Row>(`select ${COLUMNS} from consent_records where record_id = $1`, [recordId]);
      return row ? toStored(row) : null;
    },

    async history(subject) {
      const byUser = isObject(subject);
      const key = byUser ? subject.userId : subject;
      if (!plainText(key, 200) || (!byUser && !ID.test(key))) return [];
      const where = byUser ? `subject_id in (select subject_id from consent_subject_users where user_id = $1)` : `subject_id = $1`;
      return (await rows<Row>(`select ${COLUMNS} from consent_records where ${where} order by decided_at, record_id`, [key])).map(toStored);
    },

    export(range = {}) {
      const since = timeParam(range.since, 'since', '-infinity');
      const until = timeParam(range.until, 'until', 'infinity');
      return {
        async *[Symbol.asyncIterator]() {
          // A keyset cursor: each batch starts after the last row of the one before, so memory
          // stays one batch whatever the size of the log, and no connection is held in between.
          // The cursor's time is the column's own, to the microsecond (a Date would keep milliseconds
          // and repeat rows written by SQL with finer times); ISO 8601 with Z reads back the same
          // whatever the session's DateStyle.
          let after: [string, string] = ['-infinity', ''];
          for (;;) {
            const batch = await rows<Row & { cursor_at: string }>(
              `select ${COLUMNS}, to_char(decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at from consent_records
               where decided_at >= $1::timestamptz and decided_at < $2::timestamptz and (decided_at, record_id) > ($3::timestamptz, $4::text)
               order by decided_at, record_id limit ${BATCH}`,
              [since, until, ...after],
            );
            for (const row of batch) yield `${JSON.stringify(toStored(row))}\n`;
            const last = batch[batch.length - 1];
            if (batch.length < BATCH || !last) return;
            after = [last.cursor_at, last.record_id];
          }
        },
      };
    },

    async prune(options) {
      const olderThanDays = options?.olderThanDays;
      if (typeof olderThanDays !== 'number' || !(olderThanDays >= 0) || !Number.isFinite(olderThanDays)) {
        throw new TypeError('[consent-ui] consent log prune: olderThanDays must be a number of days, 0 or more.');
      }
      let deleted = 0;
      // In batches, so a large first prune neither holds long locks nor builds one huge transaction.
      for (;;) {
        const [row] = await rows<{ n: number }>(
          `with doomed as (select record_id from consent_records where decided_at < now() - $1::float8 * interval '1 day' limit ${BATCH * 10}),
                gone as (delete from consent_records r using doomed d where r.record_id = d.record_id returning 1)
           select count(*)::int as n from gone`,
          [olderThanDays],
        );
        deleted += row?.n ?? 0;
        if ((row?.n ?? 0) < BATCH * 10) break;
      }
      await rows(`delete from consent_subject_users u where not exists (select 1 from consent_records r where r.subject_id = u.subject_id)`);
      return deleted;
    },

    async identify(subjectId, userId) {
      if (typeof subjectId !== 'string' || !ID.test(subjectId)) throw new TypeError('[consent-ui] consent log identify: subjectId must be a subject id from a consent record.');
      if (!plainText(userId, 200)) throw new TypeError('[consent-ui] consent log identify: userId must be text of 1 to 200 characters, without control characters.');
      await rows(`insert into consent_subject_users (user_id, subject_id) values ($1, $2) on conflict do nothing`, [userId, subjectId]);
    },

    async policy(fingerprint) {
      if (typeof fingerprint !== 'string' || !/^[0-9a-f]{16}$/.test(fingerprint)) return null;
      const [row] = await rows<{ content: string }>(`select content from consent_policies where fingerprint = $1`, [fingerprint]);
      return row?.content ?? null;
    },
  };
}
