import type { Decorator } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { createConsentStore, decodeRecord, parseCookieHeader, type ConsentStore, type ConsentStoreOptions, type CookieOptions } from '../../src/core';
import { ConsentProvider } from '../../src/react';
import { connexxPolicy } from '../fixtures/connexx-policy';
import { useStoryMessages } from './locale';
import './stage.css';

export type ConnexxId = (typeof connexxPolicy.categories)[number]['id'];

/** Store options a story sets with `parameters: { consentStore: { sensitive: true } }`. */
export type StoryStoreOptions = Omit<ConsentStoreOptions<ConnexxId>, 'policy' | 'cookie'>;

/**
 * Each component story keeps its decision in a cookie of its own. The stories of a docs page render
 * side by side and would otherwise read one another's decisions, and a reader's choice on the page
 * story (the real `cookie_consent`) survives a tour of the component stories.
 */
export const storyCookie = (storyId: string): CookieOptions => ({ name: `cc_story_${storyId.replace(/[^\w-]/g, '_')}` });

/** A meta-level `beforeEach`: every story starts as a first visit unless its own `beforeEach` decides. */
export function firstVisit({ id }: { id: string }): void {
  document.cookie = `${storyCookie(id).name}=; Path=/; Max-Age=0`;
}

/** A story-level `beforeEach` that stores a decision before the story renders, as an earlier visit would have. */
export const decided =
  (decide: (store: ConsentStore<ConnexxId>) => void) =>
  ({ id }: { id: string }): void => {
    const store = createConsentStore({ policy: connexxPolicy, cookie: storyCookie(id) });
    decide(store);
    store.destroy();
  };

/**
 * A `beforeEach` that turns Global Privacy Control on (the store reads it once, when created) and
 * takes it away again when the story is left.
 */
export function globalPrivacyControl(): () => void {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
  return () => {
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  };
}

/**
 * Docs parameters for a story that changes the whole document (a theme or direction on <html>,
 * a browser signal on navigator): in the docs it gets a frame of its own, so it neither restyles
 * the page around it nor leaks into the stories next to it.
 */
export const ownFrame = (iframeHeight = 440) => ({ docs: { story: { inline: false, iframeHeight } } });

/** The decision stored in the story's cookie, as the next page load would read it. */
export const storedDecision = (storyId: string) =>
  decodeRecord(parseCookieHeader(document.cookie).get(storyCookie(storyId).name!), connexxPolicy);

/** A fresh store per story, over the Connexx policy, in the toolbar's language. */
export const withConsent: Decorator = (Story, context) => {
  const messages = useStoryMessages();
  const options = context.parameters.consentStore as StoryStoreOptions | undefined;
  // The toolbar's jurisdiction, unless the story names its own; a new one makes a new store.
  const jurisdiction = (context.globals.jurisdiction as string | undefined) || undefined;
  return (
    <ConsentProvider key={`${context.id}:${jurisdiction}`} policy={connexxPolicy} cookie={storyCookie(context.id)} messages={messages} jurisdiction={jurisdiction} {...options}>
      <Story />
    </ConsentProvider>
  );
};

/**
 * A stand-in page behind a banner. It is the containing block of the banner's `position: fixed`,
 * so in the docs each banner sits at the foot of its own preview instead of all at the window's.
 */
export const withPage: Decorator = (Story, { viewMode }) => (
  <StagePage docs={viewMode === 'docs'}>
    <Story />
  </StagePage>
);

function StagePage({ docs, children }: { docs: boolean; children: ReactNode }) {
  return (
    <div className="sb-stage" data-docs={docs ? '' : undefined}>
      {children}
      <div className="sb-stage-page">
        <p className="sb-stage-brand">Connexx</p>
        <h1 className="sb-stage-title">Your care team, in one place</h1>
        <p>
          Book visits, message your clinicians and see your care plan. Optional cookies stay off until you choose; the site
          works the same either way.
        </p>
        <p>
          <a href="#appointments">Book an appointment</a>
        </p>
      </div>
    </div>
  );
}

/** Lays a story on the page surface the stage CSS styles. */
export const withSurface: Decorator = (Story) => (
  <div className="sb-surface">
    <Story />
  </div>
);
