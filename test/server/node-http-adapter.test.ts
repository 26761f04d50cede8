// The plain Node.js server of "Guides / Proof of consent": its request listener is read from the
// guide itself (the `// server.ts` sample), compiled and served with node:http on PGlite, so the
// two-line adapter the guide shows is the one tested here.
import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createConsentLog, type ConsentLog } from '../../src/server';
import { policy } from '../fixtures/policies';
import { count, decision } from './consent-log-suite';

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The guide's listener: the body of `createServer(async (req, res) => { ... })` in its server.ts sample. */
function listenerFromGuide(log: ConsentLog): Listener {
  const guide = readFileSync(new URL('../../stories/docs/ProofOfConsent.mdx', import.meta.url), 'utf8');
  const sample = /```ts\n\/\/ server\.ts\n([\s\S]*?)```/.exec(guide)?.[1];
  const body = sample && /createServer\(async \(req, res\) => \{\n([\s\S]*?)\n\}\)\.listen/.exec(sample)?.[1];
  if (!body) throw new Error('Guides / Proof of consent has no `// server.ts` sample with a createServer(async (req, res) => { ... }) listener');
  const js = ts.transpileModule(`(async (req: any, res: any) => {\n${body}\n})`, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  const expression = js.replace(/^"use strict";/, '').trim().replace(/;$/, '');
  return new Function('log', 'Readable', `return ${expression}`)(log, Readable) as Listener;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('the plain Node.js receipts server of the Proof of consent guide, on PGlite', () => {
  let db: PGlite;
  let log: ConsentLog;
  let server: Server;
  let port: number;

  /** One request with node:http (fetch refuses TRACE and sets its own lengths); `status: 0` when the connection closed without an answer. */
  const send = (method: string, path: string, headers: Record<string, string | number>, body?: string | ((req: ReturnType<typeof request>) => void)) =>
    new Promise<Answer>((resolve) => {
      const req = request({ port, method, path, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on('error', () => resolve({ status: 0, headers: {}, body: '' }));
      });
      req.on('error', () => resolve({ status: 0, headers: {}, body: '' }));
      // A listener that threw never answers: fail in seconds, not at the test's timeout.
      req.setTimeout(10_000, () => req.destroy());
      if (typeof body === 'function') body(req);
      else req.end(body);
    });
  const postJson = (body: unknown) => {
    const text = JSON.stringify(body);
    return send('POST', '/api/consent', { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }, text);
  };

  beforeAll(async () => {
    db = new PGlite();
    log = createConsentLog({ db, policy });
    await log.migrate();
    server = createServer(listenerFromGuide(log));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }, 120_000);
  afterAll(async () => {
    server?.closeAllConnections();
    if (server) await new Promise((resolve) => server.close(resolve));
    await db?.close();
  });

  it('stores a receipt POSTed to /api/consent once, and answers a repeat 200 without storing it again', async () => {
    const record = decision((s) => s.optOut(), { jurisdiction: 'US-CA' });
    const first = await postJson(record);
    expect(first).toMatchObject({ status: 200, body: '{"stored":true}' });
    expect(first.headers['content-type']).toBe('application/json');
    expect(await postJson(record)).toMatchObject({ status: 200, body: '{"stored":false}' });
    expect(await log.get(record.id)).toMatchObject({ id: record.id, method: 'opt-out', subjectId: record.subjectId });
  });

  it('answers 404 off the endpoint, 405 to GET and to TRACE (which a Fetch Request refuses), and keeps serving', async () => {
    expect((await send('GET', '/elsewhere', {})).status).toBe(404);
    const get = await send('GET', '/api/consent', {});
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await send('TRACE', '/api/consent', {})).status).toBe(405);
    expect((await postJson(decision())).status).toBe(200);
  });

  it('answers 415 to a body that is not JSON, and 413 to a declared length over 16 KB', async () => {
    expect((await send('POST', '/api/consent', { 'content-type': 'text/plain', 'content-length': 2 }, 'hi')).status).toBe(415);
    const big = ' '.repeat(20_000);
    expect((await send('POST', '/api/consent', { 'content-type': 'application/json', 'content-length': big.length }, big)).status).toBe(413);
  });

  it('stops reading a streamed body past 16 KB, stores nothing from it or from a client gone mid-body, and keeps serving', async () => {
    // The handler logs, in development, each receipt it could not read to the end.
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const before = await count(db);
      // No length declared: the handler reads until the limit and stops there; the connection may
      // close before the 413 gets out, which the client cannot tell from a network error.
      const streamed = await send('POST', '/api/consent', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, (req) => {
        for (let i = 0; i < 8; i++) req.write(' '.repeat(4096));
        req.end();
      });
      expect([0, 413]).toContain(streamed.status);
      const text = JSON.stringify(decision());
      const dropped = await send('POST', '/api/consent', { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }, (req) => {
        req.write(text.slice(0, 40));
        setTimeout(() => req.destroy(), 50);
      });
      expect(dropped.status).toBe(0);
      expect(await count(db)).toBe(before);
      expect((await postJson(decision())).status).toBe(200);
    } finally {
      error.mockRestore();
    }
  });
});
