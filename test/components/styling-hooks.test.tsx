import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  ConsentGate,
  ConsentStatus,
  CookieBanner,
  CookieSettingsButton,
  CookieTable,
  PolicySections,
  PreferencesDialog,
  PrivacyChoicesLink,
} from '../../src';
import { renderWithConsent } from './harness';

// The styling hooks hosts write CSS against (Guides / Theming) follow Radix's fixed vocabulary:
// `data-state` is open|closed or checked|unchecked, and a yes/no fact is a flag, present or absent.
const STATES = ['open', 'closed', 'checked', 'unchecked'];

const everyPart = (
  <>
    <CookieBanner />
    <PreferencesDialog />
    <CookieSettingsButton />
    <PrivacyChoicesLink />
    <ConsentStatus />
    <ConsentGate category="functional">
      <p>Video</p>
    </ConsentGate>
    <CookieTable kind="first-party" />
    <PolicySections content={{ organization: 'Patient portal' }} />
  </>
);

/**
 * Every data-* attribute under body, as `name=value`, apart from the ones that name a thing, and
 * the mark Radix's modal puts on the page behind the dialog (`data-aria-hidden`, not a hook).
 */
function dataAttributes() {
  const naming = new Set(['data-part', 'data-category', 'data-section', 'data-kind', 'data-layout', 'data-position', 'data-variant', 'data-aria-hidden']);
  return [...document.body.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].filter((a) => a.name.startsWith('data-') && !naming.has(a.name)).map((a) => `${a.name}=${a.value}`),
  );
}

const part = (name: string) => document.querySelector(`[data-part="${name}"]`);

describe('the styling hooks, across every part', () => {
  it('use data-state only for open, closed, checked and unchecked, and flags for the rest, before and after a decision', async () => {
    const { user } = renderWithConsent(everyPart);
    const seen = dataAttributes();
    await user.click(screen.getByRole('button', { name: 'Customize' }));
    seen.push(...dataAttributes());
    await user.click(screen.getByRole('switch', { name: 'Performance Cookies' }));
    seen.push(...dataAttributes());
    await user.click(screen.getByRole('button', { name: 'Save choices' }));
    seen.push(...dataAttributes());

    const states = seen.filter((a) => a.startsWith('data-state=')).map((a) => a.slice('data-state='.length));
    const outOfVocabulary = seen.filter((a) => (a.startsWith('data-state=') ? !STATES.includes(a.slice('data-state='.length)) : !a.endsWith('=')));
    expect([...new Set(outOfVocabulary)]).toEqual([]);
    expect(new Set(states)).toEqual(new Set(['open', 'checked', 'unchecked']));
  });

  it('mark the banner open, and confirmed with a flag once a choice made there is confirmed', async () => {
    const { user } = renderWithConsent(<CookieBanner />);
    expect(part('banner')).toHaveAttribute('data-state', 'open');
    expect(part('banner')).not.toHaveAttribute('data-confirmed');
    await user.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(part('banner')).toHaveAttribute('data-state', 'open');
    expect(part('banner')).toHaveAttribute('data-confirmed', '');
  });

  it('mark the dialog and its backdrop open, and each switch checked or unchecked', () => {
    const { store } = renderWithConsent(<PreferencesDialog />);
    act(() => store.openPreferences());
    expect(screen.getByRole('dialog')).toHaveAttribute('data-state', 'open');
    expect(part('dialog-overlay')).toHaveAttribute('data-state', 'open');
    expect(screen.getByRole('switch', { name: 'Essential Cookies' })).toHaveAttribute('data-state', 'checked');
    expect(screen.getByRole('switch', { name: 'Performance Cookies' })).toHaveAttribute('data-state', 'unchecked');
  });

  it('mark the status pending with a flag until a decision, and each category checked or unchecked after it', async () => {
    const { user } = renderWithConsent(
      <>
        <CookieBanner />
        <ConsentStatus />
      </>,
    );
    expect(part('status')).toHaveAttribute('data-pending', '');
    await user.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(part('status')).not.toHaveAttribute('data-pending');
    expect([...document.querySelectorAll('[data-part="status-item"]')].map((li) => li.getAttribute('data-state'))).toEqual(['checked', 'checked', 'checked']);
  });
});
