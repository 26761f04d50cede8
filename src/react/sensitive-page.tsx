'use client';

import { useMemo, type ReactNode } from 'react';
import { optionalCategories, type ConsentState, type ConsentStore } from '../core';
import { StoreContext, useIsomorphicLayoutEffect, useStoreFromContext, type RegisteredId } from './context';
import { markSensitive, rootStores, SENSITIVE_META } from './sensitive';

export interface SensitivePageProps<Id extends RegisteredId = RegisteredId> {
  /** The categories this page keeps off whatever the visitor allowed. Default: every optional one. */
  categories?: readonly Id[];
  children?: ReactNode;
}

// The provider's store as this page sees it: the blocked categories off. Derived, never stored, so
// the server's HTML and hydration agree, and the page's own parts are right from the first render.
function sensitiveView(store: ConsentStore, blocked: readonly string[]): ConsentStore {
  const seen = new WeakMap<ConsentState, ConsentState>();
  const view = (state: ConsentState) => {
    let masked = seen.get(state);
    if (!masked) {
      const choices = { ...state.choices };
      for (const id of blocked) choices[id] = false;
      seen.set(state, (masked = { ...state, choices }));
    }
    return masked;
  };
  const result = { ...store, getState: () => view(store.getState()), getServerState: () => view(store.getServerState()) };
  rootStores.set(result, rootStores.get(store) ?? store);
  return result;
}

/**
 * Marks the route it is rendered in as sensitive (an authenticated patient page: HHS guidance on
 * tracking technologies): the listed categories, or every optional one, are not in force while it
 * is mounted, for the whole provider (the root layout's scripts and Consent Mode too), whatever the
 * visitor allowed; the stored decision is left as it is. Put it in the route's layout or page,
 * around the page's content so that content is right in the server's first HTML.
 */
export function SensitivePage<Id extends RegisteredId>({ categories, children }: SensitivePageProps<Id>) {
  const store = useStoreFromContext<Id>('SensitivePage');
  const key = JSON.stringify(categories);
  const blocked = useMemo(
    () => (categories ?? optionalCategories(store.policy).map((c) => c.id)).filter((id) => store.policy.categories.some((c) => c.id === id && !c.required)),
    [store, key],
  );
  const view = useMemo(() => sensitiveView(store as ConsentStore, blocked), [store, blocked]);
  // A layout effect runs before every passive effect of the same commit, the root layout's
  // ConsentScript and GoogleConsentMode included, so they never see the page unblocked.
  useIsomorphicLayoutEffect(() => markSensitive(store, categories ?? true, true), [store, key]);
  return (
    <>
      <meta name={SENSITIVE_META} content={blocked.join(' ')} />
      <StoreContext.Provider value={view}>{children}</StoreContext.Provider>
    </>
  );
}
