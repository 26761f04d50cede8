import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { axe } from 'vitest-axe';
import { ConsentFrame } from '../../src/components';
import { createConsentStore, type ConsentStore } from '../../src/core';
import { ConsentProvider } from '../../src/react';
import { connexxPolicy } from '../../stories/fixtures/connexx-policy';

type Id = 'essential' | 'performance' | 'functional' | 'targeting';
const title = 'Directions to the clinic (Google Maps)';
const renderFrame = (store: ConsentStore<Id> = createConsentStore({ policy: connexxPolicy })) => ({
  store,
  ...render(
    <ConsentProvider store={store}>
      <ConsentFrame category="functional" src="https://maps.example/embed?q=clinic" title={title} allow="fullscreen" className="map" />
    </ConsentProvider>,
  ),
});

describe('ConsentFrame, given no decision yet', () => {
  it('creates no iframe, and shows a placeholder named after the service', async () => {
    const { container } = renderFrame();
    expect(container.querySelector('iframe')).toBeNull();
    const placeholder = screen.getByRole('group', { name: title });
    expect(placeholder).toHaveTextContent('This content is hidden because it uses Functional Cookies, which you have not allowed.');
    expect(within(placeholder).getByRole('button', { name: 'Allow Functional Cookies' })).toBeInTheDocument();
    expect((await axe(container)).violations).toEqual([]);
  });

  it('allows just that category from the placeholder, then shows the frame', async () => {
    const { store } = renderFrame();
    await userEvent.click(screen.getByRole('button', { name: 'Allow Functional Cookies' }));
    expect(store.getState().choices).toMatchObject({ functional: true, performance: false, targeting: false });
    const frame = screen.getByTitle(title);
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('src', 'https://maps.example/embed?q=clinic');
    expect(frame).toHaveAttribute('allow', 'fullscreen');
    expect(screen.queryByRole('group', { name: title })).toBeNull();
  });

  it('shows the host\'s own placeholder text', () => {
    render(
      <ConsentProvider store={createConsentStore({ policy: connexxPolicy })}>
        <ConsentFrame category="functional" src="https://video.example/1" title="Care plan video" placeholder="Watch it once you allow Functional Cookies." />
      </ConsentProvider>,
    );
    expect(screen.getByRole('group', { name: 'Care plan video' })).toHaveTextContent('Watch it once you allow Functional Cookies.');
  });
});

describe('ConsentFrame, given the category is granted', () => {
  it('renders the iframe at once, with its props and ref, and removes it on withdrawal', () => {
    const store = createConsentStore({ policy: connexxPolicy });
    store.acceptAll();
    const ref = createRef<HTMLIFrameElement>();
    render(
      <ConsentProvider store={store}>
        <ConsentFrame ref={ref} category="functional" src="https://maps.example/embed" title={title} />
      </ConsentProvider>,
    );
    expect(ref.current).toBe(screen.getByTitle(title));
    act(() => store.setCategory('functional', false));
    expect(ref.current).toBeNull();
    expect(screen.getByRole('group', { name: title })).toBeInTheDocument();
  });
});
