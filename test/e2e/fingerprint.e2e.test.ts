// policyFingerprint must give the browser and the server the same value for the same policy: the
// consent log compares them.
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { definePolicy, policyFingerprint } from '../../src/core';
import { policy } from '../fixtures/policies';
import { chromiumArgs, requireChromium } from './chromium';
import { bundleForBrowser } from './serve';

describe('policyFingerprint in Chromium', () => {
  it('is the value Node computes, for text outside ASCII too', async () => {
    const odd = definePolicy({
      revision: 3,
      categories: policy.categories.map((c, i) => (i === 2 ? { ...c, description: 'Été 🍪 Ünïcödé', examples: ['ß', '\u2028'] } : c)),
    });
    const core = await bundleForBrowser(new URL('../../src/core/index.ts', import.meta.url), { globalName: 'Core' });
    const browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs, headless: true });
    try {
      const page = await browser.newPage();
      await page.setContent(`<!doctype html><title>fingerprint</title><script>${core}</script>`);
      const [plain, withRegExp] = await page.evaluate((p) => {
        const { definePolicy, policyFingerprint } = (globalThis as unknown as { Core: typeof import('../../src/core') }).Core;
        const withPattern = definePolicy({ ...p, categories: p.categories.map((c, i) => (i ? c : { ...c, cookies: [{ name: 's', purpose: 'p', duration: 'd', pattern: /^s\d+$/i }] })) });
        return [policyFingerprint(definePolicy(p)), policyFingerprint(withPattern)];
      }, { revision: odd.revision, categories: odd.categories });
      expect(plain).toBe(policyFingerprint(odd));
      const withPattern = definePolicy({ ...odd, categories: odd.categories.map((c, i) => (i ? c : { ...c, cookies: [{ name: 's', purpose: 'p', duration: 'd', pattern: /^s\d+$/i }] })) });
      expect(withRegExp).toBe(policyFingerprint(withPattern));
    } finally {
      await browser.close();
    }
  });
});
