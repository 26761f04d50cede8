'use client';

import { forwardRef, useImperativeHandle, useRef, type HTMLAttributes } from 'react';
import { useStoreFromContext } from '../../react/context';
import { optionalCategories } from '../../core';
import { useConsent, useOptOutHonored } from '../../react/hooks';
import { usePreferencesOpen } from '../../react/preferences';
import { enBanner } from '../../i18n/en';
import { useLocale, useSectionMessages } from '../../react/messages';
import { cx, partClass, safeHref, type HeadingLevel } from '../utils';
import { useBannerClearance } from './use-banner-clearance';
import { useBannerConfirmation } from './use-banner-confirmation';

export interface CookieBannerProps extends HTMLAttributes<HTMLElement> {
  /** `bar`: full width along an edge. `box`: a card in a bottom (or top) corner. */
  layout?: 'bar' | 'box';
  /**
   * `bottom` (default): fixed to the bottom edge, over the page, except on a short viewport (at most
   * 30em high: 200% zoom and more, a phone held sideways), where it takes its room in the page's
   * flow where it is rendered, as `top` does. `top`: at the top of the page, in
   * its flow (GOV.UK's pattern), so it pushes the page down instead of covering its header;
   * render it as the first thing in the body, on the server with `initialCookieHeader` (HTML
   * that does not know the visitor's decision would show it, then move the page up to remove it).
   */
  position?: 'bottom' | 'top';
  /** Link to the full cookie policy (http(s), mailto or a relative URL). */
  policyHref?: string;
  headingLevel?: HeadingLevel;
  /** Ship no visual CSS: keep the structure, data-part hooks and behaviour only. */
  unstyled?: boolean;
}

/**
 * The first layer: a named landmark, shown while no decision is stored and the preferences dialog
 * is closed, with "Accept all" and "Reject all" side by side and "Customize". After a decision made
 * while it was shown, a short confirmation with a "Hide" button takes the place of the choices.
 * It never blocks the page: no overlay, no focus trap. Render it first in the page so it comes
 * early in the reading and Tab order. At the bottom (the default) it is fixed over the page; at
 * the top it takes its room in the flow, so it never covers the page's header.
 */
export const CookieBanner = /* @__PURE__ */ forwardRef<HTMLElement, CookieBannerProps>(function CookieBanner(
  { layout = 'bar', position = 'bottom', policyHref, headingLevel = 2, unstyled, className, onFocus, ...rest },
  forwardedRef,
) {
  const store = useStoreFromContext('CookieBanner');
  const pending = useConsent((s) => s.status) == 'pending';
  const preferencesOpen = usePreferencesOpen();
  const signalled = useOptOutHonored();
  // Under an opt-out law the banner is a notice of what is on, with a one-step opt-out of sale or
  // sharing as prominent as the way in (CCPA 7004, 7026); elsewhere it asks before anything runs.
  const notice = useConsent((s) => s.regime) == 'opt-out';
  const on = useConsent((s) =>
    optionalCategories(store.policy)
      .filter((c) => s.choices[c.id])
      .map((c) => c.title)
      .join(', '),
  );
  const t = useSectionMessages('banner', enBanner);
  const lang = useLocale();
  const ref = useRef<HTMLElement>(null);
  useImperativeHandle(forwardedRef, () => ref.current!);
  const [confirmation, announce, start, hide, hideRef, noteFocus] = useBannerConfirmation(store, ref, pending, preferencesOpen);
  // Accept all under an honoured opt-out signal left sale-or-share categories off: say so.
  const sells = store.policy.categories.some((c) => c.saleOrShare);
  const confirmationText = confirmation && t.confirmation[confirmation === 'accept-all' && signalled && sells ? 'accept-all-signal' : confirmation];

  const visible = pending || !!confirmation;
  const hidden = pending && preferencesOpen;

  // A fixed banner must not hide the focused element (WCAG 2.4.11). A top banner is in the flow
  // and covers nothing.
  useBannerClearance(ref, visible && !hidden && !unstyled && position != 'top');

  if (!visible) return null;
  const Heading = `h${headingLevel}` as const;
  const button = partClass('button', unstyled);
  const href = safeHref(policyHref, { relative: true });

  return (
    <section
      ref={ref}
      aria-label={notice ? t.noticeLabel : t.label}
      lang={lang}
      hidden={hidden}
      data-part="banner"
      data-layout={layout}
      data-position={position}
      data-state="open"
      data-confirmed={confirmation && ''}
      className={cx(partClass('banner', unstyled), className)}
      onFocus={(event) => {
        noteFocus(event);
        onFocus?.(event);
      }}
      {...rest}
    >
      {!confirmation && (
        <div data-part="banner-body">
          <div data-part="banner-text">
            <Heading data-part="banner-title">{t.title}</Heading>
            <p data-part="banner-description">
              {notice ? `${on ? t.noticeOn(on) : ''} ${sells && !signalled ? t.noticeSale : ''}`.trim() : t.description}
              {href && (
                <>
                  {' '}
                  <a href={href} data-part="banner-policy-link">
                    {t.policyLink}
                  </a>
                </>
              )}
            </p>
            {signalled && <p data-part="banner-signal">{t.signalHonored}</p>}
          </div>
          <div data-part="banner-actions">
            {notice ? (
              <>
                {!signalled && (
                  <button type="button" data-part="banner-opt-out" className={button} data-variant="choice" onClick={start(store.optOut)}>
                    {t.optOut}
                  </button>
                )}
                <button type="button" data-part="banner-accept" className={button} data-variant="choice" onClick={start(store.acceptAll)}>
                  {t.acceptAll}
                </button>
                <button type="button" aria-haspopup="dialog" data-part="banner-privacy-choices" className={button} data-variant="choice" onClick={start(store.openPreferences)}>
                  {t.privacyChoices}
                </button>
              </>
            ) : (
              <>
                <button type="button" data-part="banner-accept" className={button} data-variant="choice" onClick={start(store.acceptAll)}>
                  {t.acceptAll}
                </button>
                <button type="button" data-part="banner-reject" className={button} data-variant="choice" onClick={start(store.rejectAll)}>
                  {t.rejectAll}
                </button>
                <button type="button" aria-haspopup="dialog" data-part="banner-customize" className={button} data-variant="secondary" onClick={start(store.openPreferences)}>
                  {t.customize}
                </button>
              </>
            )}
          </div>
        </div>
      )}
      {/* One live region, there (empty) from the first render, so the confirmation put in it is
          read out with its text, without relying on focus (GOV.UK's pattern). After the choices,
          so that reading the banner goes from its name to its heading. */}
      <p role="status" data-part="banner-confirmation">
        {announce && confirmationText}
      </p>
      {confirmation && (
        <div data-part="banner-body">
          <div data-part="banner-actions">
            <button ref={hideRef} type="button" data-part="banner-hide" className={button} data-variant="secondary" onClick={hide}>
              {t.hide}
            </button>
          </div>
        </div>
      )}
    </section>
  );
});
