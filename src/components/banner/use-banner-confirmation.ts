'use client';

import { useEffect, useRef, useState, type FocusEvent, type RefObject } from 'react';
import type { ConsentStore } from '../../core';
import { useConsent } from '../../react/hooks';

// Disabled ones are skipped by trying: they do not take focus.
const FOCUSABLE = 'a[href],button,input,select,textarea,[tabindex]:not([tabindex="-1"])';

/**
 * The banner's confirmation (GOV.UK's pattern): a decision the visitor started here (a banner
 * button, or Customize then the dialog) is confirmed in the banner's place, in words that follow
 * the decision now in force. A decision found on load, made in another tab, or coming from a
 * browser signal shows nothing. Returns the confirmed method (or null), whether its words may go
 * into the live region yet, the wrapper for the banner's buttons, and "Hide" with its ref and the
 * focus handler that remembers where to send focus back.
 */
export function useBannerConfirmation(store: ConsentStore, banner: RefObject<HTMLElement | null>, pending: boolean, preferencesOpen: boolean) {
  const record = useConsent((s) => s.record);
  // 1: the visitor started a decision here; 2: and then hid its confirmation. Forgotten when the
  // decision is (pending again); until then no confirmation shows, as there is no record.
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (pending) setStep(0);
  }, [pending]);
  // Not a decision another tab made, which sync brings here as a cookie.
  const madeHere = useConsent((s) => s.decidedHere);
  const confirmation = step == 1 && madeHere && record && record.method != 'signal' ? record.method : null;

  // The live region is in the page, empty, from the first render; the confirmation of a decision
  // (the record it is for: `said`) goes into it only once it has been shown and empty before, or
  // it is not read out. A banner button decides while it is shown: its words go in at once. A
  // decision in the dialog closes the dialog (which hid the page from screen readers) and shows
  // the banner again in the same update: its words go in a moment later.
  const [said, say] = useState<unknown>(record);
  useEffect(() => {
    if (preferencesOpen) return;
    const timer = setTimeout(say, 100, record);
    return () => clearTimeout(timer);
  }, [record, preferencesOpen]);
  const start = (action: () => void) => () => {
    setStep(1);
    action();
    say(store.getState().record);
  };

  // The buttons that had focus are gone: focus goes to "Hide cookie message", next to the message
  // the live region reads out, so Tab goes on from here and nothing is read twice. Not autoFocus:
  // that runs before the dialog's focus trap has let go, which takes it back.
  const hideRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmation) hideRef.current?.focus();
  }, [!confirmation]);

  // Where focus was before it came into the banner: "Hide" takes the banner away, and focus goes
  // back there rather than being dropped on the document.
  const cameFrom = useRef<Element | null>(null);
  const noteFocus = (event: FocusEvent<HTMLElement>) => {
    if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) cameFrom.current = event.relatedTarget;
  };
  const hide = () => {
    setStep(2);
    // Back where focus came from; failing that (the banner was the first stop, or that element is
    // gone or hidden now), the first element after the banner that takes focus: where Tab would
    // have gone next.
    const element = banner.current!;
    const takes = (el: Element | null) => el instanceof HTMLElement && (el.checkVisibility?.() ?? true) && (el.focus(), document.activeElement === el);
    if (!takes(cameFrom.current)) {
      [...document.querySelectorAll(FOCUSABLE)].find((el) => element.compareDocumentPosition(el) & 4 && !element.contains(el) && takes(el));
    }
  };

  // A tuple, as useState's: the names are the caller's, and a bundle carries none of them.
  return [confirmation, said === record, start, hide, hideRef, noteFocus] as const;
}
