// What each entry of the built package exports, by name: the public surface, pinned so that it
// cannot grow (or lose a name) by accident. A change here is an API change: update README.md's
// "Exports" section with it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The value exports of an entry, as Node resolves it through package.json `exports` (ESM and CommonJS). */
function valuesOf(entry: string) {
  const run = (source: string, type: string) =>
    execFileSync(process.execPath, [`--input-type=${type}`, '-e', source], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const esm = JSON.parse(run(`import * as m from '${entry}'; console.log(JSON.stringify(Object.keys(m).sort()))`, 'module'));
  const cjs = JSON.parse(run(`console.log(JSON.stringify(Object.keys(require('${entry}')).sort()))`, 'commonjs'));
  return { esm, cjs };
}

describe('the public entries of the built package', () => {
  it('export from the root what a React host renders and calls, and nothing else', () => {
    const expected = [
      'ActivateScripts',
      'ConsentFrame',
      'ConsentGate',
      'ConsentProvider',
      'ConsentReceipts',
      'ConsentScript',
      'ConsentStatus',
      'CookieBanner',
      'CookieSettingsButton',
      'CookieTable',
      'GoogleConsentMode',
      'PolicySections',
      'PreferencesDialog',
      'PrivacyChoicesLink',
      'SensitivePage',
      'consentModeDefaultsScript',
      'createConsentStore',
      'definePolicy',
      'en',
      'mergeMessages',
      'regimeFor',
      'useConsent',
      'useConsentEffect',
      'useConsentStore',
      'useCookieCategory',
      'usePreferencesOpen',
    ];
    expect(valuesOf('@connexx/consent-ui')).toEqual({ esm: expected, cjs: expected });
  });

  it('export the policy page section by section from /policy', () => {
    const expected = [
      'PolicyCategories',
      'PolicyChoices',
      'PolicyContact',
      'PolicyCookieTables',
      'PolicyCustomSection',
      'PolicyDoNotTrack',
      'PolicyDurations',
      'PolicyManagePreferences',
      'PolicyOverview',
      'PolicyUnderstandingCookies',
      'policySectionIds',
    ];
    expect(valuesOf('@connexx/consent-ui/policy')).toEqual({ esm: expected, cjs: expected });
  });

  it('keep /core framework-free (no components), with the connectors and helpers hosts without React use', () => {
    const { esm } = valuesOf('@connexx/consent-ui/core');
    expect(esm).toEqual(expect.arrayContaining(['connectReceipts', 'connectSync', 'connectCookieCleaner', 'connectGoogleConsentMode', 'decodeRecord', 'encodeRecord', 'policyFingerprint']));
    expect(esm.filter((name: string) => /^[A-Z]/.test(name) && name !== 'PolicyError')).toEqual([]);
  });
});
