import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CookieSettingsButton, PreferencesDialog } from '../../src';
import { decided, firstVisit, storedDecision, withConsent } from '../support/consent';

const meta = {
  title: 'Components/CookieSettingsButton',
  component: CookieSettingsButton,
  tags: ['autodocs'],
  decorators: [withConsent],
  beforeEach: firstVisit,
  args: {
    unstyled: false,
    asChild: false,
    onClick: fn(),
  },
  argTypes: {
    asChild: { control: false, description: 'Render the single child element (e.g. a footer link) instead of a `<button>`.' },
    unstyled: { control: 'boolean' },
    children: { control: 'text', description: 'The label; "Cookie Settings" in the current catalogue by default.' },
    onClick: { description: 'Called first; `event.preventDefault()` keeps the dialog closed.' },
  },
  render: (args) => (
    <div className="sb-surface">
      <footer>
        <CookieSettingsButton {...args} />
      </footer>
      <PreferencesDialog />
    </div>
  ),
  parameters: {
    docs: {
      story: { inline: false, iframeHeight: 560 },
      description: {
        component:
          'Reopens the preferences dialog from anywhere, typically the footer, so withdrawing consent never takes more steps than giving it.',
      },
    },
  },
} satisfies Meta<typeof CookieSettingsButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A decision is stored; the footer button reopens the dialog with it, and Escape hands focus back. */
export const ReopenFromFooter: Story = {
  beforeEach: decided((store) => store.rejectAll()),
  play: async ({ canvasElement, args, id }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Cookie Settings' });
    await expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    await userEvent.click(button);
    await expect(args.onClick).toHaveBeenCalled();
    const dialog = within(await within(canvasElement.ownerDocument.body).findByRole('dialog', { name: 'Cookie preferences' }));
    await expect(dialog.getByRole('switch', { name: 'Performance Cookies' })).toHaveAttribute('aria-checked', 'false');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(canvasElement.ownerDocument.body).queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(button).toHaveFocus());
    await expect(storedDecision(id)?.method).toBe('reject-all');
  },
};

/** Withdrawing takes as few steps as giving: reopen, switch off, save. */
export const WithdrawConsent: Story = {
  beforeEach: decided((store) => store.acceptAll()),
  play: async ({ canvasElement, id }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Cookie Settings' }));
    const dialog = within(await within(canvasElement.ownerDocument.body).findByRole('dialog', { name: 'Cookie preferences' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Reject all' }));
    await waitFor(() => expect(within(canvasElement.ownerDocument.body).queryByRole('dialog')).toBeNull());
    await expect(storedDecision(id)).toMatchObject({ method: 'reject-all', choices: { performance: false, targeting: false } });
  },
};

/**
 * The host's own element through `asChild`: here a button drawn as a link among the footer's links.
 * The child keeps its own markup; the settings button adds the behaviour and the data-part hook.
 */
export const AsChild: Story = {
  args: { asChild: true, unstyled: true },
  render: (args) => (
    <div className="sb-surface">
      <footer>
        <nav aria-label="Legal" className="sb-legal">
          <a href="#privacy">Privacy Policy</a>
          <a href="#terms">Terms of Service</a>
          <CookieSettingsButton {...args}>
            <button type="button" className="sb-link-button">
              Manage cookies
            </button>
          </CookieSettingsButton>
        </nav>
      </footer>
      <PreferencesDialog />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Manage cookies' });
    await expect(button).toHaveAttribute('data-part', 'settings-button');
    await expect(button).toHaveClass('sb-link-button');
    await userEvent.click(button);
    const body = within(canvasElement.ownerDocument.body);
    await body.findByRole('dialog', { name: 'Cookie preferences' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(button).toHaveFocus());
  },
};

/** The host may cancel the opening from its own onClick. */
export const HostCancels: Story = {
  args: { onClick: fn((event) => event.preventDefault()) },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Cookie Settings' }));
    await expect(within(canvasElement.ownerDocument.body).queryByRole('dialog')).toBeNull();
  },
};

export const CustomLabel: Story = {
  args: { children: 'Your privacy choices' },
};

export const Dark: Story = {
  parameters: { theme: 'dark' },
};

export const Brand: Story = {
  parameters: { theme: 'brand' },
};

export const Unstyled: Story = {
  args: { unstyled: true },
};
