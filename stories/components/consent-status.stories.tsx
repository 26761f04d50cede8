import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConsentStatus, CookieSettingsButton, PreferencesDialog } from '../../src';
import { decided, firstVisit, ownFrame, withConsent, withSurface } from '../support/consent';

const meta = {
  title: 'Components/ConsentStatus',
  component: ConsentStatus,
  tags: ['autodocs'],
  decorators: [
    withConsent,
    withSurface,
  ],
  beforeEach: firstVisit,
  args: { unstyled: false },
  argTypes: {
    unstyled: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The live "Current preferences" summary: each optional category and whether it is in force. A polite live region, so a change made elsewhere on the page is announced. On the server it reads the request\'s cookie, so the first HTML already shows the stored decision.',
      },
    },
  },
} satisfies Meta<typeof ConsentStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

const items = (canvasElement: HTMLElement) => within(canvasElement).getAllByRole('listitem').map((li) => li.textContent);

/** Nothing chosen yet: it says so, and that optional cookies are off meanwhile. */
export const FirstVisit: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Current preferences:')).toBeVisible();
    await expect(canvas.getByText('Not chosen yet: optional cookies are off until you choose.')).toBeVisible();
  },
};

/** A stored custom decision, one line per optional category. */
export const Decided: Story = {
  beforeEach: decided((store) => store.save({ performance: true, functional: false, targeting: false })),
  play: async ({ canvasElement }) => {
    await expect(items(canvasElement)).toEqual([
      'Performance Cookies: On',
      'Functional Cookies: Off',
      'Targeting/Advertising Cookies: Off',
    ]);
  },
};

/** Live: a decision saved in the dialog shows at once. */
export const Live: Story = {
  render: (args) => (
    <>
      <ConsentStatus {...args} />
      <p>
        <CookieSettingsButton />
      </p>
      <PreferencesDialog />
    </>
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Cookie Settings' }));
    const body = within(canvasElement.ownerDocument.body);
    const dialog = within(await body.findByRole('dialog', { name: 'Cookie preferences' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Accept all' }));
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await expect(items(canvasElement)).toEqual(['Performance Cookies: On', 'Functional Cookies: On', 'Targeting/Advertising Cookies: On']);
  },
};

/**
 * A sensitive page (e.g. a signed-in patient page, the store's `sensitive` option): the visitor
 * allowed Performance and Functional, but nothing optional is in force here. What they allowed
 * reads "Off on this page", what they refused plain "Off".
 */
export const SensitivePage: Story = {
  beforeEach: decided((store) => store.save({ performance: true, functional: true })),
  parameters: { consentStore: { sensitive: true } },
  play: async ({ canvasElement }) => {
    await expect(items(canvasElement)).toEqual([
      'Performance Cookies: Off on this page',
      'Functional Cookies: Off on this page',
      'Targeting/Advertising Cookies: Off',
    ]);
  },
};

export const Dark: Story = {
  beforeEach: decided((store) => store.save({ functional: true })),
  parameters: { theme: 'dark', ...ownFrame(200) },
};

export const RightToLeft: Story = {
  beforeEach: decided((store) => store.save({ functional: true })),
  parameters: { dir: 'rtl', ...ownFrame(200) },
};

export const Unstyled: Story = {
  beforeEach: decided((store) => store.rejectAll()),
  args: { unstyled: true },
};
