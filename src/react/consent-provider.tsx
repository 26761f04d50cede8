import { useMemo, useRef, useState, type ReactNode } from 'react';
import { createConsentStore, type ConsentStore, type ConsentStoreOptions } from '../core';
import { en } from '../i18n/en';
import { mergeMessages, type MessageOverrides } from '../i18n/types';
import { StoreContext } from './context';
import { MessagesContext } from './messages';

type OwnStoreProps<Id extends string> = ConsentStoreOptions<Id> & { store?: never };
type SharedStoreProps<Id extends string> = { store: ConsentStore<Id>; policy?: never };

export type ConsentProviderProps<Id extends string = string> = (OwnStoreProps<Id> | SharedStoreProps<Id>) & {
  /** A catalogue (`import { de } from '@connexx/consent-ui/i18n/de'`) or overrides of English strings. */
  messages?: MessageOverrides;
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
  const catalogue = useMemo(() => mergeMessages(en, messages), [messages]);
  return (
    <StoreContext.Provider value={store}>
      <MessagesContext.Provider value={catalogue}>{children}</MessagesContext.Provider>
    </StoreContext.Provider>
  );
}
