'use client';

import { forwardRef, type ButtonHTMLAttributes, type MouseEvent } from 'react';
import { useStoreFromContext } from '../../react/context';
import { useOptOutHonored } from '../../react/hooks';
import { enPrivacyChoices } from '../../i18n/en';
import { useLocale, useSectionMessages } from '../../react/messages';
import { cx, partClass } from '../utils';

export interface PrivacyChoicesLinkProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  unstyled?: boolean;
}

/**
 * "Your Privacy Choices" for the footer, with the California opt-out icon (drawn here, decorative:
 * the text names the control), opening the preferences dialog like `CookieSettingsButton`. While
 * the browser's Global Privacy Control keeps every sale-or-share category off, "Opt-Out Request
 * Honored" follows it (CCPA 7025(c)(6)), in the server's first HTML too when the provider is
 * given the request's `Sec-GPC` as `signals`.
 */
export const PrivacyChoicesLink = /* @__PURE__ */ forwardRef<HTMLButtonElement, PrivacyChoicesLinkProps>(function PrivacyChoicesLink(
  { unstyled, className, onClick, children, ...rest },
  ref,
) {
  const store = useStoreFromContext('PrivacyChoicesLink');
  const t = useSectionMessages('privacyChoices', enPrivacyChoices);
  const honored = useOptOutHonored();
  const lang = useLocale();
  return (
    <>
      <button
        ref={ref}
        type="button"
        aria-haspopup="dialog"
        lang={children == null ? lang : undefined}
        data-part="privacy-choices"
        className={cx(partClass('privacy-choices', unstyled), className)}
        onClick={(event: MouseEvent<HTMLButtonElement>) => {
          onClick?.(event);
          if (!event.defaultPrevented) store.openPreferences();
        }}
        {...rest}
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 30 14" width="30" height="14" data-part="privacy-choices-icon">
          <rect x="0.75" y="0.75" width="28.5" height="12.5" rx="6.25" fill="#fff" stroke="#06f" strokeWidth="1.5" />
          <path d="M16.5 0.75h6.25a6.25 6.25 0 0 1 0 12.5H12.5z" fill="#06f" />
          <path d="M5.5 7.1l2.3 2.3 4-4.6" fill="none" stroke="#06f" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M18.6 4.6l4.8 4.8m0-4.8l-4.8 4.8" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        {children ?? t.label}
      </button>
      {honored && (
        <span data-part="privacy-choices-signal" lang={lang} className={partClass('privacy-choices-signal', unstyled)}>
          {t.signalHonored}
        </span>
      )}
    </>
  );
});
