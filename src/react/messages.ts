'use client';

import { createContext, useContext, useMemo } from 'react';
import { mergeDeep, type MessageOverrides, type Messages } from '../i18n/types';

/** The provider's `messages`: a whole catalogue or some overrides of English. */
export const MessagesContext = /* @__PURE__ */ createContext<MessageOverrides | undefined>(undefined);

type Section = Exclude<keyof Messages, 'locale'>;

/**
 * One section of the catalogue. The caller passes the English defaults of just that section, so a
 * bundle carries only the text of the parts it renders.
 */
export function useSectionMessages<K extends Section>(section: K, defaults: Messages[K]): Messages[K] {
  const overrides = useContext(MessagesContext);
  const override = overrides?.[section];
  return useMemo(() => mergeDeep(defaults, override), [defaults, override]);
}

/**
 * The language of the text the parts render, for their `lang` (WCAG 3.1.2): English without
 * `messages`, the catalogue's `locale` with one, and none (the page's language) for overrides that
 * do not say which language they are in.
 */
export function useLocale(): string | undefined {
  const overrides = useContext(MessagesContext);
  return overrides ? overrides.locale : 'en';
}
