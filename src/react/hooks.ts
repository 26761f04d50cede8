'use client';

import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import { categoryOf, type CategoryDefinition, type ConsentState, type ConsentStore } from '../core';
import { useStoreFromContext, type RegisteredId } from './context';

export type ConsentActions<Id extends string = RegisteredId> = Pick<
  ConsentStore<Id>,
  'acceptAll' | 'rejectAll' | 'optOut' | 'save' | 'setCategory' | 'reset' | 'openPreferences' | 'closePreferences'
>;

export type UseConsentResult<Id extends string = RegisteredId> = ConsentState<Id> & ConsentActions<Id>;

function useStoreSelector<Id extends string, T>(store: ConsentStore<Id>, selector: (state: ConsentState<Id>) => T): T {
  // The same selection for the same state and selector: a selector that builds a new object
  // (`s => ({ status: s.status })`) must not look like a change on every read, which loops.
  const last = useRef<[ConsentState<Id>?, unknown?, T?]>([]);
  const pick = (state: ConsentState<Id>) => {
    let seen = last.current;
    if (seen[0] !== state || seen[1] !== selector) seen = last.current = [state, selector, selector(state)];
    return seen[2] as T;
  };
  return useSyncExternalStore(store.subscribe, () => pick(store.getState()), () => pick(store.getServerState()));
}

/**
 * The consent state and actions. With a selector, returns that slice and re-renders only when it
 * changes (compared with `Object.is`: a selector that builds a new object works, but re-renders on
 * every change of the state, so return a primitive or a value kept in the state where you can).
 */
export function useConsent<Id extends string = RegisteredId>(): UseConsentResult<Id>;
export function useConsent<T, Id extends string = RegisteredId>(selector: (state: ConsentState<Id>) => T): T;
export function useConsent<T, Id extends string>(selector?: (state: ConsentState<Id>) => T) {
  const store = useStoreFromContext<Id>('useConsent');
  const slice = useStoreSelector<Id, unknown>(store, selector ?? ((state) => state));
  const { acceptAll, rejectAll, optOut, save, setCategory, reset, openPreferences, closePreferences } = store;
  // The store's methods are stable closures.
  return useMemo(
    () =>
      selector ? slice : { ...(slice as ConsentState<Id>), acceptAll, rejectAll, optOut, save, setCategory, reset, openPreferences, closePreferences },
    [slice, store, selector === undefined],
  );
}

export interface UseCookieCategoryResult<Id extends string = RegisteredId> {
  granted: boolean;
  required: boolean;
  category: Readonly<CategoryDefinition<Id>>;
  setGranted(granted: boolean): void;
}

/** One category: re-renders only when that category's choice changes. */
export function useCookieCategory<Id extends RegisteredId>(id: Id): UseCookieCategoryResult<Id> {
  const store = useStoreFromContext<Id>('useCookieCategory');
  const category = categoryOf(store.policy, id, 'useCookieCategory');
  const granted = useStoreSelector(store, (state) => state.choices[id]);
  const setGranted = useCallback((value: boolean) => store.setCategory(id, value), [store, id]);
  return useMemo(
    () => ({ granted, required: !!category.required, category, setGranted }),
    [granted, category, setGranted],
  );
}

/** Whether the browser sends an opt-out signal this store honours (GPC, or DNT when asked to). Internal. */
export const useSignalHonored = () => {
  const store = useStoreFromContext('useSignalHonored');
  return useConsent((s) => (s.signals.gpc && store.respectGlobalPrivacyControl) || (s.signals.dnt && store.respectDoNotTrack));
};

/**
 * Whether "Opt-Out Request Honored" is true (CCPA 7025(c)(6)): the browser sends a signal this
 * store honours and every sale-or-share category is off. A visitor who switched one back on
 * overrides the signal, and the words would then be false. Internal.
 */
export const useOptOutHonored = () => {
  const { policy } = useStoreFromContext('useOptOutHonored');
  const signalled = useSignalHonored();
  const allOff = useConsent((s) => {
    const sold = policy.categories.filter((c) => c.saleOrShare);
    return sold.length > 0 && sold.every((c) => !s.choices[c.id]);
  });
  return signalled && allOff;
};
