import { useIsomorphicLayoutEffect } from '../../react/context';
import type { RefObject } from 'react';

/**
 * A fixed banner must not hide the focused element (WCAG 2.4.11). Scroll padding keeps a focused
 * element scrolled clear of the banner's edge, and a spacer after the page's last element lets
 * even the footer scroll above it. The spacer only lengthens the page, so nothing on screen
 * moves (no layout shift). A top banner is in the flow and covers nothing.
 * While `fixed`, the banner in `ref` is fixed over the page.
 */
export function useBannerClearance(ref: RefObject<HTMLElement | null>, fixed: boolean) {
  useIsomorphicLayoutEffect(() => {
    if (!fixed || typeof ResizeObserver == 'undefined') return;
    const element = ref.current!;
    const root = document.documentElement.style;
    const before = root.scrollPaddingBottom;
    const spacer = document.createElement('div');
    spacer.setAttribute('aria-hidden', 'true');
    spacer.dataset.part = 'banner-spacer';
    document.body.append(spacer);
    // In the flow (a short viewport, see banner.css) it covers nothing and needs no room.
    const update = () => {
      // A fixed element has no offset parent.
      spacer.style.height = root.scrollPaddingBottom = `${element.offsetParent ? 0 : element.offsetHeight}px`;
    };
    // Zooming or turning a phone, which can move it into the flow or out of it, also resizes it.
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      observer.disconnect();
      spacer.remove();
      root.scrollPaddingBottom = before;
    };
  }, [fixed]);
}
