import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { ConsentGate } from '../../src';
import { connexxPolicy } from '../fixtures/connexx-policy';
import { decided, firstVisit, ownFrame, storedDecision, withConsent, withSurface } from '../support/consent';

/** What a third-party widget would be: drawn here, so the story loads nothing from anywhere. */
function SupportChat() {
  return (
    <div className="sb-widget" role="group" aria-label="Support chat">
      <p className="sb-widget-title">Chat with Connexx support</p>
      <p>Hi! A care coordinator usually replies within a few minutes.</p>
    </div>
  );
}

const meta = {
  title: 'Components/ConsentGate',
  component: ConsentGate,
  tags: ['autodocs'],
  decorators: [
    withConsent,
    withSurface,
  ],
  beforeEach: firstVisit,
  args: {
    category: 'functional',
    children: <SupportChat />,
  },
  argTypes: {
    category: { control: 'select', options: connexxPolicy.categories.map((c) => c.id) },
    children: { control: false },
    fallback: { control: false, description: 'Shown instead while not granted. Default: what is blocked and a button that allows just this category.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Renders its children only while a category is granted, so a third-party widget (chat, video, map) is not even mounted before consent. The default fallback says what is blocked and offers to allow just that category.',
      },
    },
  },
} satisfies Meta<typeof ConsentGate>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Before consent: the chat is not mounted; one button allows just Functional Cookies. */
export const Blocked: Story = {
  play: async ({ canvasElement, id }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('group', { name: 'Support chat' })).toBeNull();
    await expect(canvas.getByText(/uses Functional Cookies, which you have not allowed/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Allow Functional Cookies' }));
    await expect(canvas.getByRole('group', { name: 'Support chat' })).toBeVisible();
    await expect(storedDecision(id)).toMatchObject({ method: 'custom', choices: { functional: true, performance: false, targeting: false } });
  },
};

/** Granted by a stored decision: the children render straight away. */
export const Granted: Story = {
  beforeEach: decided((store) => store.acceptAll()),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('group', { name: 'Support chat' })).toBeVisible();
  },
};

/** The host's own fallback. */
export const CustomFallback: Story = {
  args: {
    fallback: (
      <p>
        Live chat needs Functional Cookies. You can still reach us at <a href="mailto:contact@connexx360.com">contact@connexx360.com</a>.
      </p>
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('link', { name: 'contact@connexx360.com' })).toBeVisible();
  },
};

export const Dark: Story = {
  parameters: { theme: 'dark', ...ownFrame(220) },
};

export const Brand: Story = {
  parameters: { theme: 'brand', ...ownFrame(220) },
};

export const RightToLeft: Story = {
  parameters: { dir: 'rtl', ...ownFrame(220) },
};
