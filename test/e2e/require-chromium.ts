import { requireChromium } from './chromium';

/** Vitest global setup of the browser projects: stop before any test runs if Chromium is missing. */
export default function setup() {
  requireChromium();
}
