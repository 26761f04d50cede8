'use client';

import type { ReactNode } from 'react';
import { useCookieCategory } from '../../react/hooks';
import { enGate } from '../../i18n/en';
import { useLocale, useSectionMessages } from '../../react/messages';
import type { RegisteredId } from '../../react/context';

export interface ConsentGateProps<Id extends RegisteredId = RegisteredId> {
  category: Id;
  children?: ReactNode;
  /** Shown while the category is not granted. Default: what is blocked, and a button that allows just it. */
  fallback?: ReactNode;
  /** The default fallback without the library's classes: structure and data-part hooks only. */
  unstyled?: boolean;
}

/** Renders its children only while `category` is granted. */
export function ConsentGate<Id extends RegisteredId>({ category, children, fallback, unstyled }: ConsentGateProps<Id>) {
  const { granted, category: definition, setGranted } = useCookieCategory(category);
  const t = useSectionMessages('gate', enGate);
  const lang = useLocale();
  if (granted) return <>{children}</>;
  if (fallback !== undefined) return <>{fallback}</>;
  return (
    <div data-part="gate" lang={lang} data-category={category} className={unstyled ? undefined : 'cc-gate'}>
      <p data-part="gate-message">{t.blocked(definition.title)}</p>
      <button type="button" data-part="gate-allow" className={unstyled ? undefined : 'cc-button'} onClick={() => setGranted(true)}>
        {t.allow(definition.title)}
      </button>
    </div>
  );
}
