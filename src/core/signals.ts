import type { ConsentSignals } from './record';

/** Reads Global Privacy Control and Do Not Track. Undefined, or no navigator (server), means false. */
export function readSignals(): ConsentSignals {
  const nav = globalThis.navigator as (Navigator & { globalPrivacyControl?: unknown }) | undefined;
  return {
    gpc: nav?.globalPrivacyControl === true,
    dnt: nav?.doNotTrack === '1',
  };
}
