import { act, render, screen, within } from '@testing-library/react';
import { StrictMode, Suspense, use, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ConsentGate,
  ConsentProvider,
  ConsentScript,
  ConsentStatus,
  GoogleConsentMode,
  SensitivePage,
  useConsentStore,
  type ConsentStore,
} from '../../src';
import { encodeRecord } from '../../src/core';
import { policy } from '../fixtures/policies';

type Id = 'essential' | 'performance' | 'functional' | 'targeting';

const decision = (choices: Partial<Record<Id, boolean>>) =>
  `cookie_consent=${encodeRecord({
    id: '5f0c2d1e-8a7b-4c3d-9e2f-1a0b9c8d7e6f',
    revision: policy.revision,
    decidedAt: new Date().toISOString(),
    method: 'custom',
    choices: { essential: true, performance: false, functional: false, targeting: false, ...choices },
    signals: { gpc: false, dnt: false },
  })}`;
const acceptedAll = decision({ performance: true, functional: true, targeting: true });

// A script loads at most once per page (module state): each test loads its own.
let run = 0;
const tag = (name: string) => `/${name}-${run}.js`;
const scripts = (name: string) => document.querySelectorAll(`script[src="${tag(name)}"]`);
/** What Consent Mode was told for a key, update by update. */
const told = (key: string) =>
  ((window as { dataLayer?: IArguments[] }).dataLayer ?? []).map((entry) => (Array.from(entry)[2] as Record<string, string>)[key]);

let store: ConsentStore<Id>;
function GrabStore() {
  store = useConsentStore<Id>();
  return null;
}

/** A root layout as an App Router app has it: provider, Consent Mode and a gated tag, then the route. */
function RootLayout({ cookieHeader, children }: { cookieHeader?: string; children?: ReactNode }) {
  return (
    <ConsentProvider<Id> policy={policy} initialCookieHeader={cookieHeader}>
      <GrabStore />
      <GoogleConsentMode />
      <ConsentScript category="performance" src={tag('root-analytics')} />
      <ConsentScript category="functional" src={tag('root-chat')} />
      <main>{children}</main>
      <footer>
        <ConsentStatus />
      </footer>
    </ConsentProvider>
  );
}

function PatientPage({ categories }: { categories?: Id[] }) {
  return (
    <SensitivePage<Id> categories={categories}>
      <section aria-label="Appointments">
        <ConsentStatus />
        <ConsentGate<Id> category="performance" fallback={<p>No analytics here</p>}>
          <p>Analytics widget</p>
        </ConsentGate>
      </section>
    </SensitivePage>
  );
}

beforeEach(() => void run++);
afterEach(() => {
  document.head.querySelectorAll('script').forEach((s) => s.remove());
  document.body.innerHTML = '';
  delete (window as { dataLayer?: unknown }).dataLayer;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('SensitivePage, in a route under the root provider', () => {
  it('keeps the root’s ConsentScript and GoogleConsentMode from ever seeing the grant on a full page load', () => {
    document.cookie = `${acceptedAll}; Path=/`;
    render(
      <RootLayout>
        <PatientPage />
      </RootLayout>,
    );
    expect(scripts('root-analytics')).toHaveLength(0);
    expect(scripts('root-chat')).toHaveLength(0);
    expect(told('analytics_storage')).not.toContain('granted');
    expect(store.getState().record!.choices.performance).toBe(true);
  });

  it('does the same after hydration from the server’s HTML, whose page already says "Off on this page"', async () => {
    const html = renderToString(
      <RootLayout cookieHeader={acceptedAll}>
        <PatientPage />
      </RootLayout>,
    );
    document.cookie = `${acceptedAll}; Path=/`;
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html;
    const page = within(screen.getByRole('region', { name: 'Appointments' }));
    expect(page.getByText(/^Performance/).textContent).toMatch(/Off on this page$/);
    expect(page.getByText('No analytics here')).toBeInTheDocument();
    const errors = vi.spyOn(console, 'error');
    const root = await act(async () =>
      hydrateRoot(
        container,
        <RootLayout cookieHeader={acceptedAll}>
          <PatientPage />
        </RootLayout>,
      ),
    );
    expect(errors).not.toHaveBeenCalled();
    expect(scripts('root-analytics')).toHaveLength(0);
    expect(told('analytics_storage')).not.toContain('granted');
    expect(page.getByText(/^Performance/).textContent).toMatch(/Off on this page$/);
    // The layout's own status, outside the page, follows once the page has marked itself.
    expect(within(container.querySelector('footer')!).getByText(/^Performance/).textContent).toMatch(/Off on this page$/);
    act(() => root.unmount());
  });

  it('marks the root store before a route whose HTML streams in a Suspense boundary hydrates', async () => {
    let resolve!: () => void;
    const ready = new Promise<void>((r) => (resolve = r));
    function Streamed() {
      use(ready);
      return <PatientPage />;
    }
    const html = renderToString(
      <RootLayout cookieHeader={acceptedAll}>
        <PatientPage />
      </RootLayout>,
    );
    document.cookie = `${acceptedAll}; Path=/`;
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html.replace('<main>', '<main><!--$-->').replace('</main>', '<!--/$--></main>');
    const root = await act(async () =>
      hydrateRoot(
        container,
        <RootLayout cookieHeader={acceptedAll}>
          <Suspense fallback={null}>
            <Streamed />
          </Suspense>
        </RootLayout>,
      ),
    );
    expect(scripts('root-analytics')).toHaveLength(0);
    expect(told('analytics_storage')).not.toContain('granted');
    await act(async () => resolve());
    expect(scripts('root-analytics')).toHaveLength(0);
    act(() => root.unmount());
  });

  it('blocks only the categories it lists', () => {
    document.cookie = `${acceptedAll}; Path=/`;
    render(
      <RootLayout>
        <PatientPage categories={['performance']} />
      </RootLayout>,
    );
    expect(scripts('root-analytics')).toHaveLength(0);
    expect(scripts('root-chat')).toHaveLength(1);
  });

  it("restores the root’s choices when the route is left (a client-side navigation)", async () => {
    document.cookie = `${acceptedAll}; Path=/`;
    const { rerender } = render(
      <RootLayout>
        <PatientPage />
      </RootLayout>,
    );
    await act(async () =>
      rerender(
        <RootLayout>
          <p>Home</p>
        </RootLayout>,
      ),
    );
    expect(store.getState().choices.performance).toBe(true);
    expect(scripts('root-analytics')).toHaveLength(1);
    expect(told('analytics_storage').at(-1)).toBe('granted');
  });

  it('lets nothing through while moving from one sensitive route to another, also under StrictMode', () => {
    document.cookie = `${acceptedAll}; Path=/`;
    const seen: boolean[] = [];
    const { rerender } = render(
      <StrictMode>
        <RootLayout>
          <PatientPage key="appointments" />
        </RootLayout>
      </StrictMode>,
    );
    store.subscribe(() => void seen.push(store.getState().choices.performance));
    rerender(
      <StrictMode>
        <RootLayout>
          <PatientPage key="messages" />
        </RootLayout>
      </StrictMode>,
    );
    expect(seen).not.toContain(true);
    expect(scripts('root-analytics')).toHaveLength(0);
    expect(told('analytics_storage')).not.toContain('granted');
  });

  it('keeps a sensitive provider prop in force beside it, and its own blocks beside the prop', () => {
    document.cookie = `${acceptedAll}; Path=/`;
    render(
      <ConsentProvider<Id> policy={policy} sensitive={['functional']}>
        <GrabStore />
        <SensitivePage<Id> categories={['performance']} />
      </ConsentProvider>,
    );
    expect(store.getState().choices).toMatchObject({ performance: false, functional: false, targeting: true });
  });

  it('says clearly where it belongs when rendered outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<SensitivePage />)).toThrow('SensitivePage() must be used inside <ConsentProvider');
  });
});

describe('ConsentProvider, nested in another', () => {
  const nested = (
    <RootLayout>
      <ConsentProvider<Id> policy={policy} sensitive>
        <section aria-label="Appointments">
          <ConsentStatus />
        </section>
      </ConsentProvider>
    </RootLayout>
  );

  it('is refused in development, with an error that says to use SensitivePage', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(nested)).toThrow(/inside another ConsentProvider[\s\S]*<SensitivePage>/);
  });

  it('in production shares the outer store, so the root’s scripts and Consent Mode stay off', () => {
    vi.stubEnv('NODE_ENV', 'production');
    document.cookie = `${acceptedAll}; Path=/`;
    render(nested);
    expect(scripts('root-analytics')).toHaveLength(0);
    expect(told('analytics_storage')).not.toContain('granted');
    const page = within(screen.getByRole('region', { name: 'Appointments' }));
    expect(page.getByText(/^Performance/).textContent).toMatch(/Off on this page$/);
    act(() => store.rejectAll());
    expect(page.getByText(/^Performance/).textContent).toMatch(/Off$/);
  });
});
