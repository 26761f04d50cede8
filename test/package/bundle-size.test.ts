import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { bundle, scenarios, stylesBudget, stylesGzip } from '../../scripts/bundle-size.mjs';

type Scenario = [string, number];

describe('what a host ships (dist/, minified, React external, gzip -9)', () => {
  it.each(Object.entries(scenarios as Record<string, Scenario>))('keeps "%s" within its budget', async (_, [source, budget]) => {
    const { gzip } = await bundle(source);
    expect(gzip).toBeGreaterThan(500);
    expect(gzip).toBeLessThanOrEqual(budget);
  });

  it('keeps styles.css within its budget', () => {
    expect(stylesGzip()).toBeLessThanOrEqual(stylesBudget);
  });

  it('pulls no Radix into a bundle that imports only useConsent', async () => {
    const { inputs } = await bundle(`import { useConsent } from '@connexx/consent-ui'; console.log(useConsent);`);
    expect(inputs.some((path: string) => path.includes('dist/react/hooks.js'))).toBe(true);
    expect(inputs.filter((path: string) => path.includes('@radix-ui'))).toEqual([]);
  });

  it('does pull Radix for the dialog, so the check above can fail', async () => {
    const { inputs } = await bundle(`import { PreferencesDialog } from '@connexx/consent-ui'; console.log(PreferencesDialog);`);
    expect(inputs.some((path: string) => path.includes('@radix-ui/react-dialog'))).toBe(true);
  });

  it('ships no policy-page code or text in the shell every page renders', async () => {
    const [shell] = (scenarios as Record<string, Scenario>).shell!;
    const { inputs } = await bundle(shell);
    expect(inputs.some((path: string) => path.includes('dist/components/banner/cookie-banner.js'))).toBe(true);
    expect(inputs.filter((path: string) => /dist\/(components\/policy\/|i18n\/en-policy|i18n\/en-catalogue)/.test(path))).toEqual([]);
  });

  it('does ship the policy page with PolicySections, so the check above can fail', async () => {
    const { inputs } = await bundle(`import { PolicySections } from '@connexx/consent-ui'; console.log(PolicySections);`);
    expect(inputs.some((path: string) => path.includes('dist/i18n/en-policy.js'))).toBe(true);
  });

  it("leaves Radix's scroll lock (react-remove-scroll, about 4 kB) out of the dialog", async () => {
    const { inputs } = await bundle(`import { PreferencesDialog } from '@connexx/consent-ui'; console.log(PreferencesDialog);`);
    expect(inputs.filter((path: string) => /react-remove-scroll|use-sidecar|react-style-singleton/.test(path))).toEqual([]);
    expect(inputs.some((path: string) => path.includes('@radix-ui/react-focus-scope'))).toBe(true);
  });

  // The monitor's own warning text stands for its code: present, the monitor was bundled.
  const monitorText = 'is declared by no category';
  const shell = `import { definePolicy, ConsentProvider, CookieBanner, PreferencesDialog } from '@connexx/consent-ui';
    import { connectCookieMonitor } from '@connexx/consent-ui/core';
    console.log(definePolicy, ConsentProvider, CookieBanner, PreferencesDialog, connectCookieMonitor);`;

  it('leaves the cookie monitor, and the provider\'s monitorCookies wiring, out of a production shell bundle', async () => {
    const { text, inputs } = await bundle(shell);
    expect(text).not.toContain(monitorText);
    expect(text).not.toContain('cookieStore');
    expect(inputs.filter((path: string) => /audit|playwright/.test(path))).toEqual([]);
  });

  it('does bundle the monitor in a development build, so the check above can fail', async () => {
    const { text } = await bundle(shell, { nodeEnv: 'development' });
    expect(text).toContain(monitorText);
  });
});
