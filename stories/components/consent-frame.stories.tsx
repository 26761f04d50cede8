import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { ConsentFrame } from '../../src';
import { connexxPolicy } from '../fixtures/connexx-policy';
import { firstVisit, storedDecision, withConsent, withSurface } from '../support/consent';

// A page of its own instead of a real map, so the story requests nothing from anywhere.
const standIn = `data:text/html;charset=utf-8,${encodeURIComponent('<p style="font:16px sans-serif">The map of the clinic would show here.</p>')}`;

const meta = {
  title: 'Components/ConsentFrame',
  component: ConsentFrame,
  tags: ['autodocs'],
  decorators: [withConsent, withSurface],
  beforeEach: firstVisit,
  args: {
    category: 'functional',
    src: standIn,
    title: 'Directions to the clinic (map)',
    width: 360,
    height: 120,
  },
  argTypes: {
    category: { control: 'select', options: connexxPolicy.categories.map((c) => c.id) },
    placeholder: { control: 'text', description: "Replaces the placeholder's default text." },
  },
  parameters: {
    docs: {
      description: {
        component:
          'An iframe (video, map, booking widget) that is only created once its category is granted, so the service receives no request before. Until then a placeholder names the service and offers to allow just that category.',
      },
    },
  },
} satisfies Meta<typeof ConsentFrame>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Before consent: no iframe, a placeholder named after the service; allowing creates the frame. */
export const Blocked: Story = {
  play: async ({ canvasElement, id }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('iframe')).toBeNull();
    const placeholder = canvas.getByRole('group', { name: 'Directions to the clinic (map)' });
    await userEvent.click(within(placeholder).getByRole('button', { name: 'Allow Functional Cookies' }));
    await expect(canvas.getByTitle('Directions to the clinic (map)').tagName).toBe('IFRAME');
    await expect(storedDecision(id)).toMatchObject({ choices: { functional: true, performance: false, targeting: false } });
  },
};
