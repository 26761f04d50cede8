'use client';

import { useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  connectCookieCleaner,
  connectCookieMonitor,
  connectSync,
  createConsentStore,
  type ConsentStore,
  type ConsentStoreOptions,
  type CookieMonitorOptions,
} from '../core';
import type { MessageOverrides } from '../i18n/types';
import { StoreContext, useIsomorphicLayoutEffect } from './context';
import { MessagesContext } from './messages';
import { markFromHtml, markSensitive } from './sensitive';

type OwnStoreProps<Id extends string> = ConsentStoreOptions<Id> & { store?: never };
type SharedStoreProps<Id extends string> = { store: ConsentStore<Id>; policy?: never };

export type ConsentProviderProps<Id extends string = string> = (OwnStoreProps<Id> | SharedStoreProps<Id>) & {
  /** A catalogue (`import { de } from '@connexx/consent-ui/i18n/de'`) or overrides of English strings. */
  messages?: MessageOverrides;
  /** Keep other tabs in step with a decision made here (`connectSync`). Default true. */
  syncTabs?: boolean;
  /**
   * Delete the first-party cookies of every category the visitor does not allow, on load and on
   * each change (`connectCookieCleaner`). Default true.
   */
  clearCookies?: boolean;
  /**
   * Development builds only: warn in the console about cookies and storage keys the policy does
   * not declare, or that belong to a category the visitor has not allowed (`connectCookieMonitor`).
   * Ignored, and left out of the bundle, in production builds. Default false.
   */
  monitorCookies?: boolean | CookieMonitorOptions;
  children?: ReactNode;
};

/**
 * Holds one consent store for the tree below: the one passed as `store`, or one created from the
 * other props on first render. Options are read once per mount (remount with a `key` to change
 * them), except that `sensitive` follows the prop (a client-side route change) and `onChange`
 * always calls the latest function passed.
 *
 * A provider inside another would leave the outer one's scripts and Consent Mode running whatever
 * it says: development refuses it; a production build shares the outer store instead, applying
 * this one's `sensitive` to it.
 */
export function ConsentProvider<Id extends string>(props: ConsentProviderProps<Id>) {
  const { messages, children } = props;
  const outer = useContext(StoreContext);
  if (outer && process.env.NODE_ENV !== 'production') {
    throw new Error(
      '[consent-ui] ConsentProvider inside another ConsentProvider: its store would not stop the outer one\'s scripts ' +
        'and Consent Mode. Keep one provider at the root, and mark a sensitive route with <SensitivePage> in its layout or page.',
    );
  }
  const onChange = useRef((props as OwnStoreProps<Id>).onChange);
  onChange.current = (props as OwnStoreProps<Id>).onChange;
  const [owned] = useState(() =>
    props.store || outer
      ? null
      : createConsentStore({ ...(props as OwnStoreProps<Id>), onChange: (record, previous) => onChange.current?.(record, previous) }),
  );
  const store = (outer ?? props.store ?? owned) as ConsentStore;
  // A client-side route change to or from a sensitive page. Not a store passed in: that is its
  // host's, which calls `setSensitive` itself, and must not have it undone (this prop is not even
  // allowed beside `store`). The store notifies only when what is in force changes, so an
  // unchanged value (the one it was made with) notifies nobody; the mark is renewed only when the
  // value changes (`key`: an inline array is new each render). A layout effect runs before every
  // passive effect of the new page's children (ConsentScript, useConsentEffect), so those never
  // see the previous page's choices. On the server effects do not run, and the store there is made
  // with the current value. SensitivePage marks add to this value (see ./sensitive).
  const sensitive = (props as OwnStoreProps<Id>).sensitive;
  const key = sensitive === true || (sensitive || undefined)?.join(' ');
  useIsomorphicLayoutEffect(() => (props.store ? undefined : markSensitive(store, sensitive, !!outer)), [key]);
  useIsomorphicLayoutEffect(() => (outer ? undefined : markFromHtml(store)), [store]);
  // The two enforcement parts every page needs are built in; the others are components rendered
  // inside (ConsentReceipts, GoogleConsentMode, ActivateScripts, ConsentScript). Enforcement runs
  // in the browser only (effects), and reconnects cleanly under StrictMode. Options are read once
  // per store (see above). The store starts (records what a browser signal decided) once
  // everything is connected: this effect runs after those of the children, so they hear it too.
  useEffect(() => {
    if (outer) return;
    const { syncTabs = true, clearCookies = true } = props;
    const disconnect = [clearCookies && connectCookieCleaner(store), syncTabs && connectSync(store)];
    // Read here only, so that a production build keeps nothing of the option.
    if (process.env.NODE_ENV !== 'production' && props.monitorCookies) {
      const { monitorCookies } = props;
      disconnect.push(connectCookieMonitor(store, monitorCookies === true ? {} : monitorCookies));
    }
    store.start();
    return () => disconnect.forEach((off) => off && off());
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>
    </StoreContext.Provider>
  );
}
