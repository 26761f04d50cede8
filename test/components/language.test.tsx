import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConsentGate,
  ConsentProvider,
  ConsentStatus,
  CookieBanner,
  CookieSettingsButton,
  createConsentStore,
  PolicySections,
  PreferencesDialog,
  type Messages,
} from '../../src';
import { de } from '../../src/i18n/de';
import { fr } from '../../src/i18n/fr';
import { connexxPage, connexxPolicy } from '../../stories/fixtures/connexx-policy';

/** The language a screen reader would read `element`'s text in: the nearest `lang`. */
const languageOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang');

// The host's page is English; the library's text comes from another catalogue.
beforeEach(() => document.documentElement.setAttribute('lang', 'en'));
afterEach(() => document.documentElement.removeAttribute('lang'));

function renderKit(messages?: Messages) {
  const store = createConsentStore({ policy: connexxPolicy });
  render(
    <ConsentProvider store={store} messages={messages}>
      <CookieBanner />
      <main>
        <h1>Connexx</h1>
        <PolicySections content={connexxPage} headingLevel={2} />
        <ConsentStatus />
        <CookieSettingsButton asChild>
          <a href="#settings">Host link</a>
        </CookieSettingsButton>
        <ConsentGate category="functional">
          <p>Video</p>
        </ConsentGate>
      </main>
      <PreferencesDialog />
    </ConsentProvider>,
  );
  return store;
}

describe.each([
  ['German', de],
  ['French', fr],
] as const)('the library parts with the %s catalogue on an English page', (_, catalogue) => {
  it(`mark the text they render as ${catalogue.locale}, so it is not read with English rules`, () => {
    const store = renderKit(catalogue);
    const texts = [
      screen.getByRole('region', { name: catalogue.banner.label }),
      screen.getByRole('button', { name: catalogue.banner.acceptAll }),
      screen.getByRole('heading', { name: catalogue.policy.title }),
      screen.getByRole('heading', { name: catalogue.policy.overview.title }),
      // The policy page's own status, table and settings button, and a status on its own.
      ...screen.getAllByText(catalogue.status.label.replace(/\s+/g, ' ')),
      screen.getAllByRole('button', { name: catalogue.settingsButton })[0]!,
      screen.getByRole('columnheader', { name: catalogue.table.provider }),
      screen.getByRole('button', { name: catalogue.gate.allow('Functional Cookies') }),
    ];
    for (const text of texts) expect(languageOf(text), text.textContent ?? '').toBe(catalogue.locale);
    act(() => store.openPreferences());
    const dialog = screen.getByRole('dialog', { name: catalogue.dialog.title });
    expect(languageOf(dialog)).toBe(catalogue.locale);
    expect(languageOf(screen.getByRole('button', { name: catalogue.dialog.save }))).toBe(catalogue.locale);
  });

  it("leaves the host's own text inside a part in the page's language", () => {
    renderKit(catalogue);
    expect(languageOf(screen.getByRole('link', { name: 'Host link' }))).toBe('en');
    expect(languageOf(screen.getByRole('heading', { name: 'Connexx' }))).toBe('en');
  });
});

describe('the library parts with no catalogue (English)', () => {
  it('mark their text as English, on a page in any language', () => {
    document.documentElement.setAttribute('lang', 'de');
    renderKit();
    expect(languageOf(screen.getByRole('button', { name: 'Accept all' }))).toBe('en');
    expect(languageOf(screen.getAllByText('Current preferences:').at(-1)!)).toBe('en');
  });
});

describe('the library parts with overrides that name no language', () => {
  it("take the page's language, since nothing says the text is English", () => {
    const store = createConsentStore({ policy: connexxPolicy });
    render(
      <ConsentProvider store={store} messages={{ banner: { acceptAll: 'Alles accepteren' } }}>
        <CookieBanner />
      </ConsentProvider>,
    );
    expect(languageOf(screen.getByRole('button', { name: 'Alles accepteren' }))).toBe('en');
    expect(screen.getByRole('region', { name: 'Cookie consent' })).not.toHaveAttribute('lang');
  });
});
