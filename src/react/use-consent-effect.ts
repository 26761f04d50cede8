import { useEffect, type EffectCallback } from 'react';
import { useStoreFromContext, type RegisteredId } from './context';
import { useConsent } from './hooks';

/**
 * Runs `effect` when `category` becomes granted (or on mount if it is), and its cleanup when the
 * category is withdrawn or on unmount: for third-party widgets started and stopped in code.
 */
export function useConsentEffect<Id extends RegisteredId>(category: Id, effect: EffectCallback): void {
  useStoreFromContext<Id>('useConsentEffect');
  const granted = useConsent<boolean, Id>((state) => state.choices[category]);
  // The effect of the render where the grant changed is the one to run; later renders' copies
  // of it must not restart it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => (granted ? effect() : undefined), [granted, category]);
}
