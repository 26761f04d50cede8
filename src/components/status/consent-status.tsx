'use client';

import { forwardRef, type HTMLAttributes } from 'react';
import { optionalCategories } from '../../core';
import { useStoreFromContext } from '../../react/context';
import { useConsent, useOptOutHonored, useSignalHonored } from '../../react/hooks';
import { enStatus } from '../../i18n/en';
import { useLocale, useSectionMessages } from '../../react/messages';
import { cx, partClass } from '../utils';

export interface ConsentStatusProps extends HTMLAttributes<HTMLDivElement> {
  /**
   * Read each change out to screen readers (a polite live region). Off by default: the banner
   * already confirms a decision, and a second voice reading the whole list interrupts it.
   */
  announce?: boolean;
  unstyled?: boolean;
}

/**
 * "Current preferences:" and each optional category's state in force on this page, kept up to
 * date (read out on change only with `announce`). Reads
 * the store's server snapshot during hydration, so the server's first HTML already shows it.
 */
export const ConsentStatus = /* @__PURE__ */ forwardRef<HTMLDivElement, ConsentStatusProps>(function ConsentStatus(
  { announce, unstyled, className, ...rest },
  ref,
) {
  const store = useStoreFromContext('ConsentStatus');
  const status = useConsent((s) => s.status);
  const choices = useConsent((s) => s.choices);
  // What the visitor chose, where this page keeps it off (a sensitive page): "Off on this page",
  // so the status and the dialog's switches do not seem to disagree.
  const chosen = useConsent((s) => s.record?.choices);
  // A sale-or-share category an honoured opt-out signal keeps off is simply off, on every page, as
  // it reads once the signal is recorded as a decision after hydration.
  const signalled = useSignalHonored();
  const t = useSectionMessages('status', enStatus);
  // Under the US regimes categories are in force before any decision: the list says so.
  const pending = useConsent((s) => s.status == 'pending' && s.regime == 'opt-in');
  const honored = useOptOutHonored();
  return (
    <div ref={ref} aria-live={announce ? 'polite' : undefined} lang={useLocale()} data-part="status" data-pending={status == 'pending' ? '' : undefined} className={cx(partClass('status', unstyled), className)} {...rest}>
      <p data-part="status-label">{t.label}</p>
      {pending ? (
        <p data-part="status-pending">{t.pending}</p>
      ) : (
        <ul data-part="status-list">
          {optionalCategories(store.policy).map((c) => (
            <li key={c.id} data-part="status-item" data-state={choices[c.id] ? 'checked' : 'unchecked'}>
              {`${t.item(c.title)} `}
              <strong>{choices[c.id] ? t.on : chosen?.[c.id] && !(signalled && c.saleOrShare) ? t.offHere : t.off}</strong>
            </li>
          ))}
        </ul>
      )}
      {honored && <p data-part="status-signal">{t.signalHonored}</p>}
    </div>
  );
});
