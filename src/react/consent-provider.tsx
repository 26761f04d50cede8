import { useEffect, useRef, useState, type ReactNode } from 'react';
import { connectCookieCleaner, connectSync, createConsentStore, type ConsentConnector, type ConsentStore, type ConsentStoreOptions } from '../core';
import type { MessageOverrides } from '../i18n/types';
import { StoreContext } from './context';
import { MessagesContext } from './messages';

type OwnStoreProps<Id extends string> = ConsentStoreOptions<Id> & { store?: never };
type SharedStoreProps<Id extends string> = { store: ConsentStore<Id>; policy?: never };

export type ConsentProviderProps<Id extends string = string> = (OwnStoreProps<Id> | SharedStoreProps<Id>) & {
  /** A catalogue (`import { de } from '@connexx/consent-ui/i18n/de'`) or overrides of English strings. */
  messages?: MessageOverrides;
  /** Consent receipts: `receipts={consentReceipts({ endpoint: '/api/consent' })}`. */
  receipts?: ConsentConnector;
  /** Keep other tabs in step with a decision made here. Default true. */
  syncTabs?: boolean;
  /** Delete a category's first-party cookies when it is withdrawn. Default true. */
  clearCookies?: boolean;
  children?: ReactNode;
};

/**
 * Holds one consent store for the tree below: the one passed as `store`, or one created from the
 * other props on first render. Options are read once per mount (remount with a `key` to change
 * them); `onChange` always calls the latest function passed.
 */
export function ConsentProvider<Id extends string>(props: ConsentProviderProps<Id>) {
  const { messages, children } = props;
  const onChange = useRef((props as OwnStoreProps<Id>).onChange);
  onChange.current = (props as OwnStoreProps<Id>).onChange;
  const [owned] = useState(() =>
    props.store
      ? null
      : createConsentStore({ ...(props as OwnStoreProps<Id>), onChange: (record, previous) => onChange.current?.(record, previous) }),
  );
  const store = (props.store ?? owned) as ConsentStore;
  // Enforcement runs in the browser only (effects), and reconnects cleanly under StrictMode.
  useEffect(() => {
    const { syncTabs = true, clearCookies = true, receipts } = props;
    const disconnect = [
      clearCookies && connectCookieCleaner(store, { consentCookieName: store.cookieName }),
      syncTabs && connectSync(store),
      receipts?.(store),
    ];
    return () => disconnect.forEach((off) => off && off());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>
    </StoreContext.Provider>
  );
}
