import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { decodeRecord, parseCookieHeader } from '../../src/core';
import { connexxPolicy } from '../fixtures/connexx-policy';
import { useStoryMessages } from '../support/locale';
import { ConnexxCookiePolicyPage } from './connexx-page';

/**
 * The Connexx cookie policy page as a visitor meets it. The store keeps its decision in the real
 * `cookie_consent` cookie: accept, reload, and the choice is still there (the toolbar's "Reset
 * consent" replays the first visit).
 */
function CookiePolicyPage() {
  return <ConnexxCookiePolicyPage messages={useStoryMessages()} />;
}

const meta = {
  title: 'Pages/Cookie Policy',
  component: CookiePolicyPage,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof CookiePolicyPage>;

export default meta;
type Story = StoryObj<typeof meta>;

const storedDecision = () => decodeRecord(parseCookieHeader(document.cookie).get('cookie_consent'), connexxPolicy);
// Under Vitest every story starts without cookies (.storybook/vitest.setup.ts); in the browser a
// reader may come back to this page with the decision they made on an earlier visit.
const underTest = import.meta.env.VITEST_STORYBOOK !== undefined;

/** The page as a visitor meets it: nothing is clicked for them. */
export const Connexx: Story = {};

/**
 * The same page walked through by a script, for the test run only: hidden from the sidebar and
 * the docs, so nobody browsing Storybook has their first visit played for them.
 */
export const ConnexxScriptedWalk: Story = {
  name: 'Connexx (scripted walk)',
  tags: ['!dev', '!autodocs'],
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    const currentPreferences = () => within(canvas.getByRole('heading', { name: 'Manage Your Cookie Preferences' }).closest('section')!);
    const footer = within(canvas.getByRole('contentinfo'));

    if (storedDecision() && !underTest) {
      await step('A returning visitor: no banner, and the page shows the stored choice', async () => {
        await expect(canvas.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
        await expect(currentPreferences().getByRole('list')).toBeVisible();
      });
      return;
    }

    await step('First visit: the banner offers Accept all and Reject all side by side', async () => {
      await expect(storedDecision()).toBeNull();
      const banner = within(canvas.getByRole('region', { name: 'Cookie consent' }));
      await expect(banner.getByRole('button', { name: 'Accept all' }).parentElement).toBe(
        banner.getByRole('button', { name: 'Reject all' }).parentElement,
      );
      await expect(banner.getByRole('link', { name: 'Read our cookie policy' })).toHaveAttribute('href', '#cc-policy-overview');
      await expect(currentPreferences().getByText('Not chosen yet: optional cookies are off until you choose.')).toBeVisible();
    });

    await step('Customize, switch Performance Cookies on, Save choices', async () => {
      await userEvent.click(within(canvas.getByRole('region', { name: 'Cookie consent' })).getByRole('button', { name: 'Customize' }));
      const dialog = within(await body.findByRole('dialog', { name: 'Cookie preferences' }));
      const performance = dialog.getByRole('switch', { name: 'Performance Cookies' });
      await userEvent.click(performance);
      await expect(performance).toHaveAttribute('aria-checked', 'true');
      await userEvent.click(dialog.getByRole('button', { name: 'Save choices' }));
      await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    });

    await step('The banner confirms the choice; Hide cookie message puts it away', async () => {
      const banner = within(canvas.getByRole('region', { name: 'Cookie consent' }));
      const confirmation = banner.getByRole('status');
      await waitFor(() => expect(confirmation).toHaveTextContent("You've saved your cookie settings."));
      await waitFor(() => expect(banner.getByRole('button', { name: 'Hide cookie message' })).toHaveFocus());
      await userEvent.click(banner.getByRole('button', { name: 'Hide cookie message' }));
      await expect(canvas.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
      await expect(storedDecision()).toMatchObject({
        method: 'custom',
        choices: { essential: true, performance: true, functional: false, targeting: false },
      });
    });

    await step('"Current preferences" says Performance Cookies: On', async () => {
      await expect(currentPreferences().getAllByRole('listitem').map((li) => li.textContent)).toEqual([
        'Performance Cookies: On',
        'Functional Cookies: Off',
        'Targeting/Advertising Cookies: Off',
      ]);
    });

    await step("The footer's Cookie Settings reopens the dialog with Performance on; Escape closes it", async () => {
      const settings = footer.getByRole('link', { name: 'Cookie Settings' });
      await userEvent.click(settings);
      const dialog = within(await body.findByRole('dialog', { name: 'Cookie preferences' }));
      await expect(dialog.getByRole('switch', { name: 'Performance Cookies' })).toHaveAttribute('aria-checked', 'true');
      await expect(dialog.getByRole('switch', { name: 'Functional Cookies' })).toHaveAttribute('aria-checked', 'false');
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
      await waitFor(() => expect(settings).toHaveFocus());
    });
  },
};

/** The same page in the dark theme: the site's header and footer follow the tokens too. */
export const ConnexxDark: Story = {
  name: 'Connexx (dark)',
  parameters: { theme: 'dark' },
};

/** The same page in the brand theme, made of token overrides only. */
export const ConnexxBrand: Story = {
  name: 'Connexx (brand)',
  parameters: { theme: 'brand' },
};
