// One page per regime, read as a spec: for each jurisdiction, what is in force before anybody
// decides, what each first-layer button records, and which scripts actually run, through the real
// enforcement parts (ConsentScript, ActivateScripts, GoogleConsentMode, the provider's cookie
// cleaner), from the server's first HTML through hydration to the next page load.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ActivateScripts,
  ConsentProvider,
  ConsentScript,
  ConsentStatus,
  CookieBanner,
  definePolicy,
  GoogleConsentMode,
  PreferencesDialog,
  PrivacyChoicesLink,
  useConsentStore,
  type ConsentStore,
} from '../../src';
import { decodeRecord } from '../../src/core';
import { axeViolations } from '../components/harness';
import { healthPolicy } from '../fixtures/policies';

type Id = 'essential' | 'performance' | 'functional' | 'targeting';
type Script = 'analytics' | 'chat' | 'ads';
type Regime = 'opt-in' | 'opt-out' | 'health-data';

// The health site's policy (Performance and Targeting may collect health data, Targeting sells or
// shares), with a first-party advertising cookie for the cleaner to find.
const policy = definePolicy({
  revision: healthPolicy.revision,
  categories: healthPolicy.categories.map((c) =>
    c.id === 'targeting' ? { ...c, cookies: [{ name: '_fbp', purpose: 'Attributes ad clicks', duration: '90 days' }] } : c,
  ),
});

interface Case {
  jurisdiction?: string;
  gpc?: boolean;
  regime: Regime;
  /** The jurisdiction the record names (none when the code names no place). */
  recorded?: string;
  banner: 'Cookie consent' | 'Privacy notice';
  /** What runs while nobody has decided. */
  before: Script[];
  /** Each first-layer button: what it records, and what runs on the next page load. */
  buttons: Record<string, { method: string; runs: Script[] }>;
}

const everything: Script[] = ['analytics', 'chat', 'ads'];
const optIn: Case['buttons'] = { 'Accept all': { method: 'accept-all', runs: everything }, 'Reject all': { method: 'reject-all', runs: [] } };
const optOut: Case['buttons'] = { 'Opt out of sale or sharing': { method: 'opt-out', runs: ['analytics', 'chat'] }, 'Accept all': { method: 'accept-all', runs: everything } };

const cases: [string, Case][] = [
  ['no jurisdiction at all', { regime: 'opt-in', banner: 'Cookie consent', before: [], buttons: optIn }],
  ["an unknown place (Cloudflare's XX)", { jurisdiction: 'XX', regime: 'opt-in', banner: 'Cookie consent', before: [], buttons: optIn }],
  ['a US state with no listed law (US-NY)', { jurisdiction: 'US-NY', recorded: 'US-NY', regime: 'opt-in', banner: 'Cookie consent', before: [], buttons: optIn }],
  ['DE', { jurisdiction: 'DE', recorded: 'DE', regime: 'opt-in', banner: 'Cookie consent', before: [], buttons: optIn }],
  ['US-CA', { jurisdiction: 'US-CA', recorded: 'US-CA', regime: 'opt-out', banner: 'Privacy notice', before: everything, buttons: optOut }],
  ['US-TX', { jurisdiction: 'US-TX', recorded: 'US-TX', regime: 'opt-out', banner: 'Privacy notice', before: everything, buttons: optOut }],
  [
    'US-CA with Global Privacy Control',
    {
      jurisdiction: 'US-CA',
      recorded: 'US-CA',
      gpc: true,
      regime: 'opt-out',
      banner: 'Privacy notice',
      before: ['analytics', 'chat'],
      // Nothing is left to opt out of; Accept all still keeps sale or sharing off.
      buttons: { 'Accept all': { method: 'accept-all', runs: ['analytics', 'chat'] } },
    },
  ],
  [
    'US-WA',
    {
      jurisdiction: 'US-WA',
      recorded: 'US-WA',
      regime: 'health-data',
      banner: 'Cookie consent',
      // Only what collects no health data runs before consent; sharing it needs its own switch.
      before: ['chat'],
      buttons: { 'Accept all': { method: 'accept-all', runs: ['analytics', 'chat'] }, 'Reject all': { method: 'reject-all', runs: [] } },
    },
  ],
];

// A script loads at most once per page (module state): each test has its own addresses.
let run = 0;
const src = (script: Script) => `/${script}-${run}.js`;
const running = () => everything.filter((script) => document.querySelector(`script[src="${src(script)}"]`));
const hasCookie = (name: string) => document.cookie.split('; ').some((pair) => pair.startsWith(`${name}=`));
const cookiesKept = () => ['_ga', '_fbp'].filter(hasCookie);
/** The declared cookies the tags set: Google Analytics' for analytics, the ad pixel's for ads. */
const cookiesOf = (scripts: Script[]) => ['_ga', '_fbp'].filter((name) => scripts.includes(name === '_ga' ? 'analytics' : 'ads'));
/** What Consent Mode was last told for a key; the head's defaults deny everything. */
const told = (key: string) =>
  ((window as { dataLayer?: IArguments[] }).dataLayer ?? [])
    .map((entry) => (Array.from(entry)[2] as Record<string, string>)[key])
    .filter(Boolean)
    .at(-1) ?? 'denied';
const consentMode = () => ({ analytics_storage: told('analytics_storage'), ad_storage: told('ad_storage') });
const modeFor = (scripts: Script[]) => ({
  analytics_storage: scripts.includes('analytics') ? 'granted' : 'denied',
  ad_storage: scripts.includes('ads') ? 'granted' : 'denied',
});
const stored = () => decodeRecord(document.cookie.split('; ').find((c) => c.startsWith('cookie_consent='))?.slice(15), policy);

let store: ConsentStore<Id>;
function GrabStore() {
  store = useConsentStore<Id>();
  return null;
}

/** A page as a site has it: the banner, the status, the footer link, the dialog and three gated tags. */
const page = ({ jurisdiction, gpc }: Case) => (
  <ConsentProvider<Id> policy={policy} jurisdiction={jurisdiction} signals={gpc ? { gpc } : undefined}>
    <GrabStore />
    <CookieBanner />
    <main>
      <h1>Example Health</h1>
      <ConsentStatus />
      <script type="text/plain" data-category="functional" data-src={src('chat')} />
    </main>
    <footer>
      <PrivacyChoicesLink />
    </footer>
    <PreferencesDialog />
    <GoogleConsentMode />
    <ActivateScripts />
    <ConsentScript<Id> category="performance" src={src('analytics')} />
    <ConsentScript<Id> category="targeting" src={src('ads')} />
  </ConsentProvider>
);

/** A fresh page load: the tags and Consent Mode of the last one are gone, the cookies stay. */
const newPageLoad = () => {
  run++;
  document.head.querySelectorAll('script').forEach((s) => s.remove());
  document.body.innerHTML = '';
  delete (window as { dataLayer?: unknown }).dataLayer;
};

beforeEach(() => {
  // Left by an earlier visit, before any decision: the cleaner removes what may not be set.
  document.cookie = '_ga=GA1.1.1; Path=/';
  document.cookie = '_fbp=fb.1.1; Path=/';
});
afterEach(() => {
  newPageLoad();
  for (const name of ['_ga', '_fbp', 'cookie_consent']) document.cookie = `${name}=; Path=/; Max-Age=0`;
  vi.restoreAllMocks();
});

describe.each(cases)('a visitor from %s', (_, spec) => {
  const { regime, banner, before, buttons } = spec;
  const inForce = (scripts: Script[]) => ({
    essential: true,
    performance: scripts.includes('analytics'),
    functional: scripts.includes('chat'),
    targeting: scripts.includes('ads'),
  });

  it(`is under ${regime}: the first HTML has the ${banner} and no tag, hydrates silently, and runs ${before.join(', ') || 'nothing'} before deciding`, async () => {
    const html = renderToString(page(spec));
    expect(html).toContain(`aria-label="${banner}"`);
    expect(html).not.toMatch(/<script(?![^>]*type="text\/plain")/);
    expect(html.includes('Opt-Out Request Honored')).toBe(!!spec.gpc);
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html;
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    const root = await act(async () => hydrateRoot(container, page(spec), { onRecoverableError: recoverable }));
    expect(errors).not.toHaveBeenCalled();
    expect(recoverable).not.toHaveBeenCalled();
    expect(store.getState()).toMatchObject({ regime, jurisdiction: spec.recorded, status: 'pending', record: null, choices: inForce(before) });
    expect(running()).toEqual(before);
    expect(consentMode()).toEqual(modeFor(before));
    expect(cookiesKept()).toEqual(cookiesOf(before));
    expect(stored()).toBeNull();
    expect(screen.getByRole('region', { name: banner })).not.toHaveAttribute('aria-modal');
    expect(await axeViolations()).toEqual([]);
    act(() => root.unmount());
  });

  it.each(Object.entries(buttons))(`records "%s" under ${regime}, and the next page load runs what it grants`, async (button, { method, runs }) => {
    const user = userEvent.setup();
    render(page(spec));
    const region = screen.getByRole('region', { name: banner });
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toContain(button);
    await user.click(within(region).getByRole('button', { name: button }));
    expect(store.getState().choices).toEqual(inForce(runs));
    expect(stored()).toMatchObject({
      method,
      regime,
      choices: inForce(runs),
      signals: { gpc: !!spec.gpc },
      ...(spec.recorded ? { jurisdiction: spec.recorded } : {}),
    });
    if (!spec.recorded) expect(stored()).not.toHaveProperty('jurisdiction');
    // A tag that ran stays in this page; Consent Mode and the cleaner follow the decision at once.
    expect(running()).toEqual(everything.filter((s) => before.includes(s) || runs.includes(s)));
    expect(consentMode()).toEqual(modeFor(runs));
    expect(cookiesKept()).toEqual(cookiesOf(before.filter((s) => runs.includes(s))));

    newPageLoad();
    render(page(spec));
    expect(screen.queryByRole('region', { name: banner })).toBeNull();
    expect(running()).toEqual(runs);
    expect(consentMode()).toEqual(modeFor(runs));
  });
});
