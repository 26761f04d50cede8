import type { Decorator, Preview } from '@storybook/react-vite';
import { useEffect } from 'react';
import { de } from '../src/i18n/de';
import { es } from '../src/i18n/es';
import { fr } from '../src/i18n/fr';
import { StoryLocale } from '../stories/support/locale';
import '../src/styles/index.css';
import './brand.css';

const catalogues = { en: undefined, de, fr, es };
const THEMES = { light: 'cc-light', dark: 'cc-dark', brand: 'cc-brand' } as const;

/** The toolbar's theme and direction apply to <html>, where the tokens and the dialog's portal live. */
const withTheme: Decorator = (Story, context) => {
  const theme = (context.parameters.theme ?? context.globals.theme ?? 'light') as keyof typeof THEMES;
  const dir = (context.parameters.dir ?? context.globals.dir ?? 'ltr') as string;
  useEffect(() => {
    const root = document.documentElement;
    root.classList.remove(...Object.values(THEMES));
    root.classList.add(THEMES[theme]);
    root.dir = dir;
    document.body.style.background = theme === 'light' ? '' : 'var(--cc-color-bg)';
    document.body.style.color = 'var(--cc-color-text)';
  }, [theme, dir]);
  return <Story />;
};

const withLocale: Decorator = (Story, context) => (
  <StoryLocale.Provider value={catalogues[(context.globals.locale ?? 'en') as keyof typeof catalogues]}>
    <Story />
  </StoryLocale.Provider>
);

// "Reset consent" replays the first visit: the stored decision is deleted before the story renders.
const withConsentReset: Decorator = (Story, context) => {
  if (context.globals.consent === 'reset') document.cookie = 'cookie_consent=; Path=/; Max-Age=0';
  return <Story />;
};

const preview: Preview = {
  decorators: [withTheme, withLocale, withConsentReset],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['light', 'dark', 'brand'], dynamicTitle: true },
    },
    locale: {
      description: 'Message catalogue',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
    consent: {
      description: 'Stored consent',
      toolbar: {
        title: 'Consent',
        icon: 'lock',
        items: [
          { value: 'keep', title: 'Keep the stored decision' },
          { value: 'reset', title: 'Reset consent (replay the first visit)' },
        ],
        dynamicTitle: true,
      },
    },
    jurisdiction: {
      description: "The visitor's jurisdiction, which picks the consent regime (see Guides / Jurisdictions)",
      toolbar: {
        title: 'Jurisdiction',
        icon: 'globe',
        items: [
          { value: '', title: 'Unknown (opt-in)' },
          { value: 'DE', title: 'EU: Germany (opt-in)' },
          { value: 'US-CA', title: 'US-CA: California (opt-out)' },
          { value: 'US-WA', title: 'US-WA: Washington (health-data)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', dir: 'ltr', consent: 'keep', jurisdiction: '' },
  parameters: {
    // Every story is also a test in Chromium, and an axe violation fails it.
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { toc: true },
    options: {
      storySort: { order: ['Introduction', 'Pages', 'Components', 'Hooks', 'Guides'] },
    },
  },
};

export default preview;
