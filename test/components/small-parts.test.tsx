import { act, screen, within } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { ConsentGate, ConsentProvider, ConsentStatus, CookieBanner, CookieSettingsButton, PreferencesDialog } from '../../src';
import { encodeRecord } from '../../src/core';
import { policy } from '../fixtures/policies';
import { axeViolations, renderWithConsent, storedDecision, type Id } from './harness';

describe('ConsentStatus, for a returning visitor whose browser now sends GPC over an older Accept all', () => {
  const olderAcceptAll = `cookie_consent=${encodeRecord({
    id: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
    revision: policy.revision,
    decidedAt: new Date().toISOString(),
    method: 'accept-all',
    choices: { essential: true, performance: true, functional: true, targeting: true },
    signals: { gpc: false, dnt: false },
  })}`;
  const targeting = (root: ParentNode) => within(root as HTMLElement).getByText(/^Targeting/).textContent;

  it('reads "Off" for Targeting in the server’s first HTML and after hydration, never "Off on this page"', async () => {
    const app = () => (
      <ConsentProvider<Id> policy={policy} initialCookieHeader={olderAcceptAll} signals={{ gpc: true }}>
        <ConsentStatus />
      </ConsentProvider>
    );
    const html = renderToString(app());
    document.cookie = `${olderAcceptAll}; Path=/`;
    const container = document.body.appendChild(document.createElement('div'));
    onTestFinished(() => container.remove());
    container.innerHTML = html;
    expect(targeting(container)).toBe('Targeting/Advertising Cookies: Off');
    const errors = vi.spyOn(console, 'error');
    const root = await act(async () => hydrateRoot(container, app()));
    expect(errors).not.toHaveBeenCalled();
    expect(targeting(container)).toBe('Targeting/Advertising Cookies: Off');
    expect(within(container).getByText(/^Performance/).textContent).toBe('Performance Cookies: On');
    act(() => root.unmount());
  });
});

describe('ConsentStatus', () => {
  it('says no choice is made yet on a first visit', () => {
    renderWithConsent(<ConsentStatus />);
    expect(screen.getByText('Current preferences:')).toBeInTheDocument();
    expect(screen.getByText(/optional cookies are off until you choose/)).toBeInTheDocument();
  });

  it('lists each optional category and its state, live', () => {
    const { store } = renderWithConsent(<ConsentStatus />);
    act(() => store.save({ performance: true }));
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Performance Cookies: On', 'Functional Cookies: Off', 'Targeting/Advertising Cookies: Off']);
    act(() => store.setCategory('performance', false));
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('Performance Cookies: Off');
  });

  it('on a sensitive page, tells a category kept off here from one the visitor turned off', () => {
    const { store } = renderWithConsent(<ConsentStatus />, { sensitive: ['performance', 'targeting'] });
    act(() => store.save({ performance: true, functional: true }));
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Performance Cookies: Off on this page', 'Functional Cookies: On', 'Targeting/Advertising Cookies: Off']);
    act(() => store.setSensitive(undefined));
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('Performance Cookies: On');
  });
});

describe('ConsentStatus, for a screen reader', () => {
  it('stays quiet on a change by default: the banner confirms a decision, and one voice is enough', () => {
    const { store } = renderWithConsent(<ConsentStatus data-testid="status" />);
    act(() => store.acceptAll());
    const status = screen.getByTestId('status');
    expect(status).not.toHaveAttribute('aria-live');
    expect(status).not.toHaveAttribute('role');
  });

  it('reads each change out, politely, when the host asks', () => {
    renderWithConsent(<ConsentStatus announce data-testid="status" />);
    expect(screen.getByTestId('status')).toHaveAttribute('aria-live', 'polite');
  });
});

describe('CookieSettingsButton', () => {
  it('opens the preferences from anywhere', async () => {
    const { user } = renderWithConsent(
      <>
        <CookieSettingsButton />
        <PreferencesDialog />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Cookie Settings' }));
    expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeInTheDocument();
  });

  it('renders the host element with asChild, keeping the behaviour', async () => {
    const { user } = renderWithConsent(
      <>
        <CookieSettingsButton asChild>
          <a href="#cookie-settings">Manage cookies</a>
        </CookieSettingsButton>
        <PreferencesDialog />
      </>,
    );
    const link = screen.getByRole('link', { name: 'Manage cookies' });
    expect(link).toHaveAttribute('data-part', 'settings-button');
    await user.click(link);
    expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeInTheDocument();
  });

  it('lets the host cancel the opening', async () => {
    const { user } = renderWithConsent(
      <>
        <CookieSettingsButton onClick={(e) => e.preventDefault()} />
        <PreferencesDialog />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Cookie Settings' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('ConsentGate', () => {
  const Video = () => <iframe title="Onboarding video" />;

  it('renders nothing of its children before consent, and explains what is blocked', async () => {
    renderWithConsent(
      <ConsentGate category="functional">
        <Video />
      </ConsentGate>,
    );
    expect(screen.queryByTitle('Onboarding video')).toBeNull();
    expect(screen.getByText(/uses Functional Cookies, which you have not allowed/)).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('grants just that category from its button, then shows the children', async () => {
    const { user } = renderWithConsent(
      <ConsentGate category="functional">
        <Video />
      </ConsentGate>,
    );
    await user.click(screen.getByRole('button', { name: 'Allow Functional Cookies' }));
    expect(screen.getByTitle('Onboarding video')).toBeInTheDocument();
    expect(storedDecision()).toMatchObject({ method: 'custom', choices: { functional: true, performance: false, targeting: false } });
  });

  it('keeps its structure but ships no library classes when unstyled', () => {
    const { container } = renderWithConsent(
      <ConsentGate category="functional" unstyled>
        <Video />
      </ConsentGate>,
    );
    expect(screen.getByRole('button', { name: 'Allow Functional Cookies' })).not.toHaveAttribute('class');
    expect(container.querySelector('[data-part="gate"]')).not.toHaveAttribute('class');
  });

  it('shows a host fallback instead, and hides the children again on withdrawal', () => {
    const { store } = renderWithConsent(
      <ConsentGate category="performance" fallback={<p>Analytics are off.</p>}>
        <p>Analytics dashboard</p>
      </ConsentGate>,
    );
    expect(screen.getByText('Analytics are off.')).toBeInTheDocument();
    act(() => store.setCategory('performance', true));
    expect(screen.getByText('Analytics dashboard')).toBeInTheDocument();
    act(() => store.setCategory('performance', false));
    expect(screen.queryByText('Analytics dashboard')).toBeNull();
    expect(within(document.body).getByText('Analytics are off.')).toBeInTheDocument();
  });
});

describe('CookieSettingsButton around a host link', () => {
  it('opens the dialog instead of following the link', async () => {
    const { user } = renderWithConsent(
      <>
        <CookieSettingsButton asChild>
          <a href="/cookie-settings">Cookie settings</a>
        </CookieSettingsButton>
        <PreferencesDialog />
      </>,
    );
    const link = screen.getByRole('link', { name: 'Cookie settings' });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    act(() => {
      link.dispatchEvent(click);
    });
    expect(click.defaultPrevented).toBe(true);
    expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
  });
});

describe('CookieBanner, given a policy link written by the host', () => {
  it.each([
    ['/cookie-policy', '/cookie-policy'],
    ['#cc-policy-overview', '#cc-policy-overview'],
    ['https://connexx.example/privacy', 'https://connexx.example/privacy'],
    ['mailto:dpo@connexx.example', 'mailto:dpo@connexx.example'],
    ['//evil.example', undefined],
    ['/\\evil.example', undefined],
    ['javascript:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['data:text/html,hi', undefined],
  ])('links %s as %s', (url, expected) => {
    renderWithConsent(<CookieBanner policyHref={url} />);
    const link = screen.queryByRole('link', { name: 'Read our cookie policy' });
    if (expected === undefined) expect(link).toBeNull();
    else expect(link).toHaveAttribute('href', expected);
  });
});
