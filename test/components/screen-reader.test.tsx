import { virtual } from '@guidepup/virtual-screen-reader';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsentStatus, CookieBanner, CookieSettingsButton, PreferencesDialog } from '../../src';
import { connexxPolicy } from '../../stories/fixtures/connexx-policy';
import { ConnexxCookiePolicyPage } from '../../stories/pages/connexx-page';
import { enDialog } from '../../src/i18n/en';
import { policy } from '../fixtures/policies';
import { renderWithConsent } from './harness';

const LIVE_REGION = '[aria-live]:not([aria-live="off"]),[role="status"],[role="alert"],[role="log"]';

/** Whether an element is in the accessibility tree: neither it nor an ancestor hidden, aria-hidden or not rendered. */
function exposed(element: Element) {
  for (let e: Element | null = element; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    if ((e as HTMLElement).hidden || e.getAttribute('aria-hidden') === 'true' || style.display === 'none' || style.visibility === 'hidden') return false;
  }
  return true;
}
const exposedLiveRegions = () => new Set([...document.querySelectorAll(LIVE_REGION)].filter(exposed));

/**
 * What the Virtual Screen Reader observes, reduced to what a screen reader can hear. A browser
 * tells assistive technology about a live region's change only if the region was already in the
 * accessibility tree (shown, not aria-hidden) before it: a region that appears already filled, or
 * is filled while a modal dialog hides the page, is not read out (the audit heard a bare "status").
 * The Virtual Screen Reader reads every mutation, so it gets only those. Nodes removed from the
 * page meanwhile are left out too: no screen reader reads them (and the Virtual Screen Reader
 * cannot name them).
 */
class HeardMutations extends MutationObserver {
  constructor(callback: MutationCallback) {
    let before = exposedLiveRegions();
    super((records, observer) => {
      const heard = records.filter((record) => {
        if (!record.target.isConnected) return false;
        const element = record.target instanceof Element ? record.target : record.target.parentElement;
        const region = element?.closest(LIVE_REGION);
        return !region || before.has(region);
      });
      before = exposedLiveRegions();
      callback(heard, observer);
    });
  }
}

async function startScreenReader() {
  await virtual.start({ container: document.body, window: Object.assign(Object.create(window), { MutationObserver: HeardMutations }) });
  await virtual.clearSpokenPhraseLog();
}
afterEach(() => virtual.stop());

/** Everything spoken since the log was last cleared. */
const spoken = () => virtual.spokenPhraseLog();
/** What live regions said: "polite: ..." and "assertive: ...". */
const announced = async () => (await spoken()).filter((phrase) => /^(polite|assertive): /.test(phrase));
/** Waits until the live regions have spoken, then a moment more for anything that would follow. */
async function announcements(expected: number) {
  await vi.waitFor(async () => expect((await announced()).length).toBeGreaterThanOrEqual(expected), { timeout: 3000 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  return announced();
}

const saved = "You've saved your cookie settings. You can change them at any time.";
const accepted = "You've accepted additional cookies. You can change your cookie settings at any time.";
const rejected = "You've rejected additional cookies. You can change your cookie settings at any time.";

const page = (status = <ConsentStatus />) =>
  renderWithConsent(
    <>
      <CookieBanner />
      {status}
      <CookieSettingsButton />
      <PreferencesDialog />
    </>,
  );

describe('The banner, heard with a screen reader', () => {
  it('is announced as a landmark named "Cookie consent", its heading read next', async () => {
    page();
    await startScreenReader();
    // The harness's page is a <main> around it: the next landmark after that.
    await virtual.perform(virtual.commands.moveToNextLandmark);
    expect(await virtual.lastSpokenPhrase()).toBe('main');
    await virtual.perform(virtual.commands.moveToNextLandmark);
    expect(await virtual.lastSpokenPhrase()).toBe('region, Cookie consent');
    await virtual.next();
    expect(await virtual.lastSpokenPhrase()).toBe('heading, We use cookies, level 2');
  });

  it.each([
    ['Accept all', accepted],
    ['Reject all', rejected],
  ])('after %s, speaks the confirmation once, in words, and then "Hide cookie message" is a button', async (button, message) => {
    const { user } = page();
    await startScreenReader();
    await user.click(screen.getByRole('button', { name: button }));
    expect(await announcements(1)).toEqual([`polite: ${message}`]);
    expect(await spoken()).toContain('button, Hide cookie message');
    // Not the audit's "status" followed by the list of categories.
    expect((await spoken()).filter((phrase) => phrase === 'status' || phrase.includes('Performance Cookies'))).toEqual([]);
  });
});

describe('A decision made in the dialog, heard with a screen reader', () => {
  it.each([
    ['Save choices', saved],
    ['Accept all', accepted],
    ['Reject all', rejected],
  ])('opened by Customize (the banner hidden meanwhile), %s: the confirmation is spoken once, in words', async (button, message) => {
    const { user } = page();
    await user.click(screen.getByRole('button', { name: 'Customize' }));
    await startScreenReader();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: button }));
    expect(await announcements(1)).toEqual([`polite: ${message}`]);
    expect((await spoken()).filter((phrase) => phrase === 'status' || phrase.includes('Performance Cookies'))).toEqual([]);
  });

  it('opened by Cookie Settings after a decision in the banner: the new confirmation is spoken once the dialog has closed', async () => {
    const { user } = page();
    await user.click(screen.getByRole('button', { name: 'Accept all' }));
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(accepted));
    await user.click(screen.getByRole('button', { name: 'Cookie Settings' }));
    await startScreenReader();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reject all' }));
    expect(await announcements(1)).toEqual([`polite: ${rejected}`]);
  });
});

describe('ConsentStatus, heard with a screen reader', () => {
  it('says nothing when the decision changes it: the banner speaks for the decision', async () => {
    const { user } = page();
    await startScreenReader();
    await user.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(await announcements(1)).toEqual([`polite: ${accepted}`]);
  });

  it('speaks its change when the host asks for announcements', async () => {
    const { user } = page(<ConsentStatus announce />);
    await startScreenReader();
    await user.click(screen.getByRole('button', { name: 'Accept all' }));
    const heard = await announcements(2);
    expect(heard).toContain(`polite: ${accepted}`);
    expect(heard.filter((phrase) => phrase.includes('Performance Cookies: On'))).toHaveLength(1);
  });
});

/** Reads on from where the screen reader is to the dialog's "Save choices", as a person reading line by line: what each switch says. */
async function switchesReadOut() {
  const switches: string[] = [];
  for (let i = 0; i < 500 && (await virtual.lastSpokenPhrase()) !== 'button, Save choices'; i++) {
    await virtual.next();
    const phrase = await virtual.lastSpokenPhrase();
    if (phrase.startsWith('switch, ')) switches.push(phrase);
  }
  return switches;
}

describe('The preferences dialog, heard with a screen reader', () => {
  it('is read as a modal dialog with its name, and each switch by its name and state', async () => {
    const { user } = page();
    await startScreenReader();
    await user.click(screen.getByRole('button', { name: 'Customize' }));
    await vi.waitFor(async () => expect(await spoken()).toContain(`dialog, Cookie preferences, ${enDialog.description}, modal`));
    // Each switch: its name, its description, its state. (The ", on" after the name is Radix's
    // value="on" on the button, which the Virtual Screen Reader reads as a value.)
    expect(await switchesReadOut()).toEqual(
      policy.categories.map((c) =>
        c.required
          ? `switch, ${c.title}, on, ${c.description} Always active, checked, disabled`
          : `switch, ${c.title}, on, ${c.description}, not checked`,
      ),
    );
    await user.click(screen.getByRole('switch', { name: 'Performance Cookies' }));
    expect(await virtual.lastSpokenPhrase()).toMatch(/^switch, Performance Cookies, .*, checked$/);
  });
});

describe('The Connexx cookie policy page, heard with a screen reader', () => {
  it('has the landmarks a visitor navigates by, and no more: no section or table is a region', async () => {
    render(<ConnexxCookiePolicyPage />);
    await startScreenReader();
    const landmarks: string[] = [];
    for (let i = 0; i < 40; i++) {
      await virtual.perform(virtual.commands.moveToNextLandmark);
      const phrase = await virtual.lastSpokenPhrase();
      if (phrase === landmarks[0]) break;
      landmarks.push(phrase);
    }
    expect(landmarks).toEqual([
      'region, Cookie consent',
      'banner',
      'navigation, Main',
      'main',
      'navigation, Breadcrumb',
      'navigation, On this page',
      'contentinfo',
    ]);
  });

  it('says that "View Policy" opens a new window', async () => {
    render(<ConnexxCookiePolicyPage />);
    await startScreenReader();
    screen.getAllByRole('link', { name: 'View Policy (Google Analytics)' })[0]!.focus();
    await vi.waitFor(async () => expect(await virtual.lastSpokenPhrase()).toBe('link, View Policy (Google Analytics), Opens in a new window'));
  });

  it('reads the dialog opened from the footer as a dialog with its name, and its cookie tables as tables, not landmarks', async () => {
    const user = userEvent.setup();
    render(<ConnexxCookiePolicyPage />);
    await startScreenReader();
    await user.click(screen.getByRole('link', { name: 'Cookie Settings' }));
    await vi.waitFor(async () => expect((await spoken()).some((phrase) => phrase.startsWith('dialog, Cookie preferences, '))).toBe(true));
    for (const details of screen.getByRole('dialog').querySelectorAll('details')) details.open = true;
    // Read line by line from the dialog's Close button to its last button, every category's details open.
    const read: string[] = [];
    for (let i = 0; i < 2000 && (await virtual.lastSpokenPhrase()) !== 'button, Save choices'; i++) {
      await virtual.next();
      read.push(await virtual.lastSpokenPhrase());
    }
    expect(read.filter((phrase) => /^(region|navigation|main|banner|contentinfo|complementary|form|search)\b/.test(phrase))).toEqual([]);
    // Each table is named once, by its caption.
    expect(read.filter((phrase) => phrase.startsWith('table, '))).toEqual(
      connexxPolicy.categories.flatMap((c) => [
        ...(c.cookies?.length ? [`table, ${enDialog.firstPartyCaption(c.title)}`] : []),
        ...(c.services?.length ? [`table, ${enDialog.thirdPartyCaption(c.title)}`] : []),
      ]),
    );
  });
});
