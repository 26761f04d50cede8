import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { connexxPolicy } from '../fixtures/connexx-policy';
import { decided, firstVisit, ownFrame, storedDecision, withConsent, withSurface } from '../support/consent';
import { CategoryCard } from './category-card';
import categoryCardSource from './category-card.tsx?raw';

const ids = connexxPolicy.categories.map((c) => c.id);

const meta = {
  title: 'Hooks/useCookieCategory',
  component: CategoryCard,
  tags: ['autodocs'],
  decorators: [
    withConsent,
    withSurface,
  ],
  beforeEach: firstVisit,
  args: {
    category: 'performance',
    showRenders: false,
  },
  argTypes: {
    category: { control: 'select', options: ids },
    showRenders: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          '`useCookieCategory(id)` returns `{ granted, required, category, setGranted }` for one category. A component that reads one category does not re-render when another changes. With a registered policy (see Guides/Headless) a misspelt id is a type error.',
      },
      source: { code: categoryCardSource, language: 'tsx' },
    },
  },
} satisfies Meta<typeof CategoryCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One category, off on a first visit; the host's switch turns it on and stores a custom decision. */
export const Optional: Story = {
  play: async ({ canvasElement, id }) => {
    const toggle = within(canvasElement).getByRole('switch', { name: 'Performance Cookies' });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(storedDecision(id)).toMatchObject({ method: 'custom', choices: { performance: true, functional: false } });
  },
};

/** The required category: granted, and the host disables its control. */
export const Required: Story = {
  args: { category: 'essential' },
  play: async ({ canvasElement }) => {
    const toggle = within(canvasElement).getByRole('switch', { name: 'Essential Cookies' });
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(toggle).toBeDisabled();
  },
};

/** Granted by an earlier visit. */
export const Granted: Story = {
  args: { category: 'functional' },
  beforeEach: decided((store) => store.save({ functional: true })),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('switch', { name: 'Functional Cookies' })).toHaveAttribute('aria-checked', 'true');
  },
};

/** One card per category. Switching one re-renders that card only. */
export const EveryCategory: Story = {
  args: { showRenders: true },
  render: (args) => (
    <div className="hb-cards">
      {ids.map((id) => (
        <CategoryCard key={id} {...args} category={id} />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('switch', { name: 'Functional Cookies' }));
    await expect(canvas.getByRole('switch', { name: 'Functional Cookies' })).toHaveAttribute('aria-checked', 'true');
    await expect(canvas.getByTestId('renders-functional')).toHaveTextContent('Rendered 2 times');
    await expect(canvas.getByTestId('renders-performance')).toHaveTextContent('Rendered 1 time');
    await expect(canvas.getByTestId('renders-targeting')).toHaveTextContent('Rendered 1 time');
  },
};

export const Dark: Story = {
  args: { showRenders: true },
  parameters: { theme: 'dark', ...ownFrame(260) },
  render: EveryCategory.render,
};
