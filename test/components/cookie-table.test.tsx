import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { axe } from 'vitest-axe';
import { CookieTable } from '../../src/components/cookie-table';
import { createConsentStore, definePolicy, type Policy } from '../../src/core';
import { ConsentProvider } from '../../src/react';
import { connexxPolicy } from '../../stories/fixtures/connexx-policy';

const renderTable = (ui: ReactNode, policy: Policy = connexxPolicy) =>
  render(<ConsentProvider store={createConsentStore({ policy })}>{ui}</ConsentProvider>);

/** Each body row as the text of its cells. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('CookieTable, given the Connexx policy', () => {
  it('lists each first-party cookie with its purpose, duration and category', () => {
    renderTable(<CookieTable kind="first-party" />);
    const table = screen.getByRole('table', { name: 'First-party cookies' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Cookie Name', 'Purpose', 'Duration', 'Type']);
    expect(rowsOf(table)).toEqual([
      ['session_id', 'Maintain user session state across pages', 'Session', 'Essential Cookies'],
      ['auth_token', 'User authentication and security', '30 days', 'Essential Cookies'],
      ['cookie_consent', 'Record your cookie consent choices', '1 year', 'Essential Cookies'],
      ['user_preferences', 'Store UI preferences (theme, language)', '1 year', 'Functional Cookies'],
    ]);
  });

  it('shows cookie names as code, in row headers', () => {
    renderTable(<CookieTable kind="first-party" />);
    const header = screen.getByRole('rowheader', { name: 'auth_token' });
    expect(header.tagName).toBe('TH');
    expect(header).toHaveAttribute('scope', 'row');
    expect(header.querySelector('code')).toHaveTextContent('auth_token');
  });

  it('lists each third-party service with its purpose, category and privacy policy', () => {
    renderTable(<CookieTable kind="third-party" />);
    const table = screen.getByRole('table', { name: 'Third-party services' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Provider', 'Purpose', 'Type', 'Privacy Policy']);
    expect(rowsOf(table).map(([provider, purpose, type]) => [provider, purpose, type])).toEqual([
      ['Stripe', 'Secure payment processing', 'Essential Cookies'],
      ['Google Analytics', 'Website traffic and usage analytics', 'Performance Cookies'],
      ['Intercom', 'Customer support and live chat', 'Functional Cookies'],
      ['Advertising partners', 'Marketing and targeted advertising', 'Targeting/Advertising Cookies'],
    ]);
  });

  it('gives every privacy-policy link a unique name that starts with its visible text, opening in a new tab safely', () => {
    renderTable(<CookieTable kind="third-party" />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      'View Policy (Stripe)',
      'View Policy (Google Analytics)',
      'View Policy (Intercom)',
      'View Policy (Advertising partners)',
    ]);
    const ga = screen.getByRole('link', { name: 'View Policy (Google Analytics)' });
    expect(ga).toHaveAttribute('href', 'https://policies.google.com/privacy');
    expect(ga).toHaveAttribute('target', '_blank');
    expect(ga).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(ga).getByText('(Google Analytics)')).toHaveAttribute('data-part', 'cookie-table-link-hint');
  });

  it('marks every column header as a column header', () => {
    const { container } = renderTable(
      <>
        <CookieTable kind="first-party" />
        <CookieTable kind="third-party" />
      </>,
    );
    const headers = container.querySelectorAll('thead th');
    expect(headers).toHaveLength(8);
    headers.forEach((th) => expect(th).toHaveAttribute('scope', 'col'));
    container.querySelectorAll('tbody tr').forEach((row) => expect(row.firstElementChild).toHaveAttribute('scope', 'row'));
  });

  it('shows only one category when asked', () => {
    renderTable(
      <>
        <CookieTable kind="first-party" category="functional" />
        <CookieTable kind="third-party" category="performance" />
      </>,
    );
    expect(rowsOf(screen.getByRole('table', { name: 'First-party cookies' }))).toEqual([
      ['user_preferences', 'Store UI preferences (theme, language)', '1 year', 'Functional Cookies'],
    ]);
    expect(rowsOf(screen.getByRole('table', { name: 'Third-party services' })).map((row) => row[0])).toEqual(['Google Analytics']);
  });

  it('says so when a category has nothing of that kind', () => {
    renderTable(<CookieTable kind="first-party" category="performance" />);
    const table = screen.getByRole('table', { name: 'First-party cookies' });
    expect(within(table).getByRole('cell', { name: 'No cookies of this kind are in use.' })).toHaveAttribute('colspan', '4');
  });

  it('throws a clear error for a category the policy does not have', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderTable(<CookieTable kind="first-party" category="perfomance" />)).toThrow(
      '<CookieTable category="perfomance">: the policy has no category "perfomance"',
    );
    error.mockRestore();
  });

  it('takes a caption of the host, which names the table', () => {
    renderTable(<CookieTable kind="third-party" category="functional" caption="Functional services" />);
    expect(screen.getByRole('table', { name: 'Functional services' })).toBeInTheDocument();
  });

  it('where it fits, is no landmark and no tab stop: the table is named once, by its caption', () => {
    renderTable(<CookieTable kind="first-party" />);
    const wrapper = screen.getByRole('table', { name: 'First-party cookies' }).parentElement!;
    expect(screen.queryByRole('region')).toBeNull();
    expect(wrapper).not.toHaveAttribute('tabindex');
    expect(wrapper).not.toHaveAttribute('role');
  });

  it('where it scrolls sideways, is a tab stop named by its caption, so a keyboard can scroll it, but no landmark', () => {
    // A table wider than its wrapper, as the browser reports it when it lays the page out.
    const widths = [vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(600), vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300)];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private report: () => void) {}
        observe() {
          this.report();
        }
        disconnect() {}
      },
    );
    renderTable(<CookieTable kind="third-party" caption="Functional services" />);
    for (const spy of widths) spy.mockRestore();
    vi.unstubAllGlobals();
    const scroller = screen.getByRole('group', { name: 'Functional services' });
    expect(scroller).toHaveAttribute('tabindex', '0');
    expect(scroller).toHaveAttribute('data-kind', 'third-party');
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('says that a "View Policy" link opens a new window', () => {
    renderTable(<CookieTable kind="third-party" />);
    const link = screen.getByRole('link', { name: 'View Policy (Intercom)' });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAccessibleDescription('Opens in a new window');
  });

  it('forwards its ref, merges className and spreads other props onto the wrapper', () => {
    let wrapper: HTMLDivElement | null = null;
    renderTable(<CookieTable ref={(el) => void (wrapper = el)} kind="first-party" className="mine" data-testid="t" />);
    expect(wrapper).toBe(screen.getByTestId('t'));
    expect(screen.getByTestId('t')).toHaveClass('cc-cookie-table', 'mine');
  });

  it('drops its own class when unstyled', () => {
    renderTable(<CookieTable kind="first-party" unstyled className="mine" data-testid="t" />);
    expect(screen.getByTestId('t')).toHaveAttribute('class', 'mine');
  });

  it('has no axe violations', async () => {
    const { container } = renderTable(
      <main>
        <CookieTable kind="first-party" />
        <CookieTable kind="third-party" />
      </main>,
    );
    expect((await axe(container)).violations).toEqual([]);
  });
});

describe('CookieTable, given hostile strings in a policy', () => {
  const hostile = '<img src=x onerror=alert(1)>';

  it('renders markup in a purpose and a title as text', () => {
    const policy = definePolicy({
      revision: 1,
      categories: [
        {
          id: 'essential',
          title: hostile,
          description: '',
          required: true,
          cookies: [{ name: 'session_id', purpose: hostile, duration: 'Session' }],
          services: [{ name: hostile, purpose: hostile, privacyPolicyUrl: 'https://example.com/privacy' }],
        },
      ],
    });
    const { container } = renderTable(
      <>
        <CookieTable kind="first-party" />
        <CookieTable kind="third-party" />
      </>,
      policy,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(hostile).length).toBeGreaterThanOrEqual(4);
    expect(screen.getByRole('link', { name: `View Policy (${hostile})` })).toBeInTheDocument();
  });

  it('never turns a javascript: privacy policy URL into a link, even without definePolicy', () => {
    // Built by hand: definePolicy would refuse it.
    const policy: Policy = {
      revision: '1',
      categories: [
        {
          id: 'essential',
          title: 'Essential Cookies',
          description: '',
          required: true,
          services: [
            { name: 'Evil', purpose: 'Tracking', privacyPolicyUrl: 'javascript:alert(1)' },
            { name: 'Sneaky', purpose: 'Tracking', privacyPolicyUrl: ' JaVaScRiPt:alert(1)' },
            { name: 'Quiet', purpose: 'Tracking' },
          ],
        },
      ],
    };
    const { container } = renderTable(<CookieTable kind="third-party" />, policy);
    expect(screen.queryByRole('link')).toBeNull();
    expect(container.querySelector('[href]')).toBeNull();
    expect(container.innerHTML).not.toMatch(/href=/i);
    expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Quiet/ })).toHaveTextContent('Not published');
  });
});

describe('CookieTable, given a policy that declares Web Storage keys', () => {
  const withStorage = definePolicy({
    revision: 1,
    categories: [
      { id: 'essential', title: 'Essential', description: '', required: true, storage: [{ key: 'csrf', type: 'sessionStorage', purpose: 'Form protection' }] },
      {
        id: 'functional',
        title: 'Functional',
        description: '',
        cookies: [{ name: 'lang', purpose: 'Language', duration: '1 year' }],
        storage: [{ key: 'chat-*', type: 'localStorage', purpose: 'Chat history' }],
      },
    ],
  });

  it('lists each key with its purpose, kind of storage and category, next to the cookies', async () => {
    const { container } = renderTable(
      <>
        <CookieTable kind="first-party" />
        <CookieTable kind="storage" />
      </>,
      withStorage,
    );
    const table = screen.getByRole('table', { name: 'Web storage' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Key', 'Purpose', 'Storage', 'Type']);
    expect(rowsOf(table)).toEqual([
      ['csrf', 'Form protection', 'Session storage', 'Essential'],
      ['chat-*', 'Chat history', 'Local storage', 'Functional'],
    ]);
    expect(screen.getByRole('rowheader', { name: 'chat-*' }).querySelector('code')).toHaveTextContent('chat-*');
    expect((await axe(container)).violations).toEqual([]);
  });

  it('says so when the policy declares no key', () => {
    renderTable(<CookieTable kind="storage" />);
    expect(rowsOf(screen.getByRole('table', { name: 'Web storage' }))).toEqual([['No cookies of this kind are in use.']]);
  });
});
