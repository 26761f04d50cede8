// The sample log the Storybook page "Pages/Consent history" reads is real output of the consent
// log: this test makes it on PGlite and compares it with stories/fixtures/consent-log-sample.json,
// so the page cannot drift from what the log stores. After a deliberate change, write it again:
// UPDATE_SAMPLE=1 npx vitest run --project server test/server/consent-log-sample.test.ts
import { PGlite } from '@electric-sql/pglite';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { definePolicy } from '../../src/core';
import { createConsentLog } from '../../src/server';
import { connexxPolicy } from '../../stories/fixtures/connexx-policy';
import { post } from './consent-log-suite';

const file = new URL('../../stories/fixtures/consent-log-sample.json', import.meta.url);
const visitor = 'a3f9c2e17b4d4e0c9b8f61d2e5a7c0b4';

// The policy a few months later: a video category added, so a new revision and fingerprint.
const revised = definePolicy({
  ...connexxPolicy,
  revision: '2026-06-01',
  categories: [...connexxPolicy.categories, { id: 'video', title: 'Embedded Video', description: 'Plays videos from our video host on health-topic pages.' }],
});

const choices = (granted: string[], categories: readonly { id: string; required?: boolean }[] = connexxPolicy.categories) => Object.fromEntries(categories.map((c) => [c.id, !!c.required || granted.includes(c.id)]));
const receipt = (id: string, subjectId: string, decidedAt: string, method: string, granted: string[], more: object = {}) => ({
  id,
  subjectId,
  revision: connexxPolicy.revision,
  decidedAt,
  method,
  choices: choices(granted),
  signals: { gpc: false, dnt: false },
  jurisdiction: 'DE',
  regime: 'opt-in',
  ...more,
});

it('the sample consent log of the Storybook page is what createConsentLog stores and reads back', async () => {
  const db = new PGlite();
  try {
    const before = createConsentLog({ db, policy: connexxPolicy });
    await before.migrate();
    const sent = [
      receipt('0f5b2c9e-6a1d-4c3b-9e2f-1a7d8c4b5e60', visitor, '2026-03-02T09:14:05.120Z', 'reject-all', []),
      receipt('6c1e8a42-93b7-4f0d-a5c2-7e9b1d3f4a81', '5e0d7b3a9c2f41e68a1b4c7d9e2f0a36', '2026-03-04T17:40:51.003Z', 'accept-all', ['performance', 'functional', 'targeting']),
      receipt('b27d4f18-0c6e-4a95-8d3b-2f1e9c7a6b02', visitor, '2026-03-15T12:02:33.870Z', 'custom', ['functional']),
    ];
    for (const r of sent) expect((await before.handler(post(r))).status).toBe(200);

    const after = createConsentLog({ db, policy: revised });
    await after.migrate();
    const later = [
      {
        ...receipt('d4a9e3c7-5b2f-4e18-9c6a-3b8d0f1e7c93', visitor, '2026-06-03T08:25:10.441Z', 'custom', ['functional', 'video']),
        revision: revised.revision,
        choices: choices(['functional', 'video'], revised.categories),
      },
      {
        ...receipt('e81f6b2d-7c4a-4d39-b0e5-9a2c6f8d1b74', visitor, '2026-09-21T19:47:02.915Z', 'custom', ['video']),
        revision: revised.revision,
        choices: choices(['video'], revised.categories),
        signals: { gpc: true, dnt: false },
      },
    ];
    for (const r of later) expect((await after.handler(post(r))).status).toBe(200);
    // A retry of the first receipt, as a browser whose answer was lost sends it: nothing added.
    expect(await (await after.handler(post(sent[0]))).json()).toEqual({ stored: false });

    const lines: string[] = [];
    for await (const line of after.export()) lines.push(line);
    // receivedAt is the database's clock at the moment of this run; the rest is what the log keeps.
    const records = lines.map((line) => {
      const { receivedAt, ...record } = JSON.parse(line);
      expect(Date.parse(receivedAt)).toBeGreaterThan(Date.parse(record.decidedAt));
      return record;
    });
    const fingerprints = [...new Set(records.map((r) => r.policyFingerprint as string))];
    const policies = Object.fromEntries(await Promise.all(fingerprints.map(async (f) => [f, JSON.parse((await after.policy(f))!)])));
    const sample = { visitor, records, policies };

    expect(records).toHaveLength(5);
    expect(fingerprints).toHaveLength(2);
    // The page lists the visitor's rows of the export in order: the same rows history() returns.
    const history = (await after.history(visitor)).map(({ receivedAt, ...r }) => r);
    expect(records.filter((r) => r.subjectId === visitor)).toEqual(history);

    const text = `${JSON.stringify(sample, null, 2)}\n`;
    if (process.env.UPDATE_SAMPLE) writeFileSync(file, text);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(sample);
  } finally {
    await db.close();
  }
});
