import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeRecord, type ConsentStoreOptions } from '../../src/core';
import { ConsentProvider, ConsentStatus, CookieBanner, PreferencesDialog, PrivacyChoicesLink } from '../../src';
import { healthPolicy } from '../fixtures/policies';
import { axeViolations } from './harness';

type Id = 'essential' | 'performance' | 'functional' | 'targeting';
type Options = Partial<ConsentStoreOptions<Id>>;

const page = (options: Options) => (
  <ConsentProvider<Id> policy={healthPolicy} {...options}>
    <CookieBanner />
    <main>
      <h1>Connexx</h1>
      <ConsentStatus />
    </main>
    <footer>
      <PrivacyChoicesLink />
    </footer>
    <PreferencesDialog />
  </ConsentProvider>
);
const renderPage = (options: Options) => ({ user: userEvent.setup(), ...render(page(options)) });
const stored = () => decodeRecord(document.cookie.split('; ').find((c) => c.startsWith('cookie_consent='))?.slice(15), healthPolicy);
const statusItems = () => within(screen.getByText('Current preferences:').parentElement!).queryAllByRole('listitem').map((li) => li.textContent);

describe.each([
  ['DE', 'opt-in'],
  [undefined, 'opt-in'],
  ['US-WA', 'health-data'],
])('the page for %s (%s)', (jurisdiction, regime) => {
  it('asks before anything optional runs, with the opt-in banner', async () => {
    const { user } = renderPage({ jurisdiction });
    const banner = screen.getByRole('region', { name: 'Cookie consent' });
    expect(within(banner).getAllByRole('button').map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Customize']);
    expect(await axeViolations()).toEqual([]);
    await user.click(within(banner).getByRole('button', { name: 'Accept all' }));
    expect(stored()).toMatchObject({ method: 'accept-all', regime, ...(jurisdiction ? { jurisdiction } : {}) });
    // Health-data sharing is never granted by Accept all.
    expect(stored()?.choices).toEqual({ essential: true, performance: true, functional: true, targeting: regime !== 'health-data' });
  });
});

describe('the page for US-WA (health-data)', () => {
  it('keeps health-data categories off and the others on while nobody has decided', () => {
    renderPage({ jurisdiction: 'US-WA' });
    expect(statusItems()).toEqual(['Performance Cookies: Off', 'Functional Cookies: On', 'Targeting/Advertising Cookies: Off']);
  });

  it('shows the sharing consent apart in the dialog, with what, why, who and how to withdraw', async () => {
    const { user } = renderPage({ jurisdiction: 'US-WA' });
    await user.click(screen.getByRole('button', { name: 'Customize' }));
    const dialog = screen.getByRole('dialog');
    const targeting = within(dialog).getByRole('switch', { name: 'Targeting/Advertising Cookies' });
    expect(targeting).toHaveAccessibleDescription(expect.stringContaining('Not included in "Accept all": only this switch allows it.'));
    const terms = within(dialog).getAllByRole('term').map((t) => t.textContent);
    expect(terms).toEqual(['What is collected', 'Why', 'Who receives it', 'How to withdraw']);
    expect(within(dialog).getAllByRole('switch', { name: 'Performance Cookies' })[0]).not.toHaveAccessibleDescription(expect.stringContaining('Accept all'));
    await user.click(within(dialog).getByRole('button', { name: 'Accept all' }));
    expect(stored()?.choices.targeting).toBe(false);
    await user.click(within(screen.getByRole('contentinfo')).getByRole('button', { name: 'Your Privacy Choices' }));
    await user.click(screen.getByRole('switch', { name: 'Targeting/Advertising Cookies' }));
    await user.click(screen.getByRole('button', { name: 'Save choices' }));
    expect(stored()).toMatchObject({ method: 'custom', choices: { targeting: true } });
    expect(await axeViolations()).toEqual([]);
  });
});

describe.each(['US-CA', 'US-TX'])('the page for %s (opt-out)', (jurisdiction) => {
  it('is a notice of what is on, named, not modal, with the opt-out as prominent as the rest', async () => {
    renderPage({ jurisdiction });
    const notice = screen.getByRole('region', { name: 'Privacy notice' });
    expect(notice).not.toHaveAttribute('aria-modal');
    expect(notice).toHaveTextContent('On unless you opt out: Performance Cookies, Functional Cookies, Targeting/Advertising Cookies.');
    const buttons = within(notice).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Opt out of sale or sharing', 'Accept all', 'Your Privacy Choices']);
    expect(new Set(buttons.map((b) => `${b.className} ${b.dataset.variant}`)).size).toBe(1);
    expect(statusItems()).toEqual(['Performance Cookies: On', 'Functional Cookies: On', 'Targeting/Advertising Cookies: On']);
    expect(await axeViolations()).toEqual([]);
  });

  it('opts out of sale or sharing in one step and confirms it, leaving the rest on', async () => {
    const { user } = renderPage({ jurisdiction });
    await user.click(screen.getByRole('button', { name: 'Opt out of sale or sharing' }));
    expect(stored()).toMatchObject({ method: 'opt-out', regime: 'opt-out', jurisdiction, choices: { performance: true, functional: true, targeting: false } });
    expect(screen.getByRole('status')).toHaveTextContent("You've opted out of the sale or sharing of your personal information.");
    expect(statusItems()).toEqual(['Performance Cookies: On', 'Functional Cookies: On', 'Targeting/Advertising Cookies: Off']);
  });

  it('opens the dialog from "Your Privacy Choices", in the banner and in the footer', async () => {
    const { user } = renderPage({ jurisdiction });
    await user.click(within(screen.getByRole('region', { name: 'Privacy notice' })).getByRole('button', { name: 'Your Privacy Choices' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(stored()).toBeNull();
  });
});

describe('Global Privacy Control in California, shown truthfully', () => {
  const gpc = { jurisdiction: 'US-CA', signals: { gpc: true } };

  it('says "Opt-Out Request Honored" outside the dialog: in the notice, the status and beside the footer link', async () => {
    renderPage(gpc);
    expect(screen.getAllByText('Opt-Out Request Honored')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Opt out of sale or sharing' })).toBeNull();
    expect(statusItems()).toContain('Targeting/Advertising Cookies: Off');
    expect(await axeViolations()).toEqual([]);
  });

  it('stops saying it once the visitor switches sale or sharing back on themselves', async () => {
    const { user } = renderPage(gpc);
    await user.click(within(screen.getByRole('contentinfo')).getByRole('button', { name: 'Your Privacy Choices' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('Opt-Out Request Honored')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('switch', { name: 'Targeting/Advertising Cookies' }));
    expect(within(dialog).queryByText('Opt-Out Request Honored')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Save choices' }));
    expect(stored()?.choices.targeting).toBe(true);
    expect(screen.queryByText('Opt-Out Request Honored')).toBeNull();
  });

  it('names the footer control by its text only; the icon is decorative', () => {
    renderPage({ jurisdiction: 'US-CA' });
    const link = within(screen.getByRole('contentinfo')).getByRole('button', { name: 'Your Privacy Choices' });
    const icon = link.querySelector('svg')!;
    expect(icon).toHaveAttribute('aria-hidden', 'true');
    expect(icon).toHaveAttribute('focusable', 'false');
    expect(link).toHaveAttribute('aria-haspopup', 'dialog');
  });
});

describe.each([
  ['DE', {}, 'Cookie consent'],
  ['US-CA', {}, 'Privacy notice'],
  ['US-CA', { gpc: true }, 'Privacy notice'],
  ['US-TX', {}, 'Privacy notice'],
  ['US-WA', {}, 'Cookie consent'],
  [undefined, {}, 'Cookie consent'],
])('the server HTML for %s %j', (jurisdiction, signals, label) => {
  it('is right in the first HTML and hydrates without a warning', async () => {
    const options = { jurisdiction, signals } as Options;
    const html = renderToString(page(options));
    expect(html).toContain(`aria-label="${label}"`);
    expect(html.includes('Opt-Out Request Honored')).toBe(!!(signals as { gpc?: boolean }).gpc);
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const recoverable = vi.fn();
    const root = await act(async () => hydrateRoot(container, page(options), { onRecoverableError: recoverable }));
    expect(errors).not.toHaveBeenCalled();
    expect(recoverable).not.toHaveBeenCalled();
    expect(container.innerHTML).toContain(`aria-label="${label}"`);
    errors.mockRestore();
    // Unmounted, so no timer of the tree outlives the test's environment.
    act(() => root.unmount());
    container.remove();
  });
});
