'use client';

import { Slot } from '@radix-ui/react-slot';
import { forwardRef, type ButtonHTMLAttributes, type MouseEvent } from 'react';
import { useStoreFromContext } from '../../react/context';
import { enSettingsButton } from '../../i18n/en';
import { useSectionMessages } from '../../react/messages';
import { cx, partClass } from '../utils';

export interface CookieSettingsButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Render the host's own element (e.g. a footer link styled as a button) instead of `<button>`. */
  asChild?: boolean;
  unstyled?: boolean;
}

/** Reopens the preferences dialog from anywhere, e.g. the footer. Default text "Cookie Settings". */
export const CookieSettingsButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, CookieSettingsButtonProps>(function CookieSettingsButton(
  { asChild, unstyled, className, onClick, children, ...rest },
  ref,
) {
  const store = useStoreFromContext('CookieSettingsButton');
  const label = useSectionMessages('settingsButton', enSettingsButton);
  const Component = asChild ? Slot : 'button';
  return (
    <Component
      ref={ref}
      type={asChild ? undefined : 'button'}
      aria-haspopup="dialog"
      data-part="settings-button"
      className={cx(partClass('settings-button', unstyled), className)}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (event.defaultPrevented) return;
        store.openPreferences();
        // A host's <a href="/cookie-settings"> (asChild) is the fallback without JavaScript; with it, the dialog opens instead.
        event.preventDefault();
      }}
      {...rest}
    >
      {children ?? label}
    </Component>
  );
});
