import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { CookieTable } from '../../src';
import { connexxPolicy } from '../fixtures/connexx-policy';
import { ownFrame, withConsent, withSurface } from '../support/consent';

const meta = {
  title: 'Components/CookieTable',
  component: CookieTable,
  tags: ['autodocs'],
  decorators: [
    withConsent,
    withSurface,
  ],
  args: {
    kind: 'first-party',
    unstyled: false,
  },
  argTypes: {
    kind: {
      control: 'inline-radio',
      options: ['first-party', 'third-party'],
      description: '`first-party`: Cookie Name, Purpose, Duration, Type. `third-party`: Provider, Purpose, Type, Privacy Policy.',
    },
    category: {
      control: 'select',
      options: [undefined, ...connexxPolicy.categories.map((c) => c.id)],
      description: 'Only this category. Default: every category.',
    },
    caption: { control: 'text', description: 'Give each table on a page a caption of its own.' },
    unstyled: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The policy\'s first-party cookies or third-party services as a real `<table>` with a `<caption>` and column headers. The wrapper is a named, focusable region so keyboard users can scroll it sideways on narrow screens.',
      },
    },
  },
} satisfies Meta<typeof CookieTable>;

export default meta;
type Story = StoryObj<typeof meta>;

const headers = (table: HTMLElement) => within(table).getAllByRole('columnheader').map((th) => th.textContent);

/** Every cookie Connexx sets itself, as the seed page lists them. */
export const FirstParty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole('table', { name: 'First-party cookies' });
    await expect(headers(table)).toEqual(['Cookie Name', 'Purpose', 'Duration', 'Type']);
    await expect(within(table).getByRole('rowheader', { name: 'cookie_consent' }).closest('tr')).toHaveTextContent(
      'cookie_consentRecord your cookie consent choices1 yearEssential Cookies',
    );
  },
};

/** The third parties, each with a link to its own privacy policy. */
export const ThirdParty: Story = {
  args: { kind: 'third-party' },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table', { name: 'Third-party services' });
    await expect(headers(table)).toEqual(['Provider', 'Purpose', 'Type', 'Privacy Policy']);
    const link = within(table).getByRole('link', { name: 'View Policy (Intercom)' });
    await expect(link).toHaveAttribute('href', 'https://www.intercom.com/legal/privacy');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  },
};

/** One category's services, as the preferences dialog shows them. */
export const OneCategory: Story = {
  args: { kind: 'third-party', category: 'performance', caption: 'Performance Cookies: third-party services' },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table', { name: 'Performance Cookies: third-party services' });
    await expect(within(table).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Google Analytics']);
  },
};

/** A category with nothing of this kind says so instead of showing an empty table. */
export const Empty: Story = {
  args: { kind: 'first-party', category: 'targeting', caption: 'Targeting/Advertising Cookies: cookies set by this site' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('cell', { name: 'No cookies of this kind are in use.' })).toBeVisible();
  },
};

/** Narrow screens: the table keeps its columns and its wrapper scrolls sideways, a tab stop named by the caption. */
export const Narrow: Story = {
  args: { kind: 'third-party' },
  decorators: [
    (Story) => (
      <div style={{ maxInlineSize: '20rem' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const scroller = await within(canvasElement).findByRole('group', { name: 'Third-party services' });
    await expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
    await userEvent.tab();
    await expect(scroller).toHaveFocus();
  },
};

export const Dark: Story = {
  args: { kind: 'third-party' },
  parameters: { theme: 'dark', ...ownFrame(360) },
};

export const Brand: Story = {
  parameters: { theme: 'brand', ...ownFrame(360) },
};

export const RightToLeft: Story = {
  parameters: { dir: 'rtl', ...ownFrame(360) },
};

export const Unstyled: Story = {
  args: { unstyled: true, kind: 'third-party' },
};
