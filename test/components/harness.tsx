import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { axe } from 'vitest-axe';
import { createConsentStore, decodeRecord, type ConsentStoreOptions } from '../../src/core';
import { ConsentProvider } from '../../src/react';
import type { MessageOverrides } from '../../src/i18n';
import { policy } from '../fixtures/policies';

export type Id = 'essential' | 'performance' | 'functional' | 'targeting';

/** Renders `ui` inside a provider over a fresh store, as a first visit unless the cookie says otherwise. */
export function renderWithConsent(
  ui: ReactNode,
  { messages, ...options }: Partial<ConsentStoreOptions<Id>> & { messages?: MessageOverrides } = {},
) {
  const store = createConsentStore<Id>({ policy, ...options });
  const user = userEvent.setup();
  const view = render(
    <ConsentProvider store={store} messages={messages}>
      <main>
        <h1>Patient portal</h1>
        <a href="#records">Medical records</a>
        {ui}
      </main>
    </ConsentProvider>,
  );
  return { ...view, store, user };
}

/** The decision in the consent cookie, as the next page load would read it. */
export const storedDecision = () =>
  decodeRecord(
    document.cookie
      .split('; ')
      .find((c) => c.startsWith('cookie_consent='))
      ?.slice('cookie_consent='.length),
    policy,
  );

export async function axeViolations(element: Element = document.body) {
  return (await axe(element)).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
