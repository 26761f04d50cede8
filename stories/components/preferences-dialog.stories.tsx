import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConsentStatus, CookieSettingsButton, PreferencesDialog } from '../../src';
import { decided, firstVisit, globalPrivacyControl, storedDecision, withConsent } from '../support/consent';

const meta = {
  title: 'Components/PreferencesDialog',
  component: PreferencesDialog,
  tags: ['autodocs'],
  decorators: [withConsent],
  beforeEach: firstVisit,
  args: {
    unstyled: false,
    onOpenChange: fn(),
  },
  argTypes: {
    open: { control: 'boolean', description: 'Controlled open state. Leave it unset to let the store decide.' },
    defaultOpen: { control: 'boolean', description: 'Open on first mount (uncontrolled).' },
    unstyled: { control: 'boolean' },
    onOpenChange: { description: 'Called with the next open state, whoever drives it.' },
    trigger: { control: false },
    container: { control: false },
  },
  // A page footer with the control that opens the dialog and the live status it changes.
  render: (args) => (
    <div className="sb-surface">
      <PreferencesDialog {...args} />
      <footer>
        <CookieSettingsButton />
        <ConsentStatus />
      </footer>
    </div>
  ),
  parameters: {
    docs: {
      // Each preview in its own frame: an open modal dialog would otherwise cover the whole docs page.
      story: { inline: false, iframeHeight: 640 },
      description: {
        component:
          'The second layer, on Radix Dialog: a switch per category named by its title, the required one on, disabled and marked "Always active". Switches are a draft until "Save choices"; "Reject all" and "Accept all" decide at once. Escape and the close button save nothing and return focus to whatever opened the dialog.',
      },
    },
  },
} satisfies Meta<typeof PreferencesDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

const bodyOf = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);
const openFromFooter = async (canvasElement: HTMLElement) => {
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Cookie Settings' }));
  return bodyOf(canvasElement).findByRole('dialog', { name: 'Cookie preferences' });
};

/** Open on first load, as a first visit sees it: only Essential on, and it cannot be switched off. */
export const Open: Story = {
  args: { defaultOpen: true },
  play: async ({ canvasElement }) => {
    const dialogElement = await bodyOf(canvasElement).findByRole('dialog', { name: 'Cookie preferences' });
    const dialog = within(dialogElement);
    await expect(dialogElement).toHaveAttribute('aria-modal', 'true');
    // The dialog fades in; visible once the animation has run.
    await waitFor(() => expect(dialog.getByRole('heading', { level: 2, name: 'Cookie preferences' })).toBeVisible());
    const switches = dialog.getAllByRole('switch');
    await expect(switches.map((s) => s.getAttribute('aria-checked'))).toEqual(['true', 'false', 'false', 'false']);
    const essential = dialog.getByRole('switch', { name: 'Essential Cookies' });
    await expect(essential).toBeDisabled();
    await expect(essential).toHaveAccessibleDescription(expect.stringContaining('Always active'));
    await waitFor(() => expect(dialogElement).toContainElement(canvasElement.ownerDocument.activeElement as HTMLElement));
  },
};

/** Reopened from the footer: switch a category, save, and the status below follows. */
export const SaveChoices: Story = {
  play: async ({ canvasElement, id }) => {
    const dialog = within(await openFromFooter(canvasElement));
    const functional = dialog.getByRole('switch', { name: 'Functional Cookies' });
    functional.focus();
    await userEvent.keyboard(' ');
    await expect(functional).toHaveAttribute('aria-checked', 'true');
    // A draft until saved.
    await expect(storedDecision(id)).toBeNull();
    await userEvent.click(dialog.getByRole('button', { name: 'Save choices' }));
    await waitFor(() => expect(bodyOf(canvasElement).queryByRole('dialog')).toBeNull());
    await expect(storedDecision(id)).toMatchObject({ method: 'custom', choices: { functional: true, performance: false, targeting: false } });
    await expect(within(canvasElement).getByText('Functional Cookies:').closest('li')).toHaveTextContent('Functional Cookies: On');
  },
};

/** Escape closes without saving the draft, and focus goes back to the button that opened it. */
export const EscapeSavesNothing: Story = {
  play: async ({ canvasElement, args, id }) => {
    const dialog = within(await openFromFooter(canvasElement));
    await userEvent.click(dialog.getByRole('switch', { name: 'Performance Cookies' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(bodyOf(canvasElement).queryByRole('dialog')).toBeNull());
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(false);
    await expect(storedDecision(id)).toBeNull();
    await waitFor(() => expect(within(canvasElement).getByRole('button', { name: 'Cookie Settings' })).toHaveFocus());
  },
};

/** Tab and Shift+Tab stay inside the open dialog. */
export const FocusStaysInside: Story = {
  play: async ({ canvasElement }) => {
    const dialogElement = await openFromFooter(canvasElement);
    const doc = canvasElement.ownerDocument;
    for (let i = 0; i < 14; i++) {
      await userEvent.tab();
      await expect(dialogElement).toContainElement(doc.activeElement as HTMLElement);
    }
    for (let i = 0; i < 14; i++) {
      await userEvent.tab({ shift: true });
      await expect(dialogElement).toContainElement(doc.activeElement as HTMLElement);
    }
    await userEvent.click(within(dialogElement).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(bodyOf(canvasElement).queryByRole('dialog')).toBeNull());
  },
};

/** Reject all in the dialog decides at once, whatever the draft says. */
export const RejectAll: Story = {
  play: async ({ canvasElement, id }) => {
    const dialog = within(await openFromFooter(canvasElement));
    await userEvent.click(dialog.getByRole('switch', { name: 'Targeting/Advertising Cookies' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Reject all' }));
    await waitFor(() => expect(bodyOf(canvasElement).queryByRole('dialog')).toBeNull());
    await expect(storedDecision(id)).toMatchObject({ method: 'reject-all', choices: { targeting: false } });
  },
};

/** A decision is stored: reopening shows it, not the defaults. */
export const ReopenWithStoredChoice: Story = {
  beforeEach: decided((store) => store.save({ performance: true })),
  play: async ({ canvasElement }) => {
    const dialog = within(await openFromFooter(canvasElement));
    await expect(dialog.getByRole('switch', { name: 'Performance Cookies' })).toHaveAttribute('aria-checked', 'true');
    await expect(dialog.getByRole('switch', { name: 'Functional Cookies' })).toHaveAttribute('aria-checked', 'false');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(bodyOf(canvasElement).queryByRole('dialog')).toBeNull());
  },
};

/** Each category lists its cookies and services in a collapsed section, with the same tables as the policy page. */
export const CookieDetails: Story = {
  args: { defaultOpen: true },
  play: async ({ canvasElement }) => {
    const dialog = within(await bodyOf(canvasElement).findByRole('dialog', { name: 'Cookie preferences' }));
    const performance = dialog.getByRole('switch', { name: 'Performance Cookies' }).closest('li')!;
    const summary = within(performance).getByText('Show 3 cookies and services');
    await userEvent.click(summary);
    await expect(summary.closest('details')).toHaveAttribute('open');
    await waitFor(() => expect(within(performance).getByRole('table', { name: 'Performance Cookies: third-party services' })).toBeVisible());
    await expect(within(performance).getByRole('link', { name: 'View Policy (Google Analytics)' })).toHaveAttribute(
      'href',
      'https://policies.google.com/privacy',
    );
  },
};

/** With Global Privacy Control, the Targeting row says the signal is honoured and Accept all leaves it off. */
export const GlobalPrivacyControl: Story = {
  beforeEach: globalPrivacyControl,
  play: async ({ canvasElement, id }) => {
    const dialog = within(await openFromFooter(canvasElement));
    await expect(dialog.getByRole('switch', { name: 'Targeting/Advertising Cookies' })).toHaveAccessibleDescription(
      expect.stringContaining('Opt-Out Request Honored'),
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Accept all' }));
    await waitFor(() => expect(bodyOf(canvasElement).queryByRole('dialog')).toBeNull());
    await expect(storedDecision(id)).toMatchObject({ method: 'accept-all', choices: { performance: true, targeting: false } });
  },
};

/** Controlled by the host with `open` and `onOpenChange`, opened by its own `trigger`. */
export const Controlled: Story = {
  render: function Render(args) {
    const [open, setOpen] = useState(false);
    return (
      <div className="sb-surface">
        <PreferencesDialog
          {...args}
          open={open}
          onOpenChange={(next) => {
            args.onOpenChange?.(next);
            setOpen(next);
          }}
          trigger={
            <button type="button" className="cc-button">
              Privacy choices
            </button>
          }
        />
        <p>The dialog is {open ? 'open' : 'closed'}.</p>
      </div>
    );
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Privacy choices' }));
    await expect(args.onOpenChange).toHaveBeenCalledWith(true);
    const dialog = within(await bodyOf(canvasElement).findByRole('dialog', { name: 'Cookie preferences' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(canvas.getByText('The dialog is closed.')).toBeVisible());
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Privacy choices' })).toHaveFocus());
  },
};

export const Dark: Story = {
  args: { defaultOpen: true },
  parameters: { theme: 'dark' },
};

export const Brand: Story = {
  args: { defaultOpen: true },
  parameters: { theme: 'brand' },
};

/** Right to left: the close button moves to the left and switches slide the other way. */
export const RightToLeft: Story = {
  args: { defaultOpen: true },
  parameters: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const dialog = within(await bodyOf(canvasElement).findByRole('dialog', { name: 'Cookie preferences' }));
    const title = dialog.getByRole('heading', { name: 'Cookie preferences' });
    await waitFor(() =>
      expect(dialog.getByRole('button', { name: 'Close' }).getBoundingClientRect().right).toBeLessThan(title.getBoundingClientRect().left),
    );
  },
};

/** No library CSS: Radix's structure and the data-part hooks, for a host that styles everything. */
export const Unstyled: Story = {
  args: { defaultOpen: true, unstyled: true },
  play: async ({ canvasElement }) => {
    const dialog = await bodyOf(canvasElement).findByRole('dialog', { name: 'Cookie preferences' });
    await expect(dialog).not.toHaveClass('cc-dialog');
    await expect(dialog).toHaveAttribute('data-part', 'dialog');
  },
};

/** In French, from the `fr` catalogue. */
export const French: Story = {
  args: { defaultOpen: true },
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const dialog = within(await bodyOf(canvasElement).findByRole('dialog', { name: 'Préférences en matière de cookies' }));
    await expect(dialog.getByRole('button', { name: 'Tout accepter' })).toBeInTheDocument();
  },
};
