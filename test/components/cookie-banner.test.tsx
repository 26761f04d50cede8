import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createConsentStore, encodeRecord } from '../../src/core';
import { policy } from '../fixtures/policies';
import { CookieBanner, PreferencesDialog } from '../../src';
import { axeViolations, renderWithConsent, storedDecision, type Id } from './harness';

const banner = () => screen.getByRole('region', { name: 'Cookie consent' });

describe('CookieBanner, given no stored decision', () => {
  it('is a landmark named "Cookie consent" with a heading and the three choices', () => {
    renderWithConsent(<CookieBanner policyHref="/cookie-policy" />);
    const region = banner();
    expect(within(region).getByRole('heading', { level: 2, name: 'We use cookies' })).toBeInTheDocument();
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Customize']);
    expect(within(region).getByRole('link', { name: 'Read our cookie policy' })).toHaveAttribute('href', '/cookie-policy');
  });

  it('offers Accept all and Reject all side by side, styled identically', () => {
    renderWithConsent(<CookieBanner />);
    const accept = screen.getByRole('button', { name: 'Accept all' });
    const reject = screen.getByRole('button', { name: 'Reject all' });
    expect(accept.parentElement).toBe(reject.parentElement);
    expect(accept.className).toBe(reject.className);
    expect(accept.dataset.variant).toBe(reject.dataset.variant);
  });

  it('does not trap focus or cover the page: the rest of the page stays reachable by Tab', async () => {
    const { user } = renderWithConsent(<CookieBanner />);
    await user.tab();
    expect(screen.getByRole('link', { name: 'Medical records' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Accept all' })).toHaveFocus();
    expect(banner()).not.toHaveAttribute('aria-modal');
  });

  it('records nothing when Escape is pressed or the page is clicked', async () => {
    const { user, store } = renderWithConsent(<CookieBanner />);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('heading', { name: 'Patient portal' }));
    expect(store.getState().status).toBe('pending');
    expect(storedDecision()).toBeNull();
    expect(banner()).toBeVisible();
  });

  it('has no axe violations', async () => {
    renderWithConsent(<CookieBanner policyHref="/cookie-policy" />);
    expect(await axeViolations()).toEqual([]);
  });

  it('drops a javascript: policy link rather than rendering it', () => {
    renderWithConsent(<CookieBanner policyHref="javascript:alert(1)" />);
    expect(within(banner()).queryByRole('link')).toBeNull();
  });

  it('says the opt-out preference signal is honored when the browser sends GPC', () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      renderWithConsent(<CookieBanner />);
      expect(within(banner()).getByText('Opt-Out Request Honored')).toBeInTheDocument();
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('confirms an Accept all under GPC with what happened: sale-or-share cookies stayed off, as the browser asks', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const { user } = renderWithConsent(<CookieBanner />);
      await user.click(screen.getByRole('button', { name: 'Accept all' }));
      expect(within(banner()).getByRole('status')).toHaveTextContent(
        "You've accepted additional cookies, except those that sell or share data, as your browser asks. You can change your cookie settings at any time.",
      );
      expect(storedDecision()?.choices.targeting).toBe(false);
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('marks its layout and position for styling', () => {
    renderWithConsent(<CookieBanner layout="box" position="top" className="host-banner" />);
    expect(banner()).toHaveAttribute('data-layout', 'box');
    expect(banner()).toHaveAttribute('data-position', 'top');
    expect(banner()).toHaveClass('cc-banner', 'host-banner');
  });

  it('keeps structure but ships no library classes when unstyled', () => {
    renderWithConsent(<CookieBanner unstyled />);
    expect(banner()).not.toHaveClass('cc-banner');
    expect(screen.getByRole('button', { name: 'Accept all' })).not.toHaveAttribute('class');
    expect(banner()).toHaveAttribute('data-part', 'banner');
  });
});

describe('CookieBanner, after a choice made there', () => {
  it.each([
    ['Reject all', "You've rejected additional cookies. You can change your cookie settings at any time.", false],
    ['Accept all', "You've accepted additional cookies. You can change your cookie settings at any time.", true],
  ])('after %s, replaces the choices with a confirmation, focus on "Hide cookie message", then hides', async (button, message, granted) => {
    const { user, store } = renderWithConsent(<CookieBanner />);
    await user.click(screen.getByRole('button', { name: button }));
    expect(store.getState().choices.performance).toBe(granted);
    expect(storedDecision()?.choices.performance).toBe(granted);
    const confirmation = within(banner()).getByRole('status');
    expect(confirmation).toHaveTextContent(message);
    expect(within(banner()).getByRole('button', { name: 'Hide cookie message' })).toHaveFocus();
    expect(within(banner()).queryByRole('button', { name: button })).toBeNull();
    expect(await axeViolations()).toEqual([]);
    await user.click(within(banner()).getByRole('button', { name: 'Hide cookie message' }));
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
  });
});

describe('CookieBanner, read by a screen reader', () => {
  it('has its live region before the decision, empty, and puts the confirmation in it: read out with its text, not as a bare "status"', async () => {
    const { user } = renderWithConsent(<CookieBanner />);
    const live = within(banner()).getByRole('status');
    expect(live).toBeEmptyDOMElement();
    await user.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(within(banner()).getByRole('status')).toBe(live);
    expect(live).toHaveTextContent("You've rejected additional cookies. You can change your cookie settings at any time.");
    // Focus stays off it: a focused live region is read twice, and a focused role="status" alone says "status".
    expect(live).not.toHaveFocus();
    expect(live).not.toHaveAttribute('tabindex');
  });

  it('names its Hide button after what it hides', async () => {
    const { user } = renderWithConsent(<CookieBanner />);
    await user.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(within(banner()).getByRole('button', { name: 'Hide cookie message' })).toBeVisible();
  });
});

describe('CookieBanner, hidden after a choice made by keyboard', () => {
  it('gives focus back to where it was before the visitor came into the banner', async () => {
    const { user } = renderWithConsent(<CookieBanner />);
    await user.tab();
    const link = screen.getByRole('link', { name: 'Medical records' });
    expect(link).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(within(banner()).getByRole('button', { name: 'Hide cookie message' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    expect(link).toHaveFocus();
  });

  it('with nowhere to go back to (the banner was the first stop), gives focus to what follows it', async () => {
    const { user } = renderWithConsent(
      <>
        <CookieBanner />
        <a href="#appointments">Book an appointment</a>
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Accept all' }));
    await user.click(within(banner()).getByRole('button', { name: 'Hide cookie message' }));
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Book an appointment' })).toHaveFocus();
  });

  it("still calls the host's own onFocus", async () => {
    const onFocus = vi.fn();
    const { user } = renderWithConsent(<CookieBanner onFocus={onFocus} />);
    await user.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(onFocus).toHaveBeenCalled();
  });
});

describe('CookieBanner, after Customize and then Escape', () => {
  it('shows no confirmation, and takes no focus, for a decision later made in another tab', async () => {
    const { user, store } = renderWithConsent(
      <>
        <CookieBanner />
        <PreferencesDialog />
        <input aria-label="Search" />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Customize' }));
    await user.keyboard('{Escape}');
    expect(banner()).toBeVisible();
    const search = screen.getByRole('textbox', { name: 'Search' });
    await user.click(search);
    // Another tab decides: its cookie arrives and sync reads it again.
    const other = createConsentStore<Id>({ policy });
    other.acceptAll();
    act(() => store.refresh());
    expect(store.getState().status).toBe('decided');
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    expect(search).toHaveFocus();
  });
});

describe('CookieBanner, given a stored decision', () => {
  it('shows nothing on the next page load', () => {
    document.cookie = `cookie_consent=${encodeRecord({
      id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      revision: '3',
      decidedAt: new Date().toISOString(),
      method: 'reject-all',
      choices: { essential: true, performance: false, functional: false, targeting: false },
      signals: { gpc: false, dnt: false },
    })}; Path=/`;
    renderWithConsent(<CookieBanner />);
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
  });

  it('comes back when the decision is reset', () => {
    const { store } = renderWithConsent(<CookieBanner />);
    act(() => store.acceptAll());
    act(() => store.reset());
    expect(banner()).toBeVisible();
    expect(screen.getByRole('button', { name: 'Accept all' })).toBeInTheDocument();
  });
});

describe('CookieBanner with the preferences dialog', () => {
  it('steps aside while the dialog is open and comes back, focus on Customize, when it closes unsaved', async () => {
    const { user, store } = renderWithConsent(
      <>
        <CookieBanner />
        <PreferencesDialog />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Customize' }));
    expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().status).toBe('pending');
    expect(banner()).toBeVisible();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Customize' })).toHaveFocus(), { timeout: 5000 });
  });

  it('confirms a choice saved in the dialog and keeps focus next to the confirmation, on Hide', async () => {
    const { user } = renderWithConsent(
      <>
        <CookieBanner />
        <PreferencesDialog />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Customize' }));
    await user.click(screen.getByRole('switch', { name: 'Performance Cookies' }));
    await user.click(screen.getByRole('button', { name: 'Save choices' }));
    // The banner comes back with its live region empty (one that appears filled is not read out),
    // and the words go in once it has been shown.
    const confirmation = within(banner()).getByRole('status');
    expect(confirmation).toBeEmptyDOMElement();
    await vi.waitFor(() => expect(confirmation).toHaveTextContent("You've saved your cookie settings."));
    expect(within(banner()).getByRole('button', { name: 'Hide cookie message' })).toHaveFocus();
    expect(storedDecision()?.choices).toMatchObject({ performance: true, functional: false });
  });
});

describe('CookieBanner with a host catalogue', () => {
  it('uses overridden strings and keeps the rest', () => {
    renderWithConsent(<CookieBanner />, { messages: { banner: { title: 'Your privacy at Connexx', acceptAll: 'Allow all' } } });
    expect(screen.getByRole('heading', { name: 'Your privacy at Connexx' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Allow all' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reject all' })).toBeInTheDocument();
  });
});

describe('CookieBanner, when the decision comes from elsewhere', () => {
  it('shows no confirmation for a decision it did not start (another tab, a hook, the footer)', () => {
    const { store } = renderWithConsent(<CookieBanner />);
    act(() => store.acceptAll());
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
  });

  it('keeps its confirmation in step with a later change of mind', async () => {
    const { user, store } = renderWithConsent(<CookieBanner />);
    await user.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(within(banner()).getByRole('status')).toHaveTextContent("You've accepted additional cookies.");
    act(() => store.rejectAll());
    await vi.waitFor(() => expect(within(banner()).getByRole('status')).toHaveTextContent("You've rejected additional cookies."));
  });
});
