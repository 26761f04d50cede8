'use client';

import { useEffect, type EffectCallback } from 'react';
import { useStoreFromContext, type RegisteredId } from './context';
import { useConsent } from './hooks';

/**
 * Runs `effect` when `category` becomes granted (or on mount if it is), and its cleanup when the
 * category is withdrawn or on unmount: for third-party widgets started and stopped in code.
 */
export function useConsentEffect<Id extends RegisteredId>(category: Id, effect: EffectCallback): void {
  const store = useStoreFromContext<Id>('useConsentEffect');
  // `=== true`: `choices.toString` is a (truthy) function.
  const granted = useConsent<boolean, Id>((state) => state.choices[category] === true);
  // The effect of the render where the grant changed is the one to run; later renders' copies of
  // it must not restart it, hence `effect` is not a dependency. What was rendered can be behind
  // the store: hydration renders the server's state (a stale header, a withdrawal in another
  // tab), and a page can become sensitive since. The store has the last word; when it differs, a
  // render with its value follows.
  useEffect(() => (granted && store.getState().choices[category] === true ? effect() : undefined), [granted, category, store]);
}
