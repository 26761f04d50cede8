import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsentStore, firePixel } from '../../src/core';
import { policy } from '../fixtures/policies';
import { setLocation } from './enforcement-fakes';
import { installFakeBrowser, type FakeBrowser } from './fake-browser';

let browser: FakeBrowser;
let requested: string[];
beforeEach(() => {
  browser = installFakeBrowser();
  setLocation('/', 'www.example.com');
  requested = [];
  // An image requests its src the moment it is set, as in a browser.
  (globalThis as { Image?: unknown }).Image = class {
    set src(url: string) {
      requested.push(url);
    }
  };
});
afterEach(() => {
  browser.restore();
  delete (globalThis as { Image?: unknown }).Image;
});

describe('firePixel, given no decision yet', () => {
  it('requests nothing until the category is granted, then exactly once', () => {
    const store = createConsentStore({ policy });
    firePixel(store, { category: 'targeting', src: 'https://ads.example/px?e=signup' });
    store.setCategory('performance', true);
    expect(requested).toEqual([]);
    store.acceptAll();
    store.rejectAll();
    store.acceptAll();
    expect(requested).toEqual(['https://ads.example/px?e=signup']);
  });

  it('requests nothing after the page stops waiting', () => {
    const store = createConsentStore({ policy });
    firePixel(store, { category: 'targeting', src: 'https://ads.example/px' })();
    store.acceptAll();
    expect(requested).toEqual([]);
  });

  it('requests nothing on a sensitive page, whatever is granted', () => {
    const store = createConsentStore({ policy, sensitive: true });
    store.acceptAll();
    firePixel(store, { category: 'targeting', src: 'https://ads.example/px' });
    expect(requested).toEqual([]);
  });
});

describe('firePixel, given the category is granted', () => {
  it('requests the pixel at once, once per call', () => {
    const store = createConsentStore({ policy });
    store.acceptAll();
    firePixel(store, { category: 'targeting', src: 'https://ads.example/a' });
    firePixel(store, { category: 'targeting', src: 'https://ads.example/a' });
    expect(requested).toEqual(['https://ads.example/a', 'https://ads.example/a']);
  });

  it('names the policy\'s ids for an unknown category', () => {
    expect(() => firePixel(createConsentStore({ policy }), { category: 'ads' as 'targeting', src: '/px' })).toThrow(/no category "ads"; it has essential/);
  });
});
