// The consent log under load, on PGlite and on a real PostgreSQL server: 20,000 receipts POSTed
// over HTTP by 50 concurrent clients to a Node server running log.handler, 10% of them sent twice
// and 5% cut off mid-way (the connection drops while the body is on its way, or after it arrived
// but before the answer did) and then retried, as the browser's queue does. The run fails unless
// the log ends with exactly 20,000 rows, one per receipt. Then log.export() streams a larger log
// and its speed and memory are printed. Run by bench/run.mjs, or alone after `npm run build`:
// `node bench/consent-log.mjs` (BENCH_EXPORT_ROWS=1000000 for the million rows).
import { PGlite } from '@electric-sql/pglite';
import { createServer, Agent, request } from 'node:http';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { startPostgres } from '../scripts/ensure-postgres.mjs';

const RECEIPTS = 20_000;
const CLIENTS = 50;
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 200_000);
const root = new URL('..', import.meta.url);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

// Deterministic, so two runs send the same receipts in the same order.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Receipts in the shape connectReceipts sends, from 5,000 browsers over the last month. */
function receipts(policy) {
  const rand = random(14);
  const optional = policy.categories.filter((c) => !c.required).map((c) => c.id);
  const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const subjects = Array.from({ length: RECEIPTS / 4 }, () => hex(32));
  const start = Date.now() - 30 * 864e5;
  return Array.from({ length: RECEIPTS }, (_, i) => {
    const method = ['accept-all', 'reject-all', 'custom'][i % 3];
    const choices = Object.fromEntries(policy.categories.map((c) => [c.id, c.required || method === 'accept-all' || (method === 'custom' && rand() < 0.5)]));
    if (!optional.length) throw new Error('the bench policy needs optional categories');
    return {
      id: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
      subjectId: subjects[i % subjects.length],
      revision: policy.revision,
      decidedAt: new Date(start + i * 120_000 + Math.floor(rand() * 1000)).toISOString(),
      method,
      choices,
      signals: { gpc: i % 17 === 0, dnt: i % 11 === 0 },
      regime: 'opt-in',
    };
  });
}

/**
 * The adapter of Guides / Proof of consent: a Node request to a Fetch Request, the Response back.
 * A fixed URL and every other method as GET (answered 405), so no Host header or method can make
 * `new Request` throw inside the listener.
 */
const serve = (log) =>
  createServer(async (req, res) => {
    const post = req.method === 'POST';
    const response = await log.handler(new Request('http://localhost/api/consent', { method: post ? 'POST' : 'GET', headers: req.headers, body: post ? Readable.toWeb(req) : null, duplex: 'half' }));
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
  });

/**
 * One POST. `drop: 'body'` sends half the body and closes the connection; `drop: 'answer'` sends
 * all of it and closes the connection before the answer can arrive. Either way the client never
 * learns what happened: it resolves `{ status: 0 }`, as a failed fetch would.
 */
function post(port, agent, body, drop) {
  return new Promise((resolve) => {
    const bytes = Buffer.from(JSON.stringify(body));
    const req = request({ port, agent: drop ? false : agent, method: 'POST', path: '/api/consent', headers: { 'content-type': 'application/json', 'content-length': bytes.length } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      res.on('error', () => resolve({ status: 0 }));
    });
    req.on('error', () => resolve({ status: 0 }));
    if (drop === 'body') {
      req.write(bytes.subarray(0, bytes.length >> 1), () => setTimeout(() => req.destroy(), 2));
    } else if (drop === 'answer') {
      req.end(bytes, () => setImmediate(() => req.destroy()));
    } else {
      req.end(bytes);
    }
  });
}

async function load(name, db) {
  const { definePolicy } = await import(pathToFileURL(fileURLToPath(new URL('dist/core/index.js', root))).href);
  const { createConsentLog } = await import(pathToFileURL(fileURLToPath(new URL('dist/server/index.js', root))).href);
  const policy = definePolicy({
    revision: 3,
    categories: [
      { id: 'essential', title: 'Essential', description: 'Strictly necessary.', required: true },
      { id: 'performance', title: 'Performance', description: 'Visits and traffic.' },
      { id: 'functional', title: 'Functional', description: 'Preferences.' },
      { id: 'targeting', title: 'Targeting', description: 'Advertising.', saleOrShare: true },
    ],
  });
  const log = createConsentLog({ db, policy });
  await log.migrate();
  const server = serve(log);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

  const all = receipts(policy);
  // Every 10th receipt is sent twice (a second tab, a retry whose first answer was slow), every
  // 20th (offset 5, so none of the twice-sent) first dropped mid-way; the jobs are shuffled.
  const jobs = all.map((receipt, i) => ({ receipt, drop: i % 20 === 5 ? (i % 40 === 5 ? 'body' : 'answer') : undefined }));
  for (const [i, receipt] of all.entries()) if (i % 10 === 0) jobs.push({ receipt });
  const rand = random(6);
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
  }

  const tally = { stored: 0, again: 0, dropped: 0, retried: 0, requests: 0, unexpected: [] };
  let next = 0;
  const client = async () => {
    while (next < jobs.length) {
      const { receipt, drop } = jobs[next++];
      if (drop) {
        tally.requests++;
        if ((await post(port, agent, receipt, drop)).status !== 0) tally.unexpected.push(`${receipt.id}: a dropped request got an answer`);
        tally.dropped++;
      }
      // The queue's retry: 5xx and network errors again after a pause, until the log answers.
      for (let attempt = 0; ; attempt++) {
        tally.requests++;
        const answer = await post(port, agent, receipt);
        if (answer.status === 200) {
          JSON.parse(answer.body).stored ? tally.stored++ : tally.again++;
          break;
        }
        if ((answer.status !== 0 && answer.status < 500) || attempt === 20) {
          tally.unexpected.push(`${receipt.id}: ${answer.status} ${answer.body ?? ''}`);
          break;
        }
        tally.retried++;
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(attempt, 5)));
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));

  const { rows } = await db.query(
    `select count(*)::int as n, count(*) filter (where record_id = any($1::text[]))::int as ours, count(distinct record_id)::int as ids from consent_records`,
    [all.map((r) => r.id)],
  );
  const [{ n, ours, ids }] = rows;
  console.log(
    `${name.padEnd(28)}${String(Math.round(RECEIPTS / seconds)).padStart(8)} receipts/s  ${String(Math.round(tally.requests / seconds)).padStart(6)} requests/s  ` +
      `${tally.requests} requests: ${tally.stored} stored, ${tally.again} already stored (${RECEIPTS - tally.stored} of them dropped after the log had stored them), ` +
      `${tally.dropped} dropped and resent, ${tally.retried} retried after 5xx; rows: ${n}`,
  );
  for (const problem of tally.unexpected.slice(0, 5)) console.error(`  unexpected: ${problem}`);
  if (n !== RECEIPTS || ours !== RECEIPTS || ids !== RECEIPTS || tally.unexpected.length) {
    throw new Error(`${name}: expected exactly ${RECEIPTS} rows, one per receipt; found ${n} rows (${ours} of the receipts sent, ${ids} distinct ids), ${tally.unexpected.length} unexpected answers`);
  }
  return log;
}

/** Streams log.export() over the whole log; prints rows/s, RSS growth and heap after GC along the way. */
async function exportAll(name, db, log) {
  const have = (await db.query('select count(*)::int as n from consent_records')).rows[0].n;
  // Older decisions, made by SQL: the export reads them the way it reads real ones.
  await db.query(
    `insert into consent_records (record_id, subject_id, decided_at, method, choices, gpc, dnt, regime, revision, policy_fingerprint)
     select 'bench-' || lpad(i::text, 8, '0'), md5(i::text), now() - interval '400 days' + i * interval '7 seconds', 'custom',
            '{"essential":true,"performance":true,"functional":false,"targeting":false}', false, false, 'opt-in', '3',
            (select fingerprint from consent_policies limit 1)
     from generate_series(1, $1::int) i`,
    [Math.max(0, EXPORT_ROWS - have)],
  );
  const total = (await db.query('select count(*)::int as n from consent_records')).rows[0].n;
  gc();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  const heaps = [];
  let rows = 0;
  let bytes = 0;
  const start = performance.now();
  for await (const line of log.export()) {
    rows++;
    bytes += line.length;
    if (rows % 1000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (rows % Math.ceil(total / 4) === 0) {
      gc();
      heaps.push(process.memoryUsage().heapUsed - base.heapUsed);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  gc();
  heaps.push(process.memoryUsage().heapUsed - base.heapUsed);
  const mb = (x) => `${x >= 0 ? '+' : ''}${(x / 2 ** 20).toFixed(1)} MB`;
  console.log(
    `${name.padEnd(28)}${String(Math.round(rows / seconds)).padStart(8)} rows/s      ${rows} rows, ${(bytes / 2 ** 20).toFixed(0)} MB of JSON lines in ${seconds.toFixed(1)} s; ` +
      `peak RSS ${mb(peakRss - base.rss)}, heap after GC at 1/4, 1/2, 3/4, all: ${heaps.map(mb).join(', ')}`,
  );
  if (rows !== total) throw new Error(`${name}: the export gave ${rows} rows of ${total}`);
}

export async function runConsentLogBench() {
  // As a production server runs: the handler does not log each 5xx it answers.
  process.env.NODE_ENV = 'production';
  console.log(`\nConsent log: ${RECEIPTS} receipts from ${CLIENTS} concurrent clients over HTTP, 10% sent twice, 5% dropped mid-way and resent\n`);
  const results = [];

  const lite = new PGlite();
  try {
    results.push(['PGlite (in memory)', lite, await load('PGlite (in memory)', lite)]);
  } catch (error) {
    await lite.close();
    throw error;
  }

  const cluster = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop() {} } : await startPostgres();
  const stop = () => cluster.stop();
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  const admin = new pg.Client({ connectionString: cluster.url });
  const database = `consent_bench_${Date.now().toString(36)}`;
  let pool;
  try {
    await admin.connect();
    await admin.query(`create database ${database}`);
    const url = new URL(cluster.url);
    url.pathname = `/${database}`;
    pool = new pg.Pool({ connectionString: url.toString(), max: 20 });
    pool.on('error', () => {});
    const server = `PostgreSQL ${(await pool.query('show server_version')).rows[0].server_version.split(' ')[0]} (pg Pool)`;
    results.push([server, pool, await load(server, pool)]);

    console.log(`\nConsent log export: log.export() over every row (${EXPORT_ROWS} rows), JSON lines counted and dropped\n`);
    for (const [name, db, log] of results) await exportAll(name, db, log);
  } finally {
    await lite.close();
    await pool?.end();
    await admin.query(`drop database if exists ${database} with (force)`).catch(() => {});
    await admin.end().catch(() => {});
    stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runConsentLogBench();
