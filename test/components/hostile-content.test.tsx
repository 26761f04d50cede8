import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  ConsentGate,
  ConsentProvider,
  ConsentStatus,
  CookieBanner,
  CookieTable,
  createConsentStore,
  PolicySections,
  PreferencesDialog,
  useConsent,
  type MessageOverrides,
  type PolicyPageContent,
} from '../../src';
import { connexxPage, connexxPolicy } from '../../stories/fixtures/connexx-policy';

// Content and catalogues can come from a CMS or a translation service as JSON: no functions, and
// whatever shapes an editor typed. A value of the wrong kind keeps the default; nothing crashes.
const everything = (messages?: unknown, content: PolicyPageContent = connexxPage) => {
  const store = createConsentStore({ policy: connexxPolicy });
  render(
    <ConsentProvider store={store} messages={messages as MessageOverrides}>
      <CookieBanner />
      <ConsentGate category="functional">
        <p>Chat</p>
      </ConsentGate>
      <ConsentStatus />
      <CookieTable kind="third-party" />
      <PolicySections content={content} toc />
      <PreferencesDialog />
    </ConsentProvider>,
  );
  return store;
};

describe('message overrides of the wrong kind', () => {
  it.each([
    ['a string where a template function is expected', { gate: { blocked: 'Blocked' }, policy: { updated: 'Updated' } }],
    ['a number where a string is expected', { table: { viewPolicyOf: 5, provider: 7 } }],
    ['an object where a string is expected', { banner: { title: { text: 'x' } }, settingsButton: {} }],
    ['null for a whole section', { banner: null, policy: { overview: null } }],
    ['a string where a list is expected', { policy: { understanding: { similar: 'x' }, choices: { browser: { browsers: [{ term: 1 }] } } } }],
  ])('keep the defaults for %s, with a warning for the developer', (_, overrides) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = everything(overrides);
    expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeInTheDocument();
    expect(screen.getByText(/uses Functional Cookies, which you have not allowed/)).toBeInTheDocument();
    expect(screen.getByText('Last Updated: November 25, 2025')).toBeInTheDocument();
    act(() => store.openPreferences());
    expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeInTheDocument();
    expect(warn).toHaveBeenCalled();
    expect(warn.mock.calls[0]![0]).toMatch(/^\[consent-ui\] messages(\.[\w.]+)?: expected a/);
    warn.mockRestore();
  });

  it('leave everything in English when the whole catalogue is not an object', () => {
    everything('Deutsch');
    expect(screen.getByRole('heading', { name: 'We use cookies' })).toBeInTheDocument();
  });

  it('still take a value of the right kind beside a wrong one', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    everything({ banner: { title: 'Cookies on Connexx', acceptAll: 42 } });
    const banner = screen.getByRole('region', { name: 'Cookie consent' });
    expect(within(banner).getByRole('heading', { name: 'Cookies on Connexx' })).toBeInTheDocument();
    expect(within(banner).getByRole('button', { name: 'Accept all' })).toBeInTheDocument();
    vi.restoreAllMocks();
  });
});

describe('policy page content of the wrong kind', () => {
  it('renders what is text and drops the rest, without crashing', () => {
    const odd = {
      organization: 'Acme',
      contact: { name: 'Privacy team', email: { to: 'x' }, address: 'One Main Street' },
      browsers: 'Chrome',
      optOuts: [{ name: 'Good opt-out', text: 'optout.example', href: 'https://optout.example' }, { name: 3 }],
      similarTechnologies: { term: 'x' },
      sections: [
        { id: 'list', title: 'Lists', body: [{ list: 'abc' }, { list: ['One', { x: 1 }, 'Two'] }, { terms: 'x' }, { note: { a: 1 } }] },
        { id: 'heading', title: 'Headings', body: [{ heading: 'Sub' }, { heading: { x: 1 }, body: [] }, null, 5] },
        { id: 'no-body', title: { en: 'x' } },
      ],
    } as unknown as PolicyPageContent;
    everything(undefined, odd);
    const section = (name: string) => screen.getByRole('heading', { name }).closest('section')!;
    const lists = section('Lists');
    expect(within(lists).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['One', 'Two']);
    expect(within(section('Headings')).getByRole('heading', { name: 'Sub' })).toBeInTheDocument();
    const contact = section('Questions About Our Cookie Policy?');
    expect(within(contact).getByText('One Main Street')).toBeInTheDocument();
    expect(within(contact).queryByRole('link')).toBeNull();
    const choices = section('Your Cookie Choices & Controls');
    expect(choices).toHaveTextContent('Google Chrome:');
    expect(within(choices).getByRole('link', { name: 'optout.example' })).toBeInTheDocument();
  });

  it.each([
    ['an intro', { intro: { x: 1 } }],
    ['a last-updated date', { updatedAt: { x: 1 } }],
    ['an organization', { organization: { name: 'Acme' } }],
    ['a session duration', { durations: { session: { x: 1 }, persistent: 'Up to 13 months' } }],
    ['the durations', { durations: 'forever' }],
    ['the whole content', null],
  ])('renders the whole page, without crashing, for %s of the wrong shape (as a CMS may send)', (_, content) => {
    everything(undefined, (content && { ...connexxPage, ...content }) as PolicyPageContent);
    expect(screen.getByRole('heading', { name: 'Cookie Policy', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Cookie Duration & Lifespan' })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('[object Object]');
    const durations = screen.getByRole('heading', { name: 'Cookie Duration & Lifespan' }).closest('section')!;
    expect(durations).toHaveTextContent('Duration: Until browser is closed');
  });

  it('keeps a duration of the right kind beside a wrong one', () => {
    everything(undefined, { ...connexxPage, durations: { session: { x: 1 }, persistent: 'Up to 13 months' } } as unknown as PolicyPageContent);
    const durations = screen.getByRole('heading', { name: 'Cookie Duration & Lifespan' }).closest('section')!;
    expect(durations).toHaveTextContent('Duration: Up to 13 months');
  });

  it.each([
    ['the same id twice', [{ id: 'faq', title: 'FAQ', body: [] }, { id: 'faq', title: 'FAQ again', body: [] }], '"faq"'],
    ["a built-in section's id", [{ id: 'contact', title: 'Contact', body: [] }], '"contact"'],
    ['no id', [{ title: 'Nameless', body: [] }], 'undefined'],
  ])('throws a clear error for the developer for a host section with %s', (_, sections, id) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => everything(undefined, { organization: 'Acme', sections } as PolicyPageContent)).toThrow(
      `[consent-ui] PolicySections: content.sections has a section with the id ${id}; each needs an id of its own`,
    );
    vi.restoreAllMocks();
  });
});

describe('useConsent with a selector that builds a new object', () => {
  it('settles, and follows the state', () => {
    const store = createConsentStore({ policy: connexxPolicy });
    const renders = vi.fn();
    function Status() {
      const { status } = useConsent((s) => ({ status: s.status }));
      renders();
      return <p>{status}</p>;
    }
    render(
      <ConsentProvider store={store}>
        <Status />
      </ConsentProvider>,
    );
    expect(screen.getByText('pending')).toBeInTheDocument();
    act(() => store.acceptAll());
    expect(screen.getByText('decided')).toBeInTheDocument();
    expect(renders.mock.calls.length).toBeLessThan(6);
  });
});
