import type { Meta, StoryObj } from '@storybook/react-vite';
import { useRef } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { useConsent, useConsentStore } from '../../src';
import { decided, firstVisit, globalPrivacyControl, ownFrame, storedDecision, withConsent, withSurface } from '../support/consent';
import { HeadlessBanner } from './headless-banner';
import headlessBannerSource from './headless-banner.tsx?raw';

const meta = {
  title: 'Hooks/useConsent',
  component: HeadlessBanner,
  tags: ['autodocs'],
  decorators: [
    withConsent,
    withSurface,
  ],
  beforeEach: firstVisit,
  args: {
    title: 'Your privacy at Connexx',
    showRecord: true,
  },
  argTypes: {
    title: { control: 'text' },
    showRecord: { control: 'boolean', description: 'Show `useConsent().record`, the decision as stored.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          '`useConsent()` returns the whole state (`status`, `choices`, `record`, `decidedHere`, `signals`) and the actions (`acceptAll`, `rejectAll`, `save`, `setCategory`, `reset`, `openPreferences`, `closePreferences`). This banner is drawn entirely by the host, with its own markup and CSS: the library only keeps the decision, its cookie and its rules (Global Privacy Control, required categories).',
      },
      source: { code: headlessBannerSource, language: 'tsx' },
    },
  },
} satisfies Meta<typeof HeadlessBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

const heading = (canvasElement: HTMLElement) => within(canvasElement).getByRole('region', { name: 'Your privacy at Connexx' });

/** A first visit: pending, no record. "Only essential" stores a refusal; "Ask me again" forgets it. */
export const FirstVisit: Story = {
  play: async ({ canvasElement, id }) => {
    const banner = within(heading(canvasElement));
    await expect(banner.getByLabelText('Stored consent record')).toHaveTextContent('null');
    await userEvent.click(banner.getByRole('button', { name: 'Only essential' }));
    await expect(banner.getByText(/Saved\./)).toHaveTextContent('Measure site performance: off');
    await expect(banner.getByLabelText('Stored consent record')).toHaveTextContent('"method": "reject-all"');
    await expect(storedDecision(id)?.method).toBe('reject-all');
    await userEvent.click(banner.getByRole('button', { name: 'Ask me again' }));
    await expect(banner.getByRole('button', { name: 'Allow all' })).toBeVisible();
    await expect(storedDecision(id)).toBeNull();
  },
};

/** The host's own per-category form, saved with `save(draft)`. */
export const ChooseAndSave: Story = {
  play: async ({ canvasElement, id }) => {
    const banner = within(heading(canvasElement));
    await userEvent.click(banner.getByRole('button', { name: 'Let me choose' }));
    await userEvent.click(banner.getByRole('checkbox', { name: 'Live chat and remembered settings' }));
    await userEvent.click(banner.getByRole('button', { name: 'Save my choices' }));
    await expect(storedDecision(id)).toMatchObject({ method: 'custom', choices: { performance: false, functional: true, targeting: false } });
    await expect(banner.getByText(/Saved\./)).toHaveTextContent('Live chat and remembered settings: on');
  },
};

/** A returning visitor: the stored decision is there from the first render. */
export const Decided: Story = {
  beforeEach: decided((store) => store.acceptAll()),
  play: async ({ canvasElement }) => {
    await expect(within(heading(canvasElement)).getByLabelText('Stored consent record')).toHaveTextContent('"method": "accept-all"');
  },
};

/** `signals.gpc` is true: the host says so, and `acceptAll()` still leaves the sale-or-share category off. */
export const GlobalPrivacyControl: Story = {
  beforeEach: globalPrivacyControl,
  parameters: ownFrame(420),
  play: async ({ canvasElement, id }) => {
    const banner = within(heading(canvasElement));
    await expect(banner.getByText(/advertising stays off/)).toBeVisible();
    await userEvent.click(banner.getByRole('button', { name: 'Allow all' }));
    await expect(storedDecision(id)?.choices).toMatchObject({ performance: true, functional: true, targeting: false });
  },
};

export const Dark: Story = {
  parameters: { theme: 'dark', ...ownFrame(420) },
};

/**
 * `useConsent(selector)` re-renders only when its slice changes. The badge reads `status`; the
 * buttons change `choices`. After the first decision, switching a category leaves the badge alone.
 */
export const WithSelector: Story = {
  render: () => <SelectorDemo />,
  parameters: {
    docs: {
      source: {
        code: `function StatusBadge() {
  const status = useConsent((state) => state.status);
  return <p>Decision: {status}</p>;
}`,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const badge = canvas.getByRole('status');
    await expect(badge).toHaveTextContent('Decision: pending (rendered 1 time)');
    await userEvent.click(canvas.getByRole('button', { name: 'Allow chat only' }));
    await expect(badge).toHaveTextContent('Decision: decided (rendered 2 times)');
    await userEvent.click(canvas.getByRole('button', { name: 'Allow analytics too' }));
    await expect(canvas.getByText('Performance: on')).toBeVisible();
    await expect(badge).toHaveTextContent('Decision: decided (rendered 2 times)');
  },
};

function StatusBadge() {
  const status = useConsent((state) => state.status);
  const renders = useRef(0);
  renders.current += 1;
  return (
    <p role="status" className="hb-note">
      Decision: {status} (rendered {renders.current} {renders.current === 1 ? 'time' : 'times'})
    </p>
  );
}

function PerformanceLine() {
  const performance = useConsent((state) => state.choices.performance);
  return <p>Performance: {performance ? 'on' : 'off'}</p>;
}

// Reads no state itself (the store's actions are stable), so only the parts that read a slice re-render.
function SelectorDemo() {
  const store = useConsentStore();
  return (
    <div className="hb">
      <StatusBadge />
      <PerformanceLine />
      <div className="hb-actions">
        <button type="button" className="hb-button" onClick={() => store.setCategory('functional', true)}>
          Allow chat only
        </button>
        <button type="button" className="hb-button hb-button-quiet" onClick={() => store.setCategory('performance', true)}>
          Allow analytics too
        </button>
      </div>
    </div>
  );
}
