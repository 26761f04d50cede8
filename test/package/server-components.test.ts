// The built entries as a React Server Component, a route handler or a proxy sees them: React's
// server build (no hooks, no context) and every 'use client' module replaced by client references,
// as Next.js does. Core functions must run there from whichever entry they are imported.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hooks = fileURLToPath(new URL('./fixtures/client-references.mjs', import.meta.url));

/** Runs an ES module in the package folder (so '@connexx/consent-ui' resolves to dist/ through exports). */
const asServer = (source: string, conditions = ['--conditions=react-server', '--import', hooks]) =>
  execFileSync(process.execPath, [...conditions, '--input-type=module', '-e', source], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const policy = `{ revision: 1, categories: [
  { id: 'essential', title: 'Essential', description: 'Needed.', required: true },
  { id: 'performance', title: 'Performance', description: 'Counts visits.' } ] }`;

const useCore = (from: string) => `
  import { consentModeDefaultsScript, createConsentStore, definePolicy } from '${from}';
  import { decodeRecord, encodeRecord } from '@connexx/consent-ui/core';
  const policy = definePolicy(${policy});
  const record = { id: '0b3c7a2e-9f41-4d5b-8c6e-2a1f0e9d8c7b', revision: '1', decidedAt: new Date().toISOString(), method: 'custom',
    choices: { essential: true, performance: true }, signals: { gpc: false, dnt: false } };
  const header = 'cookie_consent=' + encodeRecord(record);
  const store = createConsentStore({ policy, initialCookieHeader: header });
  console.log(JSON.stringify({
    categories: policy.categories.length,
    decoded: decodeRecord(encodeRecord(record), policy)?.method,
    performance: store.getState().choices.performance,
    script: consentModeDefaultsScript(policy).includes('denied'),
  }));`;

describe('the built package, imported by server code', () => {
  it("marks every module that imports React, and no other, with 'use client'", () => {
    const dist = join(root, 'dist');
    const modules = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    const wrong = modules.filter((file) => {
      const code = readFileSync(join(dist, file), 'utf8');
      return /^"use client";/.test(code) !== /from "react(\/jsx-runtime)?";/.test(code);
    });
    expect(modules.length).toBeGreaterThan(10);
    // A module listed here: add 'use client' at the top of its source if it uses React, remove it if not.
    expect(wrong).toEqual([]);
  });

  it.each(['@connexx/consent-ui', '@connexx/consent-ui/core'])('runs definePolicy, the store and the Consent Mode script from %s, beside the record codec', (from) => {
    expect(JSON.parse(asServer(useCore(from)))).toEqual({ categories: 2, decoded: 'custom', performance: true, script: true });
  });

  it('gets the components, the provider and the hooks as client references', () => {
    const out = asServer(`
      import * as ui from '@connexx/consent-ui';
      const names = ['ConsentProvider', 'CookieBanner', 'PreferencesDialog', 'CookieSettingsButton', 'ConsentStatus', 'PolicySections', 'CookieTable', 'ConsentGate', 'ConsentScript', 'GoogleConsentMode', 'PrivacyChoicesLink', 'useConsent', 'useCookieCategory', 'usePreferencesOpen'];
      console.log(JSON.stringify(names.filter((name) => ui[name]?.$$typeof !== Symbol.for('react.client.reference'))));`);
    expect(JSON.parse(out)).toEqual([]);
  });

  it('gets the policy sections of the /policy entry as client references', () => {
    const out = asServer(`
      import * as policy from '@connexx/consent-ui/policy';
      const names = Object.keys(policy);
      console.log(JSON.stringify({ names: names.length, server: names.filter((name) => policy[name]?.$$typeof !== Symbol.for('react.client.reference')) }));`);
    expect(JSON.parse(out)).toEqual({ names: 11, server: [] });
  });

  it('fails the same check for a module that is client code as a whole, so the checks above can fail', () => {
    const out = asServer(`
      import { definePolicy } from 'data:text/javascript,"use client";import { definePolicy } from "${root}dist/core/policy.js";export { definePolicy };';
      try { definePolicy(${policy}); console.log('called'); } catch (error) { console.log(error.message); }`);
    expect(out).toContain('Attempted to call definePolicy() from the server');
  });

  it('runs the core in a proxy or route handler, where React is the ordinary build', () => {
    expect(JSON.parse(asServer(useCore('@connexx/consent-ui'), []))).toMatchObject({ performance: true });
  });
});
