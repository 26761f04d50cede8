'use client';

import * as Dialog from '@radix-ui/react-dialog';
import * as Switch from '@radix-ui/react-switch';
import { useControllableState } from '@radix-ui/react-use-controllable-state';
import { forwardRef, useId, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { CategoryDefinition } from '../../core';
import { useIsomorphicLayoutEffect, useStoreFromContext } from '../../react/context';
import { useConsent, useOptOutHonored } from '../../react/hooks';
import { preferencesOf } from '../../react/preferences';
import { enDialog } from '../../i18n/en';
import { useLocale, useSectionMessages } from '../../react/messages';
import { CookieTable } from '../cookie-table/cookie-table';
import { cx, partClass } from '../utils';

export interface PreferencesDialogProps extends Omit<ComponentPropsWithoutRef<typeof Dialog.Content>, 'children'> {
  /** Controlled open state; without it the dialog opens and closes on requests (`store.openPreferences()`, Escape). */
  open?: boolean;
  /** Open on first mount (uncontrolled). */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** An element that opens the dialog, e.g. `<button>Cookie settings</button>`. */
  trigger?: ReactNode;
  /** Where the dialog is portalled to; default `document.body`. */
  container?: HTMLElement | null;
  unstyled?: boolean;
}

// One lock for the page however many dialogs hold it: the page's own styles are kept when the
// first takes it and put back when the last lets go. Where scrollbars take space, their gutter is
// kept, so the page does not shift sideways when its scrollbar goes.
let scrollLocks = 0;
let pageStyles: [string, string] = ['', ''];
function lockPageScroll() {
  const { style, clientWidth } = document.documentElement;
  if (!scrollLocks++) {
    pageStyles = [style.overflow, style.scrollbarGutter];
    if (innerWidth > clientWidth) style.scrollbarGutter = 'stable';
    style.overflow = 'hidden';
  }
  return () => {
    if (!--scrollLocks) [style.overflow, style.scrollbarGutter] = pageStyles;
  };
}

const countDeclarations = (c: CategoryDefinition) =>
  (c.cookies?.length ?? 0) + (c.services ?? []).reduce((n, s) => n + 1 + (s.cookies?.length ?? 0), 0);

/**
 * The second layer, on Radix Dialog: a switch per category (named by its title, described by its
 * description), the required ones on and disabled. Switches are a draft until "Save choices";
 * "Reject all" and "Accept all" decide at once. Escape and the close button save nothing.
 */
export const PreferencesDialog = /* @__PURE__ */ forwardRef<HTMLDivElement, PreferencesDialogProps>(function PreferencesDialog(
  { open: openProp, defaultOpen, onOpenChange, trigger, container, unstyled, className, onCloseAutoFocus, onFocus, ...rest },
  ref,
) {
  const store = useStoreFromContext('PreferencesDialog');
  // The switches show the visitor's own decision; on a sensitive page it may differ from what is in force.
  const choices = useConsent((s) => s.record?.choices ?? s.choices);
  const signalled = useOptOutHonored();
  // Sharing consumer health data needs its own consent, with its disclosures beside the switch (RCW 19.373.030).
  const healthRegime = useConsent((s) => s.regime) == 'health-data';
  const t = useSectionMessages('dialog', enDialog);
  const lang = useLocale();
  const idBase = useId();
  // Controlled by `open`, or else by itself, starting from `defaultOpen` or from a request made
  // before it mounted. Requests from anywhere (the banner's Customize, the settings button, a
  // decision, Radix's Escape, close button and backdrop) come here, so `onOpenChange` hears each
  // one and a controlled dialog's host may decline it; what shows goes back to the store, so the
  // banner steps aside meanwhile.
  const preferences = preferencesOf(store);
  const [open = false, setOpen] = useControllableState({
    prop: openProp,
    defaultProp: !!defaultOpen || preferences.open,
    onChange: onOpenChange,
    caller: 'PreferencesDialog',
  });
  const requested = useRef(setOpen);
  requested.current = setOpen;
  useIsomorphicLayoutEffect(() => {
    const take = (next: boolean) => requested.current(next);
    preferences.dialog = take;
    return () => {
      if (preferences.dialog === take) preferences.dialog = undefined;
    };
  }, [preferences]);
  useIsomorphicLayoutEffect(() => preferences.setOpen(open), [preferences, open]);

  // The switches start from the visitor's decision each time the dialog opens.
  const [draft, setDraft] = useState(choices);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setDraft(choices);
  }

  const opener = useRef<HTMLElement | null>(null);
  useIsomorphicLayoutEffect(() => {
    // Runs before Radix moves focus into the dialog, so the element that opened it still has focus.
    if (open) opener.current = document.activeElement as HTMLElement | null;
  }, [open]);

  // The page behind a modal dialog stays still.
  useIsomorphicLayoutEffect(() => (open ? lockPageScroll() : undefined), [open]);

  const part = (name: string) => partClass(name, unstyled);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal container={container}>
        {/* Not Dialog.Overlay: its scroll lock (react-remove-scroll) is about 4 kB gzip, more than
            the banner; lockPageScroll does that job here. */}
        <div data-part="dialog-overlay" data-state="open" className={part('dialog-overlay')} />
        <Dialog.Content
          ref={ref}
          aria-modal="true"
          lang={lang}
          data-part="dialog"
          className={cx(part('dialog'), className)}
          onFocus={(event) => {
            onFocus?.(event);
            // Tab and Shift+Tab wrap around through Radix's focus scope, which focuses without
            // scrolling (radix-ui/primitives#3227): on a short viewport the control it wraps to can
            // be far out of view. Bring whatever takes focus into view, as the browser does itself.
            event.target.scrollIntoView?.({ block: 'nearest' });
          }}
          onCloseAutoFocus={(event) => {
            onCloseAutoFocus?.(event);
            if (event.defaultPrevented) return;
            // Radix returns focus only to a Dialog.Trigger; this dialog is mostly opened through the
            // store (banner, footer button), so it returns focus to whatever opened it, unless
            // something else (the banner's confirmation) has taken focus on purpose since.
            event.preventDefault();
            const active = document.activeElement;
            if (active && active !== document.body && active.isConnected) return;
            if (opener.current?.isConnected) opener.current.focus();
          }}
          {...rest}
        >
          <div data-part="dialog-header">
            <Dialog.Title data-part="dialog-title">{t.title}</Dialog.Title>
            <Dialog.Close data-part="dialog-close" aria-label={t.close}>
              <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                <path d="M6 6l12 12M18 6L6 18" />
              </svg>
            </Dialog.Close>
          </div>
          <div data-part="dialog-body">
            <Dialog.Description data-part="dialog-description">{t.description}</Dialog.Description>
            <ul data-part="dialog-categories">
              {store.policy.categories.map((category) => {
                const id = `${idBase}-${category.id}`;
                const declarations = countDeclarations(category);
                const optedOut = signalled && category.saleOrShare && !draft[category.id];
                const separate = healthRegime && category.healthData && category.saleOrShare;
                return (
                  <li key={category.id} data-part="category" data-category={category.id}>
                    <div data-part="category-header">
                      <h3 id={`${id}-title`} data-part="category-title">
                        {category.title}
                      </h3>
                      {category.required && (
                        <span id={`${id}-always`} data-part="category-always-active">
                          {t.alwaysActive}
                        </span>
                      )}
                      <Switch.Root
                        data-part="switch"
                        aria-labelledby={`${id}-title`}
                        aria-describedby={cx(`${id}-description`, category.required && `${id}-always`, optedOut && `${id}-signal`, separate && `${id}-sharing`)}
                        checked={!!category.required || !!draft[category.id]}
                        disabled={category.required}
                        onCheckedChange={(checked) => setDraft((d) => ({ ...d, [category.id]: checked }))}
                      >
                        <Switch.Thumb data-part="switch-thumb" />
                      </Switch.Root>
                    </div>
                    <p id={`${id}-description`} data-part="category-description">
                      {category.description}
                    </p>
                    {separate && (
                      <div data-part="category-sharing">
                        <p id={`${id}-sharing`} data-part="category-sharing-note">
                          <strong>{t.sharingTitle}</strong> {t.sharingNote}
                        </p>
                        <dl data-part="category-disclosures">
                          <dt>{t.sharingCollected}</dt>
                          <dd>{category.examples?.join(', ') || category.description}</dd>
                          <dt>{t.sharingWhy}</dt>
                          <dd>{category.description}</dd>
                          <dt>{t.sharingRecipients}</dt>
                          <dd>{category.services?.map((service) => service.name).join(', ') || t.sharingNoRecipients}</dd>
                          <dt>{t.sharingWithdraw}</dt>
                          <dd>{t.sharingWithdrawText}</dd>
                        </dl>
                      </div>
                    )}
                    {optedOut && (
                      <p id={`${id}-signal`} data-part="category-signal">
                        {t.signalHonored}
                      </p>
                    )}
                    {declarations > 0 && (
                      <details data-part="category-details">
                        <summary data-part="category-summary">{t.details(declarations)}</summary>
                        {!!category.cookies?.length && (
                          <CookieTable kind="first-party" category={category.id} caption={t.firstPartyCaption(category.title)} unstyled={unstyled} />
                        )}
                        {!!category.services?.length && (
                          <CookieTable kind="third-party" category={category.id} caption={t.thirdPartyCaption(category.title)} unstyled={unstyled} />
                        )}
                      </details>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
          <div data-part="dialog-actions">
            <button type="button" data-part="dialog-reject" className={part('button')} data-variant="choice" onClick={store.rejectAll}>
              {t.rejectAll}
            </button>
            <button type="button" data-part="dialog-accept" className={part('button')} data-variant="choice" onClick={store.acceptAll}>
              {t.acceptAll}
            </button>
            <button type="button" data-part="dialog-save" className={part('button')} data-variant="secondary" onClick={() => store.save(draft)}>
              {t.save}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
});
