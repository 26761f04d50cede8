'use client';

import { useSyncExternalStore } from 'react';
import type { ConsentStore } from '../core';
import { useStoreFromContext } from './context';
import { rootStores } from './sensitive';

/**
 * Whether a store's preferences dialog shows: UI state, kept here in the React layer and apart
 * from the consent state, as Ariakit keeps a dialog's own store. The store's `openPreferences` /
 * `closePreferences` come here; a mounted `PreferencesDialog` takes them as requests (`dialog`)
 * and reports what it shows (`setOpen`); with none mounted, a request is what shows.
 */
export interface Preferences {
  open: boolean;
  dialog?: (open: boolean) => void;
  setOpen(open: boolean): void;
  subscribe(listener: () => void): () => void;
}

const kept = new WeakMap<ConsentStore, Preferences>();

export function preferencesOf(view: ConsentStore): Preferences {
  // One dialog per provider: a SensitivePage's view of the store shares its root's.
  const store = rootStores.get(view) ?? view;
  let preferences = kept.get(store);
  if (!preferences) {
    const listeners = new Set<() => void>();
    const p: Preferences = {
      open: false,
      setOpen(open) {
        if (open === p.open) return;
        p.open = open;
        listeners.forEach((listener) => listener());
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    p.open = store.handlePreferences((open) => (p.dialog ?? p.setOpen)(open));
    kept.set(store, (preferences = p));
  }
  return preferences;
}

/** Whether the preferences dialog shows, e.g. to hide a host's own banner meanwhile. */
export function usePreferencesOpen(): boolean {
  const preferences = preferencesOf(useStoreFromContext('usePreferencesOpen'));
  return useSyncExternalStore(preferences.subscribe, () => preferences.open, () => false);
}
