import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no ResizeObserver; Radix Switch and the banner observe sizes. Nothing resizes in jsdom,
// so an observer that never fires is faithful.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

afterEach(() => {
  cleanup();
  // Every test starts as a first visit: no cookie left behind by the previous one.
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]!.trim();
    if (name) document.cookie = `${name}=; Path=/; Max-Age=0`;
  }
});

// jsdom has no canvas; axe probes one for colour contrast and logs "Not implemented" otherwise.
// Contrast is judged in Chromium by the story tests.
HTMLCanvasElement.prototype.getContext = () => null;
