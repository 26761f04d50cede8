import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConsentStatus, CookieBanner, CookieSettingsButton, PreferencesDialog, PrivacyChoicesLink } from '../../src';
import { decided, firstVisit, globalPrivacyControl, ownFrame, storedDecision, withConsent, withPage } from '../support/consent';

const meta = {
  title: 'Components/CookieBanner',
  component: CookieBanner,
  tags: ['autodocs'],
  decorators: [withPage, withConsent],
  beforeEach: firstVisit,
  args: {
    layout: 'bar',
    position: 'bottom',
    policyHref: '/cookie-policy',
    headingLevel: 2,
    unstyled: false,
  },
  argTypes: {
    layout: {
      control: 'inline-radio',
      options: ['bar', 'box'],
      description: '`bar`: full width along an edge. `box`: a card in a corner.',
    },
    position: { control: 'inline-radio', options: ['bottom', 'top'] },
    policyHref: { control: 'text', description: 'Link to the full cookie policy; unsafe URLs are dropped.' },
    headingLevel: { control: 'select', options: [2, 3, 4, 5, 6] },
    unstyled: { control: 'boolean', description: 'Structure, data-part hooks and behaviour only; no library CSS.' },
  },
  // The banner needs the dialog its Customize button opens.
  render: (args) => (
    <>
      <CookieBanner {...args} />
      <PreferencesDialog />
    </>
  ),
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The first layer: a landmark named "Cookie consent", shown while no decision is stored. "Accept all" and "Reject all" sit side by side with the same size, weight and contrast; "Customize" opens the preferences dialog. After a choice made here, a short confirmation with a "Hide" button takes their place.',
      },
    },
  },
} satisfies Meta<typeof CookieBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

const bannerIn = (canvasElement: HTMLElement) => within(canvasElement).getByRole('region', { name: 'Cookie consent' });
// The banner rises into view (a 160 ms animation from transparent): visible once it has run.
const visible = (element: HTMLElement) => waitFor(() => expect(element).toBeVisible());

/** No decision stored: the banner is there, with Accept all and Reject all as equals. */
export const FirstVisit: Story = {
  play: async ({ canvasElement }) => {
    const banner = within(bannerIn(canvasElement));
    await visible(banner.getByRole('heading', { level: 2, name: 'We use cookies' }));
    await expect(banner.getByRole('link', { name: 'Read our cookie policy' })).toHaveAttribute('href', '/cookie-policy');
    const accept = banner.getByRole('button', { name: 'Accept all' });
    const reject = banner.getByRole('button', { name: 'Reject all' });
    await visible(banner.getByRole('button', { name: 'Customize' }));
    // Side by side: one row, the same box, the same type and colours.
    await expect(accept.parentElement).toBe(reject.parentElement);
    const a = accept.getBoundingClientRect();
    const r = reject.getBoundingClientRect();
    await expect(r.top).toBe(a.top);
    await expect([r.width, r.height]).toEqual([a.width, a.height]);
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return [s.fontSize, s.fontWeight, s.fontFamily, s.color, s.backgroundColor, s.borderColor];
    };
    await expect(look(reject)).toEqual(look(accept));
  },
};

/** Reject all records the refusal; the confirmation is read out, focus goes to Hide, which puts the banner away. */
export const RejectAll: Story = {
  play: async ({ canvasElement, id }) => {
    const banner = within(bannerIn(canvasElement));
    await userEvent.click(banner.getByRole('button', { name: 'Reject all' }));
    const confirmation = banner.getByRole('status');
    await expect(confirmation).toHaveTextContent("You've rejected additional cookies. You can change your cookie settings at any time.");
    await waitFor(() => expect(banner.getByRole('button', { name: 'Hide cookie message' })).toHaveFocus());
    await expect(banner.queryByRole('button', { name: 'Reject all' })).toBeNull();
    await expect(storedDecision(id)).toMatchObject({
      method: 'reject-all',
      choices: { essential: true, performance: false, functional: false, targeting: false },
    });
    await userEvent.click(banner.getByRole('button', { name: 'Hide cookie message' }));
    await expect(within(canvasElement).queryByRole('region', { name: 'Cookie consent' })).toBeNull();
  },
};

/**
 * Hide hands focus on to where Tab would have gone next: the first thing after the banner that can
 * take it, past anything hidden (here a closed menu), never dropping it on the page.
 */
export const HideMovesFocusOn: Story = {
  render: (args) => (
    <>
      <CookieBanner {...args} />
      <nav aria-label="Site menu" hidden>
        <a href="#menu">Menu link</a>
      </nav>
      <PreferencesDialog />
    </>
  ),
  play: async ({ canvasElement }) => {
    const banner = within(bannerIn(canvasElement));
    await userEvent.click(banner.getByRole('button', { name: 'Accept all' }));
    await userEvent.click(banner.getByRole('button', { name: 'Hide cookie message' }));
    await expect(within(canvasElement).queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    await expect(within(canvasElement).getByRole('link', { name: 'Book an appointment' })).toHaveFocus();
  },
};

/** Accept all grants every optional category and confirms it. */
export const AcceptAll: Story = {
  play: async ({ canvasElement, id }) => {
    const banner = within(bannerIn(canvasElement));
    await userEvent.click(banner.getByRole('button', { name: 'Accept all' }));
    await expect(banner.getByRole('status')).toHaveTextContent("You've accepted additional cookies.");
    await expect(storedDecision(id)).toMatchObject({
      method: 'accept-all',
      choices: { performance: true, functional: true, targeting: true },
    });
  },
};

/** Customize opens the dialog (the banner steps aside); saving there is confirmed in the banner. */
export const CustomizeAndSave: Story = {
  play: async ({ canvasElement, id }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(within(bannerIn(canvasElement)).getByRole('button', { name: 'Customize' }));
    const dialog = within(await body.findByRole('dialog', { name: 'Cookie preferences' }));
    await expect(within(canvasElement).queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    const performance = dialog.getByRole('switch', { name: 'Performance Cookies' });
    await expect(performance).toHaveAttribute('aria-checked', 'false');
    await userEvent.click(performance);
    await expect(performance).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(dialog.getByRole('button', { name: 'Save choices' }));
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    // The live region is shown empty first, then given the words, so a screen reader reads them.
    const confirmation = within(bannerIn(canvasElement)).getByRole('status');
    await waitFor(() => expect(confirmation).toHaveTextContent("You've saved your cookie settings."));
    await waitFor(() => expect(within(bannerIn(canvasElement)).getByRole('button', { name: 'Hide cookie message' })).toHaveFocus());
    await expect(storedDecision(id)).toMatchObject({
      method: 'custom',
      choices: { performance: true, functional: false, targeting: false },
    });
  },
};

/** Escape in the dialog saves nothing: the banner comes back and Customize has focus again. */
export const CustomizeThenEscape: Story = {
  play: async ({ canvasElement, id }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(within(bannerIn(canvasElement)).getByRole('button', { name: 'Customize' }));
    const dialog = within(await body.findByRole('dialog', { name: 'Cookie preferences' }));
    await userEvent.click(dialog.getByRole('switch', { name: 'Functional Cookies' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await expect(storedDecision(id)).toBeNull();
    await waitFor(() => expect(within(bannerIn(canvasElement)).getByRole('button', { name: 'Customize' })).toHaveFocus());
  },
};

/**
 * Keyboard only: Tab into the banner, Enter on Customize, Space on a switch, Tab to Save choices,
 * Enter. Every step is a key a person would press.
 */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement, id }) => {
    const doc = canvasElement.ownerDocument;
    const body = within(doc.body);
    const banner = bannerIn(canvasElement);
    const tabTo = async (target: () => HTMLElement, limit = 20) => {
      for (let i = 0; i < limit && doc.activeElement !== target(); i++) await userEvent.tab();
      await expect(target()).toHaveFocus();
    };

    // The banner comes early in the page: its link is the first stop, its buttons the next.
    await userEvent.tab();
    await expect(banner).toContainElement(doc.activeElement as HTMLElement);
    await tabTo(() => within(banner).getByRole('button', { name: 'Customize' }));
    await userEvent.keyboard('{Enter}');

    const dialogElement = await body.findByRole('dialog', { name: 'Cookie preferences' });
    const dialog = within(dialogElement);
    await waitFor(() => expect(dialogElement).toContainElement(doc.activeElement as HTMLElement));
    const performance = () => dialog.getByRole('switch', { name: 'Performance Cookies' });
    await tabTo(performance);
    await userEvent.keyboard(' ');
    await expect(performance()).toHaveAttribute('aria-checked', 'true');
    await tabTo(() => dialog.getByRole('button', { name: 'Save choices' }));
    await userEvent.keyboard('{Enter}');

    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(within(bannerIn(canvasElement)).getByRole('button', { name: 'Hide cookie message' })).toHaveFocus());
    await expect(storedDecision(id)?.choices).toMatchObject({ performance: true, functional: false, targeting: false });
  },
};

/** A decision is stored from an earlier visit: nothing is shown; the footer control remains. */
export const Decided: Story = {
  beforeEach: decided((store) => store.acceptAll()),
  render: (args) => (
    <>
      <CookieBanner {...args} />
      <PreferencesDialog />
      <footer className="sb-surface">
        <CookieSettingsButton />
      </footer>
    </>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    await visible(within(canvasElement).getByRole('button', { name: 'Cookie Settings' }));
  },
};

/** The browser sends Global Privacy Control: the banner says it is honoured and Accept all leaves Targeting off. */
export const GlobalPrivacyControl: Story = {
  beforeEach: globalPrivacyControl,
  parameters: ownFrame(),
  play: async ({ canvasElement, id }) => {
    const banner = within(bannerIn(canvasElement));
    await visible(banner.getByText('Opt-Out Request Honored'));
    await userEvent.click(banner.getByRole('button', { name: 'Accept all' }));
    await expect(storedDecision(id)).toMatchObject({
      method: 'accept-all',
      choices: { performance: true, functional: true, targeting: false },
      signals: { gpc: true },
    });
  },
};

/** A card in the bottom corner instead of a full-width bar. */
export const Box: Story = {
  args: { layout: 'box' },
  play: async ({ canvasElement }) => {
    const banner = bannerIn(canvasElement);
    await expect(banner).toHaveAttribute('data-layout', 'box');
    // The Global Privacy Control story before this one took its signal away when it was left.
    await expect(within(banner).queryByText('Opt-Out Request Honored')).toBeNull();
  },
};

// At the top, the banner pushes the page down instead of covering it: the page's own header
// (and its first link) starts below the banner's bottom edge.
const coversNothing = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const banner = bannerIn(canvasElement);
  await expect(banner).toHaveAttribute('data-position', 'top');
  await visible(banner);
  const pageTop = within(canvasElement).getByText('Connexx').getBoundingClientRect().top;
  await waitFor(() => expect(banner.getBoundingClientRect().bottom).toBeLessThanOrEqual(pageTop));
};

/** A bar at the top of the page, in its flow, as GOV.UK's is: it covers nothing. */
export const Top: Story = {
  args: { position: 'top' },
  play: coversNothing,
};

/** A card at the top of the page, at the end of the line. */
export const BoxTop: Story = {
  args: { layout: 'box', position: 'top' },
  play: coversNothing,
};

export const Dark: Story = {
  parameters: { theme: 'dark', ...ownFrame() },
};

/** The host's brand, through tokens only (see .storybook/brand.css). */
export const Brand: Story = {
  parameters: { theme: 'brand', ...ownFrame() },
};

/** Right to left: the box sits in the bottom-left corner and the buttons read from the right. */
export const RightToLeft: Story = {
  args: { layout: 'box' },
  parameters: { dir: 'rtl', ...ownFrame() },
  play: async ({ canvasElement }) => {
    const banner = bannerIn(canvasElement);
    const accept = within(banner).getByRole('button', { name: 'Accept all' });
    const reject = within(banner).getByRole('button', { name: 'Reject all' });
    await waitFor(() => expect(accept.getBoundingClientRect().left).toBeGreaterThan(reject.getBoundingClientRect().left));
  },
};

/** No library CSS: the markup, data-part hooks and behaviour, for a host that styles everything. */
export const Unstyled: Story = {
  args: { unstyled: true },
  play: async ({ canvasElement }) => {
    const banner = bannerIn(canvasElement);
    await expect(banner).not.toHaveClass('cc-banner');
    await expect(banner).toHaveAttribute('data-part', 'banner');
    await expect(getComputedStyle(banner).position).toBe('static');
  },
};

/** Inside a page whose outline already has an h2 above it, the banner's title can be an h3. */
export const HeadingLevel: Story = {
  args: { headingLevel: 3 },
  play: async ({ canvasElement }) => {
    await visible(within(bannerIn(canvasElement)).getByRole('heading', { level: 3, name: 'We use cookies' }));
  },
};

/** In German, from the `de` catalogue (the toolbar's Locale menu switches every story). */
export const German: Story = {
  globals: { locale: 'de' },
  parameters: ownFrame(),
  play: async ({ canvasElement }) => {
    const banner = within(within(canvasElement).getByRole('region', { name: 'Cookie-Einwilligung' }));
    await visible(banner.getByRole('heading', { name: 'Wir verwenden Cookies' }));
    await userEvent.click(banner.getByRole('button', { name: 'Alle ablehnen' }));
    await expect(banner.getByRole('status')).toHaveTextContent('Sie haben zusätzliche Cookies abgelehnt.');
  },
};

const regionNamed = (canvasElement: HTMLElement, name: string) => within(within(canvasElement.ownerDocument.body).getByRole('region', { name }));

/** California (opt-out): a notice of what is on, with a one-step opt-out as prominent as the other choices. */
export const OptOutNotice: Story = {
  parameters: { ...ownFrame(), consentStore: { jurisdiction: 'US-CA' } },
  play: async ({ canvasElement, id }) => {
    const notice = regionNamed(canvasElement, 'Privacy notice');
    await userEvent.click(notice.getByRole('button', { name: 'Opt out of sale or sharing' }));
    await expect(storedDecision(id)).toMatchObject({ method: 'opt-out', regime: 'opt-out', jurisdiction: 'US-CA', choices: { performance: true, targeting: false } });
  },
};

/** Washington (health-data): the opt-in banner; sharing health data needs its own switch, never Accept all. */
export const HealthData: Story = {
  parameters: { ...ownFrame(), consentStore: { jurisdiction: 'US-WA' } },
  play: async ({ canvasElement, id }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(regionNamed(canvasElement, 'Cookie consent').getByRole('button', { name: 'Customize' }));
    const dialog = within(await body.findByRole('dialog'));
    await expect(dialog.getByRole('switch', { name: 'Targeting/Advertising Cookies' })).toHaveAccessibleDescription(
      expect.stringContaining('only this switch allows it'),
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Accept all' }));
    await expect(storedDecision(id)).toMatchObject({ regime: 'health-data', choices: { performance: true, targeting: false } });
  },
};

/**
 * California with Global Privacy Control, as the server passes it from a `Sec-GPC: 1` request:
 * the notice, the status and the footer link say "Opt-Out Request Honored", there is nothing left
 * to opt out of, and Accept all keeps sale or sharing off and says so.
 */
export const GpcInCalifornia: Story = {
  parameters: { ...ownFrame(520), consentStore: { jurisdiction: 'US-CA', signals: { gpc: true } } },
  render: (args) => (
    <>
      <CookieBanner {...args} />
      <PreferencesDialog />
      <footer className="sb-surface">
        <ConsentStatus />
        <PrivacyChoicesLink />
      </footer>
    </>
  ),
  play: async ({ canvasElement, id }) => {
    const notice = regionNamed(canvasElement, 'Privacy notice');
    await visible(notice.getByText('Opt-Out Request Honored'));
    const footer = within(within(canvasElement).getByRole('contentinfo'));
    await expect(footer.getAllByText('Opt-Out Request Honored')).toHaveLength(2);
    await expect(footer.getByText(/^Targeting\/Advertising Cookies/)).toHaveTextContent(/Off$/);
    await expect(notice.queryByRole('button', { name: 'Opt out of sale or sharing' })).toBeNull();
    await userEvent.click(notice.getByRole('button', { name: 'Accept all' }));
    await expect(notice.getByRole('status')).toHaveTextContent('except those that sell or share data, as your browser asks');
    await expect(storedDecision(id)).toMatchObject({
      method: 'accept-all',
      regime: 'opt-out',
      jurisdiction: 'US-CA',
      choices: { performance: true, functional: true, targeting: false },
      signals: { gpc: true },
    });
    await expect(footer.getAllByText('Opt-Out Request Honored')).toHaveLength(2);
  },
};
