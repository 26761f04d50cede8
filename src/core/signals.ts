import type { ConsentSignals } from './record';

/** Reads Global Privacy Control and Do Not Track. Undefined, or no navigator (server), means false. */
export function readSignals(): ConsentSignals {
  const nav = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { globalPrivacyControl?: unknown });
  return {
    gpc: nav?.globalPrivacyControl === true,
    dnt: nav?.doNotTrack === '1',
  };
}
