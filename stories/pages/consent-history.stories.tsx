import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import sample from '../fixtures/consent-log-sample.json';
import { ConsentHistoryTable, type ConsentLogSample } from './consent-history';
import './consent-history.css';

/**
 * One visitor's consent history, read from a small sample log: what they were shown (the policy
 * revision and the fingerprint of its text), what they chose, when and how. The sample is real
 * output of `createConsentLog` on PGlite (test/server/consent-log-sample.test.ts makes it and
 * fails when it drifts). See "Guides / Proof of consent".
 */
const meta = {
  title: 'Pages/Consent history',
  component: ConsentHistoryTable,
  args: { sample: sample as ConsentLogSample },
} satisfies Meta<typeof ConsentHistoryTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OneVisitor: Story = {
  name: 'One visitor',
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole('table', { name: /Consent history of the browser a3f9c2e17b4d4e0c9b8f61d2e5a7c0b4/ });
    await step('The columns are headed: decided, shown, chosen, how, where', async () => {
      await expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Decided', 'Shown', 'Chosen', 'How', 'Where']);
    });
    await step("Only this browser's four decisions, oldest first; the other visitor's is not listed", async () => {
      const rows = within(table).getAllByRole('row').slice(1);
      await expect(rows).toHaveLength(4);
      await expect(rows.map((r) => r.querySelector('time')!.getAttribute('datetime'))).toEqual([
        '2026-03-02T09:14:05.120Z',
        '2026-03-15T12:02:33.870Z',
        '2026-06-03T08:25:10.441Z',
        '2026-09-21T19:47:02.915Z',
      ]);
      await expect(table).not.toHaveTextContent('6c1e8a42-93b7-4f0d-a5c2-7e9b1d3f4a81');
    });
    await step('After the policy gained Embedded Video, the rows show the new revision and its choice', async () => {
      const last = within(table).getAllByRole('row').at(-1)!;
      await expect(last).toHaveTextContent('Policy revision 2026-06-01');
      await expect(last).toHaveTextContent('Embedded Video: allowed');
      await expect(last).toHaveTextContent('Targeting/Advertising Cookies: refused');
      await expect(last).toHaveTextContent('Global Privacy Control was on');
      const first = within(table).getAllByRole('row')[1]!;
      await expect(first).toHaveTextContent('Reject all');
      await expect(first).not.toHaveTextContent('Embedded Video');
    });
  },
};
