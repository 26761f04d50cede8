import { act, render, screen, within } from '@testing-library/react';
import { StrictMode, useEffect, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConsentProvider, CookieBanner, CookieSettingsButton, createConsentStore, PreferencesDialog } from '../../src';
import { policy } from '../fixtures/policies';
import { axeViolations, renderWithConsent, storedDecision, type Id } from './harness';

const dialog = () => screen.getByRole('dialog', { name: 'Cookie preferences' });
const toggle = (name: string) => within(dialog()).getByRole('switch', { name });

async function openFromFooter(options = {}) {
  const view = renderWithConsent(
    <>
      <PreferencesDialog />
      <footer>
        <CookieSettingsButton />
      </footer>
    </>,
    options,
  );
  await view.user.click(screen.getByRole('button', { name: 'Cookie Settings' }));
  return view;
}

describe('PreferencesDialog, opened from the footer on a first visit', () => {
  it('is a modal dialog labelled by its visible title, with focus inside', async () => {
    await openFromFooter();
    expect(dialog()).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog()).getByRole('heading', { level: 2, name: 'Cookie preferences' })).toBeInTheDocument();
    expect(dialog()).toContainElement(document.activeElement as HTMLElement);
  });

  it('has a switch per category named by its title and described by its description', async () => {
    await openFromFooter();
    const switches = within(dialog()).getAllByRole('switch');
    expect(switches.map((s) => s.getAttribute('aria-checked'))).toEqual(['true', 'false', 'false', 'false']);
    expect(toggle('Performance Cookies')).toHaveAccessibleDescription('Count visits and traffic sources.');
    expect(toggle('Targeting/Advertising Cookies')).toHaveAttribute('aria-checked', 'false');
  });

  it('shows the required category on, not operable, and marked "Always active"', async () => {
    const { user } = await openFromFooter();
    const essential = toggle('Essential Cookies');
    expect(essential).toBeChecked();
    expect(essential).toBeDisabled();
    expect(essential).toHaveAccessibleDescription(expect.stringContaining('Always active'));
    await user.click(essential);
    expect(essential).toBeChecked();
  });

  it('toggles a switch with Space without changing its name, and saves nothing until "Save choices"', async () => {
    const { user, store } = await openFromFooter();
    toggle('Functional Cookies').focus();
    await user.keyboard(' ');
    expect(toggle('Functional Cookies')).toHaveAttribute('aria-checked', 'true');
    expect(store.getState().choices.functional).toBe(false);
    expect(storedDecision()).toBeNull();
    await user.click(within(dialog()).getByRole('button', { name: 'Save choices' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(storedDecision()).toMatchObject({ method: 'custom', choices: { functional: true, performance: false } });
  });

  it('keeps Tab and Shift+Tab inside the dialog', async () => {
    const { user } = await openFromFooter();
    for (let i = 0; i < 12; i++) {
      await user.tab();
      expect(dialog()).toContainElement(document.activeElement as HTMLElement);
    }
    for (let i = 0; i < 12; i++) {
      await user.tab({ shift: true });
      expect(dialog()).toContainElement(document.activeElement as HTMLElement);
    }
  });

  it.each([
    ['Escape', async (user: ReturnType<typeof renderWithConsent>['user']) => user.keyboard('{Escape}')],
    ['the close button', async (user: ReturnType<typeof renderWithConsent>['user']) => user.click(screen.getByRole('button', { name: 'Close' }))],
  ])('closes on %s without saving the draft, and returns focus to the opener', async (_, close) => {
    const { user, store } = await openFromFooter();
    await user.click(toggle('Performance Cookies'));
    await close(user);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().status).toBe('pending');
    expect(storedDecision()).toBeNull();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Cookie Settings' })).toHaveFocus(), { timeout: 5000 });
  });

  it('starts again from what is in force when reopened after a discarded draft', async () => {
    const { user } = await openFromFooter();
    await user.click(toggle('Performance Cookies'));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Cookie Settings' }));
    expect(toggle('Performance Cookies')).toHaveAttribute('aria-checked', 'false');
  });

  it.each([
    ['Accept all', { performance: true, functional: true, targeting: true }, 'accept-all'],
    ['Reject all', { performance: false, functional: false, targeting: false }, 'reject-all'],
  ])('decides at once with %s, whatever the draft', async (name, choices, method) => {
    const { user } = await openFromFooter();
    await user.click(toggle('Functional Cookies'));
    await user.click(within(dialog()).getByRole('button', { name }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(storedDecision()).toMatchObject({ method, choices: { essential: true, ...choices } });
  });

  it('reopens with the current state after a decision', async () => {
    const { user, store } = await openFromFooter();
    act(() => store.save({ performance: true }));
    await user.click(screen.getByRole('button', { name: 'Cookie Settings' }));
    expect(toggle('Performance Cookies')).toHaveAttribute('aria-checked', 'true');
    expect(toggle('Functional Cookies')).toHaveAttribute('aria-checked', 'false');
  });

  it('lists each category’s cookies and services in a collapsed section', async () => {
    const { user } = await openFromFooter();
    const performance = toggle('Performance Cookies').closest('li')!;
    const summary = within(performance as HTMLElement).getByText('Show 3 cookies and services');
    expect(summary.closest('details')).not.toHaveAttribute('open');
    await user.click(summary);
    expect(summary.closest('details')).toHaveAttribute('open');
    expect(within(performance as HTMLElement).getByRole('link', { name: /View Policy/ })).toHaveAttribute('href', 'https://policies.google.com/privacy');
  });

  it('has no axe violations while open', async () => {
    await openFromFooter();
    expect(await axeViolations()).toEqual([]);
  });
});

describe('PreferencesDialog with Global Privacy Control', () => {
  it('says the signal is honored on the sale-or-share row and Accept all leaves it off', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const { user } = await openFromFooter();
      const targeting = toggle('Targeting/Advertising Cookies');
      expect(targeting).toHaveAccessibleDescription(expect.stringContaining('Opt-Out Request Honored'));
      expect(within(dialog()).getAllByText('Opt-Out Request Honored')).toHaveLength(1);
      await user.click(within(dialog()).getByRole('button', { name: 'Accept all' }));
      expect(storedDecision()?.choices).toMatchObject({ performance: true, targeting: false });
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });
});

describe('PreferencesDialog, opened and closed through open / defaultOpen / onOpenChange', () => {
  describe('controlled by the host', () => {
    it('follows open/onOpenChange instead of the store', async () => {
      const onOpenChange = vi.fn();
      function Host() {
        const [open, setOpen] = useState(false);
        return (
          <>
            <button onClick={() => setOpen(true)}>Privacy choices</button>
            <PreferencesDialog
              open={open}
              onOpenChange={(next) => {
                onOpenChange(next);
                setOpen(next);
              }}
            />
          </>
        );
      }
      const { user, store } = renderWithConsent(<Host />);
      await user.click(screen.getByRole('button', { name: 'Privacy choices' }));
      expect(dialog()).toBeInTheDocument();
      await user.click(within(dialog()).getByRole('button', { name: 'Reject all' }));
      expect(onOpenChange).toHaveBeenLastCalledWith(false);
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(storedDecision()?.method).toBe('reject-all');
    });

    it('opens on mount with defaultOpen, reporting nothing, as nobody asked', () => {
      const onOpenChange = vi.fn();
      renderWithConsent(<PreferencesDialog defaultOpen onOpenChange={onOpenChange} />);
      expect(dialog()).toBeInTheDocument();
      expect(onOpenChange).not.toHaveBeenCalled();
    });

    it('stays open when the host declines Escape, asking again on the next Escape', async () => {
      const onOpenChange = vi.fn();
      const { user, store } = renderWithConsent(
        <>
          <CookieBanner />
          <PreferencesDialog open onOpenChange={onOpenChange} />
        </>,
      );
      await user.keyboard('{Escape}');
      expect(onOpenChange.mock.calls).toEqual([[false]]);
      expect(dialog()).toBeInTheDocument();
      // Still open, so the banner stays out of the way of the modal.
      expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
      await user.keyboard('{Escape}');
      expect(onOpenChange.mock.calls).toEqual([[false], [false]]);
    });

    it('stays closed when the host declines a request from the settings button, asking again next time', async () => {
      const onOpenChange = vi.fn();
      const { user, store } = renderWithConsent(
        <>
          <CookieBanner />
          <PreferencesDialog open={false} onOpenChange={onOpenChange} />
          <CookieSettingsButton />
        </>,
      );
      await user.click(screen.getByRole('button', { name: 'Cookie Settings' }));
      expect(onOpenChange.mock.calls).toEqual([[true]]);
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeVisible();
      await user.click(screen.getByRole('button', { name: 'Cookie Settings' }));
      expect(onOpenChange.mock.calls).toEqual([[true], [true]]);
    });
  });

  describe('controlled by the host, opened from the banner', () => {
    function Host({ later = false }: { later?: boolean }) {
      const [open, setOpen] = useState(false);
      const [asked, setAsked] = useState<boolean | null>(null);
      // A host that answers at once, or one that answers in an effect after its next render.
      useEffect(() => {
        if (asked !== null) setOpen(asked);
      }, [asked]);
      return (
        <>
          <CookieBanner />
          <PreferencesDialog open={open} onOpenChange={later ? setAsked : setOpen} />
        </>
      );
    }

    it.each([false, true])('confirms in the banner a choice saved after Customize (host answers later: %s)', async (later) => {
      const { user } = renderWithConsent(<Host later={later} />);
      await user.click(screen.getByRole('button', { name: 'Customize' }));
      await user.click(within(dialog()).getByRole('button', { name: 'Save choices' }));
      expect(screen.queryByRole('dialog')).toBeNull();
      const banner = screen.getByRole('region', { name: 'Cookie consent' });
      await vi.waitFor(() => expect(within(banner).getByRole('status')).toHaveTextContent("You've saved your cookie settings."));
    });

    it('is opened by the banner through onOpenChange, and closing it brings the banner back', async () => {
      function Host() {
        const [open, setOpen] = useState(false);
        return (
          <>
            <CookieBanner />
            <PreferencesDialog open={open} onOpenChange={setOpen} />
          </>
        );
      }
      const { user, store } = renderWithConsent(<Host />);
      await user.click(screen.getByRole('button', { name: 'Customize' }));
      expect(dialog()).toBeInTheDocument();
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(store.getState().status).toBe('pending');
      expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeVisible();
    });
  });

  describe('uncontrolled', () => {
    it('tells onOpenChange about every change, whoever opened or closed it', async () => {
      const onOpenChange = vi.fn();
      const { user, store } = renderWithConsent(
        <>
          <PreferencesDialog onOpenChange={onOpenChange} />
          <CookieSettingsButton />
        </>,
      );
      await user.click(screen.getByRole('button', { name: 'Cookie Settings' }));
      await user.click(within(dialog()).getByRole('button', { name: 'Save choices' }));
      act(() => store.openPreferences());
      await user.keyboard('{Escape}');
      expect(onOpenChange.mock.calls).toEqual([[true], [false], [true], [false]]);
    });
  });
});

describe('PreferencesDialog, under StrictMode', () => {
  it('opens with defaultOpen and reports nothing', () => {
    const onOpenChange = vi.fn();
    const store = createConsentStore<Id>({ policy });
    render(
      <StrictMode>
        <ConsentProvider store={store}>
          <PreferencesDialog defaultOpen onOpenChange={onOpenChange} />
        </ConsentProvider>
      </StrictMode>,
    );
    expect(dialog()).toBeInTheDocument();
    expect(onOpenChange).not.toHaveBeenCalled();
  });
});

describe('more than one PreferencesDialog on a page', () => {
  it('give the page its scrolling back when they close', () => {
    document.documentElement.style.overflow = 'clip';
    const { store } = renderWithConsent(
      <>
        <PreferencesDialog />
        <PreferencesDialog />
      </>,
    );
    act(() => store.openPreferences());
    expect(document.documentElement.style.overflow).toBe('hidden');
    act(() => store.closePreferences());
    expect(document.documentElement.style.overflow).toBe('clip');
    document.documentElement.style.overflow = '';
  });
});
