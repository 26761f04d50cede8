import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { PolicySections, PreferencesDialog } from '../../src';
import {
  PolicyCategories,
  PolicyChoices,
  PolicyContact,
  PolicyCookieTables,
  PolicyCustomSection,
  PolicyDurations,
  PolicyManagePreferences,
} from '../../src/components/policy';
import { connexxPage } from '../fixtures/connexx-policy';
import { decided, firstVisit, withConsent } from '../support/consent';

const meta = {
  title: 'Components/PolicySections',
  component: PolicySections,
  tags: ['autodocs'],
  // Listed innermost first: the surface, with the dialog the sections' buttons open, sits inside the provider.
  decorators: [
    (Story) => (
      <div className="sb-surface">
        <Story />
        <PreferencesDialog />
      </div>
    ),
    withConsent,
  ],
  beforeEach: firstVisit,
  args: {
    content: connexxPage,
    headingLevel: 1,
    toc: false,
    unstyled: false,
  },
  argTypes: {
    content: { control: 'object', description: 'Everything of the page that is not in the policy: organization, intro, contact, host sections.' },
    headingLevel: { control: 'select', options: [1, 2, 3, 4], description: 'The page title\'s level; sections are one below.' },
    toc: { control: 'boolean', description: 'Show an "On this page" table of contents.' },
    unstyled: { control: 'boolean' },
  },
  parameters: {
    docs: {
      story: { inline: false, iframeHeight: 720 },
      description: {
        component:
          'The whole cookie-policy page from the provider\'s policy and the host\'s `content`: categories, durations, cookie tables, choices and controls, browser instructions, opt-out links, Do Not Track, contact and the live "Current preferences", with the host\'s own sections placed `after` or `within` a built-in one. Every section is also exported on its own.',
      },
    },
  },
} satisfies Meta<typeof PolicySections>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The Connexx page, generated from one policy definition and the page content. */
export const ConnexxPage: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1, name: 'Cookie Policy' })).toBeVisible();
    await expect(canvas.getByText('Last Updated: November 25, 2025')).toBeVisible();
    for (const name of ['How We Use Cookies', 'Specific Cookies We Use', 'PHI Protection', 'Additional Information', 'Manage Your Cookie Preferences']) {
      await expect(canvas.getByRole('heading', { level: 2, name }).closest('section')).toBeInTheDocument();
    }
    await expect(canvas.getByRole('note')).toHaveTextContent('Important Note: We never share Protected Health Information');
  },
};

/** With an "On this page" table of contents whose links reach each section. */
export const WithTableOfContents: Story = {
  args: { toc: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toc = canvas.getByRole('navigation', { name: 'On this page' });
    const link = within(toc).getByRole('link', { name: 'Specific Cookies We Use' });
    const target = canvas.getByRole('heading', { name: 'Specific Cookies We Use' }).closest('section')!;
    await expect(link).toHaveAttribute('href', `#${target.id}`);
    await expect(within(toc).queryByRole('link', { name: /Important Note/ })).toBeNull();
  },
};

/** Inside a page that has its own h1: the policy's title becomes an h2 and the outline shifts down. */
export const NestedHeadings: Story = {
  args: { headingLevel: 2 },
  decorators: [
    (Story) => (
      <>
        <h1>Connexx Legal Center</h1>
        <Story />
      </>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2, name: 'Cookie Policy' })).toBeVisible();
    await expect(canvas.getByRole('heading', { level: 3, name: 'How We Use Cookies' })).toBeVisible();
    await expect(canvas.getByRole('heading', { level: 4, name: 'Performance Cookies (Optional)' })).toBeVisible();
  },
};

/** "Manage Your Cookie Preferences" is live: saving in the dialog updates "Current preferences" at once. */
export const LivePreferences: Story = {
  play: async ({ canvasElement }) => {
    const section = within(within(canvasElement).getByRole('heading', { name: 'Manage Your Cookie Preferences' }).closest('section')!);
    await expect(section.getByText('Not chosen yet: optional cookies are off until you choose.')).toBeVisible();
    await userEvent.click(section.getByRole('button', { name: 'Cookie Settings' }));
    const body = within(canvasElement.ownerDocument.body);
    const dialog = within(await body.findByRole('dialog', { name: 'Cookie preferences' }));
    await userEvent.click(dialog.getByRole('switch', { name: 'Functional Cookies' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Save choices' }));
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await expect(section.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Performance Cookies: Off',
      'Functional Cookies: On',
      'Targeting/Advertising Cookies: Off',
    ]);
  },
};

/** A returning visitor: the stored decision is shown from the first render. */
export const Decided: Story = {
  beforeEach: decided((store) => store.acceptAll()),
  render: () => <PolicyManagePreferences />,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Performance Cookies: On',
      'Functional Cookies: On',
      'Targeting/Advertising Cookies: On',
    ]);
  },
};

export const Dark: Story = {
  args: { toc: true },
  parameters: { theme: 'dark' },
};

export const Brand: Story = {
  args: { toc: true },
  parameters: { theme: 'brand' },
};

export const RightToLeft: Story = {
  parameters: { dir: 'rtl' },
};

export const Unstyled: Story = {
  args: { unstyled: true },
};

/** Single sections, for a host that lays out its own page. */
export const CategoriesSection: Story = {
  name: 'Section: How We Use Cookies',
  render: () => <PolicyCategories />,
  play: async ({ canvasElement }) => {
    const headings = within(canvasElement).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    await expect(headings).toEqual([
      'Essential Cookies (Required)',
      'Performance Cookies (Optional)',
      'Functional Cookies (Optional)',
      'Targeting/Advertising Cookies (Optional)',
    ]);
  },
};

export const DurationsSection: Story = {
  name: 'Section: Cookie Duration & Lifespan',
  render: () => <PolicyDurations durations={{ persistent: '30 days to 1 year (varies by purpose)' }} />,
};

export const CookieTablesSection: Story = {
  name: 'Section: Specific Cookies We Use',
  render: () => <PolicyCookieTables organization="Connexx" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('table', { name: 'First-party cookies' })).toBeVisible();
    await expect(canvas.getByRole('table', { name: 'Third-party services' })).toBeVisible();
  },
};

export const ChoicesSection: Story = {
  name: 'Section: Your Cookie Choices & Controls',
  render: () => <PolicyChoices />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('link', { name: 'optout.aboutads.info' })).toHaveAttribute('href', expect.stringContaining('optout.aboutads.info'));
    await userEvent.click(canvas.getByRole('button', { name: 'Cookie Settings' }));
    const body = within(canvasElement.ownerDocument.body);
    await body.findByRole('dialog', { name: 'Cookie preferences' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
  },
};

export const ContactSection: Story = {
  name: 'Section: Questions About Our Cookie Policy?',
  render: () => <PolicyContact contact={{ name: 'Connexx Data Protection Officer', email: 'contact@connexx360.com' }} />,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('link', { name: 'contact@connexx360.com' })).toHaveAttribute('href', 'mailto:contact@connexx360.com');
  },
};

export const CustomSection: Story = {
  name: 'Section: a host-written one',
  render: () => (
    <PolicyCustomSection
      section={{
        id: 'patient-portal',
        title: 'Cookies in the Patient Portal',
        body: [
          'Signed-in patient pages use essential cookies only. Performance and advertising tools do not run there, whatever you chose on the public site.',
          { note: 'A cookie choice is never an authorization to use or disclose your health information.', label: 'Please note:' },
          { list: ['session_id keeps you signed in', 'auth_token protects your account'] },
        ],
      }}
    />
  ),
};
