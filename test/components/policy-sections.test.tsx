import { cleanup, act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { axe } from 'vitest-axe';
import {
  PolicyCategories,
  PolicyChoices,
  PolicyContact,
  PolicyCookieTables,
  PolicyCustomSection,
  PolicyDoNotTrack,
  PolicyDurations,
  PolicyManagePreferences,
  PolicyOverview,
  policySectionIds,
  PolicyUnderstandingCookies,
  type PolicyPageContent,
} from '../../src/components/policy';
import { PolicySections } from '../../src';
import { createConsentStore, definePolicy } from '../../src/core';
import { ConsentProvider } from '../../src/react';
import { PreferencesDialog } from '../../src/components/preferences/preferences-dialog';
import { connexxPage, connexxPolicy } from '../../stories/fixtures/connexx-policy';

function renderPage(ui: ReactNode) {
  const store = createConsentStore({ policy: connexxPolicy });
  return { store, ...render(<ConsentProvider store={store}>{ui}</ConsentProvider>) };
}

const outline = (root: HTMLElement) =>
  within(root)
    .getAllByRole('heading')
    .map((h) => [Number(h.tagName.slice(1)), h.textContent] as const);

const seedOutline: [number, string][] = [
  [1, 'Cookie Policy'],
  [2, 'What This Policy Covers'],
  [2, 'Understanding Cookies & Similar Technologies'],
  [2, 'How We Use Cookies'],
  [3, 'Essential Cookies (Required)'],
  [3, 'Performance Cookies (Optional)'],
  [3, 'Functional Cookies (Optional)'],
  [3, 'Targeting/Advertising Cookies (Optional)'],
  [2, 'Cookie Duration & Lifespan'],
  [3, 'Session Cookies'],
  [3, 'Persistent Cookies'],
  [2, 'Specific Cookies We Use'],
  [3, 'First-Party Cookies'],
  [3, 'Third-Party Cookies'],
  [2, 'Your Cookie Choices & Controls'],
  [3, 'Cookie Consent Manager'],
  [3, 'Browser Settings'],
  [3, 'Third-Party Opt-Outs'],
  [3, 'Impact of Disabling Cookies'],
  [2, 'Data Collected Through Cookies'],
  [2, 'PHI Protection'],
  [2, 'Additional Information'],
  [3, 'Do Not Track Signals'],
  [3, 'International Data Transfers'],
  [3, 'Legal Basis for Cookie Use'],
  [3, 'Updates to This Policy'],
  [2, 'Our Commitment to Transparency'],
  [2, 'Questions About Our Cookie Policy?'],
  [2, 'Manage Your Cookie Preferences'],
];

/** A section of the page, found as a reader finds it: by its heading. */
const section = (name: string) => screen.getByRole('heading', { name }).closest('section')!;

describe('PolicySections, read with a screen reader', () => {
  it('offers its table of contents as the one landmark: sections are reached by their headings', () => {
    renderPage(<PolicySections content={connexxPage} toc />);
    expect(screen.queryAllByRole('region').map((r) => r.getAttribute('aria-label') ?? r.getAttribute('aria-labelledby'))).toEqual([]);
    expect(screen.getAllByRole('navigation').map((nav) => nav.getAttribute('aria-label'))).toEqual(['On this page']);
  });

  it('names each cookie table once, by its caption, with no landmark around it', () => {
    renderPage(<PolicySections content={connexxPage} />);
    const tables = screen.getAllByRole('table');
    expect(tables.map((table) => table.getAttribute('aria-labelledby') ?? table.querySelector('caption')?.textContent)).toEqual([
      'First-party cookies',
      'Third-party services',
    ]);
    for (const table of tables) expect(table.parentElement).not.toHaveAttribute('aria-labelledby');
  });

  it('says which links open a new window', () => {
    renderPage(<PolicySections content={connexxPage} />);
    const link = screen.getByRole('link', { name: 'View Policy (Google Analytics)' });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAccessibleDescription('Opens in a new window');
  });
});

describe('PolicySections, given the Connexx policy and page', () => {
  it('renders every section of the seed page, in order, as a proper outline', () => {
    const { container } = renderPage(<PolicySections content={connexxPage} />);
    const headings = outline(container);
    expect(headings).toEqual(seedOutline);
    headings.forEach(([level], i) => {
      if (i > 0) expect(level - headings[i - 1]![0]).toBeLessThanOrEqual(1);
    });
  });

  it('starts its outline at the level asked for', () => {
    const { container } = renderPage(<PolicySections content={connexxPage} headingLevel={2} />);
    expect(outline(container)).toEqual(seedOutline.map(([level, text]) => [level + 1, text]));
  });

  it('shows the intro and the date the policy was last updated', () => {
    renderPage(<PolicySections content={connexxPage} />);
    const article = screen.getByRole('article');
    expect(within(article).getByText(connexxPage.intro!)).toBeInTheDocument();
    expect(within(article).getByText('Last Updated: November 25, 2025')).toBeInTheDocument();
  });

  it('prefers the date the host gives', () => {
    renderPage(<PolicySections content={{ ...connexxPage, updatedAt: '1 December 2025' }} />);
    expect(screen.getByText('Last Updated: 1 December 2025')).toBeInTheDocument();
  });

  it('names the organisation and never claims that using the site is consent', () => {
    renderPage(<PolicySections content={connexxPage} />);
    const overview = section('What This Policy Covers');
    expect(overview).toHaveTextContent('This Cookie Policy explains how Connexx ("we," "us," or "our") uses cookies');
    expect(overview).toHaveTextContent('We use optional cookies only if you allow them');
    expect(screen.getByRole('article')).not.toHaveTextContent(/by using our service, you consent/i);
  });

  it('lists the similar technologies and each category with its examples', () => {
    renderPage(<PolicySections content={connexxPage} />);
    const understanding = section('Understanding Cookies & Similar Technologies');
    expect(within(understanding).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Local Storage: /),
      expect.stringMatching(/^Pixels and Web Beacons: /),
      expect.stringMatching(/^SDKs: /),
    ]);
    const categories = section('How We Use Cookies');
    expect(categories).toHaveTextContent('Examples: Authentication, security, session management, load balancing');
    expect(categories).toHaveTextContent('Examples: Retargeting, ad performance measurement, audience insights');
  });

  it('states session and persistent durations', () => {
    renderPage(<PolicySections content={connexxPage} />);
    const durations = section('Cookie Duration & Lifespan');
    expect(durations).toHaveTextContent('Duration: Until browser is closed');
    expect(durations).toHaveTextContent('Duration: 30 days to 1 year (varies by purpose)');
  });

  it('shows both cookie tables, followed by the important note about PHI', () => {
    renderPage(<PolicySections content={connexxPage} />);
    const tables = section('Specific Cookies We Use');
    expect(within(tables).getByRole('table', { name: 'First-party cookies' })).toBeInTheDocument();
    expect(within(tables).getByRole('table', { name: 'Third-party services' })).toBeInTheDocument();
    const note = within(tables).getByRole('note');
    expect(note).toHaveTextContent(/^Important Note: We never share Protected Health Information/);
    expect(within(note).getByText('Important Note:').tagName).toBe('STRONG');
  });

  it('shows no Web Storage table, since the policy declares no storage key', () => {
    renderPage(<PolicySections content={connexxPage} />);
    expect(within(section('Specific Cookies We Use')).queryByRole('table', { name: 'Web storage' })).toBeNull();
  });

  it('explains browser settings and links to the opt-out tools by the names on the seed page', () => {
    renderPage(<PolicySections content={connexxPage} />);
    const choices = section('Your Cookie Choices & Controls');
    expect(choices).toHaveTextContent('Google Chrome: Settings → Privacy and security → Cookies and other site data');
    expect(choices).toHaveTextContent('Microsoft Edge: Settings → Cookies and site permissions');
    expect(choices).toHaveTextContent(
      'What You Can Control: Enable or disable Performance Cookies, Functional Cookies, and Targeting/Advertising Cookies while keeping essential cookies active',
    );
    expect(within(choices).getByRole('link', { name: 'optout.aboutads.info' })).toHaveAttribute('href', 'https://optout.aboutads.info');
    expect(within(choices).getByRole('link', { name: 'optout.networkadvertising.org' })).toHaveAttribute(
      'href',
      'https://optout.networkadvertising.org',
    );
    expect(within(choices).getByRole('link', { name: 'Google Analytics Browser Add-on' })).toHaveAttribute(
      'href',
      'https://tools.google.com/dlpage/gaoptout',
    );
  });

  it('lists the legal bases as bold terms', () => {
    renderPage(<PolicySections content={connexxPage} />);
    const legal = section('Legal Basis for Cookie Use');
    expect(within(legal).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Necessity:',
      'Consent:',
      'Legitimate Interest:',
    ]);
    expect(section('Additional Information')).toContainElement(legal);
  });

  it('links the contact address by mail', () => {
    renderPage(<PolicySections content={connexxPage} />);
    const contact = section('Questions About Our Cookie Policy?');
    expect(within(contact).getByRole('link', { name: 'contact@connexx360.com' })).toHaveAttribute('href', 'mailto:contact@connexx360.com');
    expect(contact).toHaveTextContent('Connexx Data Protection Officer');
  });

  it('shows the live consent status in the manage section', () => {
    const { store } = renderPage(<PolicySections content={connexxPage} />);
    const manage = section('Manage Your Cookie Preferences');
    expect(manage).toHaveTextContent('Current preferences:');
    expect(manage).toHaveTextContent('Not chosen yet');
    act(() => store.acceptAll());
    expect(within(manage).getByText('Performance Cookies:')).toHaveTextContent('Performance Cookies: On');
    act(() => store.setCategory('targeting', false));
    expect(within(manage).getByText('Targeting/Advertising Cookies:')).toHaveTextContent('Targeting/Advertising Cookies: Off');
  });

  it('opens the preferences from each Cookie Settings button on the page', async () => {
    const user = userEvent.setup();
    renderPage(
      <>
        <PolicySections content={connexxPage} />
        <PreferencesDialog />
      </>,
    );
    for (const name of ['Your Cookie Choices & Controls', 'Manage Your Cookie Preferences']) {
      await user.click(within(section(name)).getByRole('button', { name: 'Cookie Settings' }));
      expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeInTheDocument();
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).toBeNull();
    }
  });

  it('has no axe violations', async () => {
    const { container } = renderPage(
      <main>
        <PolicySections content={connexxPage} toc />
      </main>,
    );
    expect((await axe(container)).violations).toEqual([]);
  });
});

describe('PolicySections, given a policy that declares Web Storage keys', () => {
  it('shows the keys in their own table after the first-party cookies', () => {
    const policy = definePolicy({
      revision: 1,
      categories: [
        ...connexxPolicy.categories.slice(0, 3),
        { ...connexxPolicy.categories[3]!, storage: [{ key: 'ad-id', type: 'localStorage', purpose: 'Identifies the browser to ad partners' }] },
      ],
    });
    render(
      <ConsentProvider store={createConsentStore({ policy })}>
        <PolicySections content={connexxPage} />
      </ConsentProvider>,
    );
    const tables = section('Specific Cookies We Use');
    expect(within(tables).getAllByRole('table').map((t) => t.querySelector('caption')!.textContent)).toEqual([
      'First-party cookies',
      'Web storage',
      'Third-party services',
    ]);
    expect(within(tables).getByRole('heading', { name: 'Web Storage' })).toBeInTheDocument();
    expect(within(tables).getByRole('rowheader', { name: 'ad-id' })).toBeInTheDocument();
  });
});

describe('PolicySections, with a table of contents', () => {
  it('links each titled section in page order to its anchor', () => {
    const { container } = renderPage(<PolicySections content={connexxPage} toc />);
    const nav = screen.getByRole('navigation', { name: 'On this page' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(seedOutline.filter(([level]) => level === 2).map(([, text]) => text));
    for (const link of links) {
      const target = container.querySelector(link.getAttribute('href')!);
      expect(target?.tagName).toBe('SECTION');
      expect(within(target as HTMLElement).getAllByRole('heading')[0]).toHaveTextContent(link.textContent!);
    }
    expect(links[0]).toHaveAttribute('href', '#cc-policy-overview');
  });

  it('is left out unless asked for', () => {
    renderPage(<PolicySections content={connexxPage} />);
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});

describe('PolicySections, given content of a host', () => {
  const minimal: PolicyPageContent = { organization: 'Acme' };

  it('places a section without a place just before the contact section', () => {
    renderPage(
      <PolicySections
        content={{ ...minimal, contact: { email: 'dpo@acme.example' }, sections: [{ id: 'extra', title: 'Children', body: ['No.'] }] }}
      />,
    );
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles.slice(-4)).toEqual(['Additional Information', 'Children', 'Questions About Our Cookie Policy?', 'Manage Your Cookie Preferences']);
  });

  it('keeps a section meant to close the contact section when there is no contact section', () => {
    renderPage(<PolicySections content={{ ...minimal, sections: [{ id: 'dpo', title: 'Our DPO', body: ['Write to us.'], within: 'contact' }] }} />);
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles.slice(-2)).toEqual(['Our DPO', 'Manage Your Cookie Preferences']);
  });

  it('leaves the contact section out without contact details', () => {
    renderPage(<PolicySections content={minimal} />);
    expect(screen.queryByRole('heading', { name: 'Questions About Our Cookie Policy?' })).toBeNull();
  });

  it('renders an invalid contact email as text, never as a link', () => {
    const email = 'dpo@acme.example?cc=everyone@evil.example';
    const { container } = renderPage(<PolicySections content={{ ...minimal, contact: { name: 'Privacy team', email } }} />);
    const contact = section('Questions About Our Cookie Policy?');
    expect(within(contact).getByText(email)).toBeInTheDocument();
    expect(within(contact).queryByRole('link')).toBeNull();
    expect(container.querySelector('a[href^="mailto:"]')).toBeNull();
  });

  it('renders markup in its sections as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = renderPage(
      <PolicySections
        content={{
          organization: hostile,
          intro: hostile,
          contact: { name: hostile, email: hostile },
          sections: [{ id: 'x', title: hostile, body: [hostile, { list: [hostile] }, { terms: [{ term: hostile, text: hostile }] }, { note: hostile, label: hostile }] }],
        }}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: hostile })).toBeInTheDocument();
    expect(screen.getAllByText(hostile).length).toBeGreaterThanOrEqual(5);
  });

  it('words Do Not Track after what the store does with it', () => {
    renderPage(<PolicySections content={minimal} />);
    expect(section('Additional Information')).toHaveTextContent('does not currently respond to "Do Not Track"');
    cleanup();
    render(
      <ConsentProvider policy={connexxPolicy} respectDoNotTrack>
        <PolicySections content={minimal} />
      </ConsentProvider>,
    );
    expect(section('Additional Information')).toHaveTextContent('as an objection to the sale or sharing of your personal information');
  });

  it('forwards its ref to the article, merges className and drops its own class when unstyled', () => {
    let article: HTMLElement | null = null;
    const { rerender, store } = renderPage(<PolicySections ref={(el) => void (article = el)} content={minimal} className="mine" />);
    expect(article).toBe(screen.getByRole('article'));
    expect(article).toHaveClass('cc-policy', 'mine');
    rerender(
      <ConsentProvider store={store}>
        <PolicySections content={minimal} unstyled className="mine" />
      </ConsentProvider>,
    );
    expect(screen.getByRole('article')).toHaveAttribute('class', 'mine');
    expect(screen.getByRole('article').querySelector('[class*="cc-"]')).toBeNull();
  });
});

describe('each policy section, used on its own', () => {
  const alone: [string, ReactNode, string][] = [
    ['PolicyOverview', <PolicyOverview organization="Connexx" />, 'What This Policy Covers'],
    ['PolicyUnderstandingCookies', <PolicyUnderstandingCookies />, 'Understanding Cookies & Similar Technologies'],
    ['PolicyCategories', <PolicyCategories />, 'How We Use Cookies'],
    ['PolicyDurations', <PolicyDurations durations={{ session: 'Until you sign out' }} />, 'Cookie Duration & Lifespan'],
    ['PolicyCookieTables', <PolicyCookieTables organization="Connexx" />, 'Specific Cookies We Use'],
    ['PolicyChoices', <PolicyChoices />, 'Your Cookie Choices & Controls'],
    ['PolicyDoNotTrack', <PolicyDoNotTrack />, 'Additional Information'],
    ['PolicyContact', <PolicyContact contact={{ email: 'contact@connexx360.com' }} />, 'Questions About Our Cookie Policy?'],
    ['PolicyManagePreferences', <PolicyManagePreferences />, 'Manage Your Cookie Preferences'],
    ['PolicyCustomSection', <PolicyCustomSection section={connexxPage.sections![4]!} />, 'Legal Basis for Cookie Use'],
  ];

  it.each(alone)('%s renders a section under its level-2 heading, no landmark, without axe violations', async (_, ui, title) => {
    const { container } = renderPage(<main>{ui}</main>);
    const heading = screen.getByRole('heading', { level: 2, name: title });
    expect(section(title).firstElementChild).toBe(heading);
    expect(screen.queryByRole('region')).toBeNull();
    expect(section(title)).toHaveClass('cc-policy-section');
    expect((await axe(container)).violations).toEqual([]);
  });

  it('takes another heading level, with its sub-headings one below', () => {
    renderPage(<PolicyDurations headingLevel={3} durations={{ session: 'Until you sign out' }} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Cookie Duration & Lifespan' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Session Cookies', 'Persistent Cookies']);
    expect(section('Cookie Duration & Lifespan')).toHaveTextContent('Duration: Until you sign out');
  });

  it('has an anchor for each built-in section', () => {
    const { container } = renderPage(<PolicySections content={{ ...connexxPage, sections: [] }} />);
    expect([...container.querySelectorAll('article > section')].map((s) => s.id)).toEqual(policySectionIds.map((id) => `cc-policy-${id}`));
  });
});
