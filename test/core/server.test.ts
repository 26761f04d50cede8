import { describe, expect, it } from 'vitest';
import { activateScripts, connectCookieCleaner, connectGoogleConsentMode, connectSync, createConsentStore, loadScript } from '../../src/core';
import { policy } from '../fixtures/policies';
import { storedValue, type Id } from './enforcement-fakes';

describe('the enforcement parts, called while rendering on the server', () => {
  const decided = () => createConsentStore<Id>({ policy, initialCookieHeader: `cookie_consent=${storedValue({ performance: true })}` });

  it('have no document here, and the decision is read from the request', () => {
    expect(typeof document).toBe('undefined');
    expect(decided().getState().choices.performance).toBe(true);
  });

  it('never throw, whether consent is given or not, and each returns a stop function', () => {
    for (const store of [decided(), createConsentStore<Id>({ policy })]) {
      const stops = [
        loadScript(store, { category: 'performance', src: '/analytics.js' }),
        activateScripts(store),
        connectGoogleConsentMode(store),
        connectCookieCleaner(store),
        connectSync(store),
      ];
      expect(() => store.acceptAll()).not.toThrow();
      stops.forEach((stop) => expect(stop).not.toThrow());
    }
  });
});
