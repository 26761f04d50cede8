'use client';

import { forwardRef, useId, type IframeHTMLAttributes, type ReactNode } from 'react';
import { enGate } from '../../i18n/en';
import type { RegisteredId } from '../../react/context';
import { useCookieCategory } from '../../react/hooks';
import { useLocale, useSectionMessages } from '../../react/messages';
import { cx } from '../utils';

export interface ConsentFrameProps extends Omit<IframeHTMLAttributes<HTMLIFrameElement>, 'src' | 'title' | 'placeholder'> {
  /** The category the embedded service needs, e.g. `functional` for a video or a map. */
  category: RegisteredId;
  src: string;
  /** Names the service and what it shows ("Directions to the clinic (Google Maps)"): the frame's and the placeholder's name. */
  title: string;
  /** Replaces the placeholder's default text (what is blocked and why). */
  placeholder?: ReactNode;
  /** The placeholder without the library's classes: structure and data-part hooks only. */
  unstyled?: boolean;
}

/**
 * An `iframe` (a video, a map, a booking widget) that is only created once `category` is granted,
 * so nothing is requested from the service before. Until then an accessible placeholder names the
 * service and offers to allow that category. Other props go to the iframe; its ref is forwarded.
 */
export const ConsentFrame = /* @__PURE__ */ forwardRef<HTMLIFrameElement, ConsentFrameProps>(function ConsentFrame(
  { category, src, title, placeholder, unstyled, className, ...rest },
  ref,
) {
  const { granted, category: definition, setGranted } = useCookieCategory(category);
  const t = useSectionMessages('gate', enGate);
  const lang = useLocale();
  const titleId = `${useId()}-title`;
  if (granted) return <iframe ref={ref} src={src} title={title} data-part="frame" data-category={category} className={className} {...rest} />;
  return (
    <div
      role="group"
      aria-labelledby={titleId}
      data-part="frame-placeholder"
      data-category={category}
      className={cx(!unstyled && 'cc-gate cc-frame', className)}
    >
      <p id={titleId} data-part="frame-title">
        {title}
      </p>
      <p data-part="frame-message" lang={placeholder === undefined ? lang : undefined}>
        {placeholder ?? t.blocked(definition.title)}
      </p>
      <button type="button" lang={lang} data-part="frame-allow" className={unstyled ? undefined : 'cc-button'} onClick={() => setGranted(true)}>
        {t.allow(definition.title)}
      </button>
    </div>
  );
});
