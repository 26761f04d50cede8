import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode, useState, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ActivateScripts,
  ConsentProvider,
  ConsentReceipts,
  ConsentScript,
  createConsentStore,
  GoogleConsentMode,
  useConsent,
  useConsentEffect,
  useConsentStore,
  type ConsentProviderProps,
  type ConsentStore,
} from '../../src';
import { encodeRecord } from '../../src/core';
import { policy } from '../fixtures/policies';

type Id = 'essential' | 'performance' | 'functional' | 'targeting';

const decision = (choices: Partial<Record<Id, boolean>>, id = '0b3c7a2e-9f41-4d5b-8c6e-2a1f0e9d8c7b') =>
  `cookie_consent=${encodeRecord({
    id,
    revision: policy.revision,
    decidedAt: new Date().toISOString(),
    method: 'custom',
    choices: { essential: true, performance: false, functional: false, targeting: false, ...choices },
    signals: { gpc: false, dnt: false },
  })}`;
const storeDecision = (choices: Partial<Record<Id, boolean>>) => {
  document.cookie = `${decision(choices)}; Path=/`;
};
const scripts = (src: string) => document.querySelectorAll(`script[src="${src}"]`);
const hasCookie = (name: string) => document.cookie.split('; ').some((pair) => pair.startsWith(`${name}=`));

/** Hands the provider's store to the test. */
let store: ConsentStore<Id>;
function GrabStore() {
  store = useConsentStore<Id>();
  return null;
}
const Provider = (props: Partial<ConsentProviderProps<Id>> & { children?: ReactNode }) => (
  <ConsentProvider<Id> policy={policy} {...(props as object)}>
    <GrabStore />
    {props.children}
  </ConsentProvider>
);

afterEach(() => {
  document.head.querySelectorAll('script').forEach((s) => s.remove());
  delete (window as { dataLayer?: unknown }).dataLayer;
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ConsentScript', () => {
  it('renders nothing and loads its script only once the category is granted, with its attributes', () => {
    const { container } = render(
      <Provider>
        <ConsentScript category="performance" src="/analytics.js" async nonce="abc" data-site="connexx" />
      </Provider>,
    );
    expect(container.innerHTML).toBe('');
    expect(scripts('/analytics.js')).toHaveLength(0);
    act(() => store.acceptAll());
    const [script] = scripts('/analytics.js');
    expect(script!.getAttribute('nonce')).toBe('abc');
    expect(script!.getAttribute('data-site')).toBe('connexx');
    expect(script!.hasAttribute('async')).toBe(true);
  });

  it('loads a src once however many components ask for it, also under StrictMode', () => {
    storeDecision({ functional: true });
    render(
      <StrictMode>
        <Provider>
          <ConsentScript category="functional" src="/chat.js" />
          <ConsentScript category="functional" src="/chat.js" />
        </Provider>
      </StrictMode>,
    );
    expect(scripts('/chat.js')).toHaveLength(1);
  });

  it('never loads once unmounted', () => {
    const { unmount } = render(
      <Provider>
        <ConsentScript category="targeting" src="/ads.js" />
      </Provider>,
    );
    unmount();
    act(() => store.acceptAll());
    expect(scripts('/ads.js')).toHaveLength(0);
  });
});

describe('ConsentProvider, on a sensitive page', () => {
  it('does not load the Performance script whatever is stored', () => {
    storeDecision({ performance: true, functional: true, targeting: true });
    render(
      <Provider sensitive>
        <ConsentScript category="performance" src="/sensitive-analytics.js" />
      </Provider>,
    );
    act(() => store.acceptAll());
    expect(store.getState().record!.choices.performance).toBe(true);
    expect(scripts('/sensitive-analytics.js')).toHaveLength(0);
  });

  it('blocks only the listed categories', () => {
    storeDecision({ performance: true, functional: true });
    render(
      <Provider sensitive={['performance']}>
        <ConsentScript category="performance" src="/listed-analytics.js" />
        <ConsentScript category="functional" src="/listed-chat.js" />
      </Provider>,
    );
    expect(scripts('/listed-analytics.js')).toHaveLength(0);
    expect(scripts('/listed-chat.js')).toHaveLength(1);
  });

  it('loads it on a page that is not sensitive', () => {
    storeDecision({ performance: true });
    render(
      <Provider>
        <ConsentScript category="performance" src="/plain-analytics.js" />
      </Provider>,
    );
    expect(scripts('/plain-analytics.js')).toHaveLength(1);
  });
});

describe('ConsentProvider, when the sensitive prop changes (a client-side route change)', () => {
  const log: string[] = [];
  function Page({ sensitive }: { sensitive?: boolean | Id[] }) {
    return (
      <Provider sensitive={sensitive}>
        <GoogleConsentMode />
        {sensitive ? <PatientPage /> : null}
      </Provider>
    );
  }
  // A page whose scripts mount in the same render as the switch to sensitive: their effects must
  // already see the page as sensitive.
  function PatientPage() {
    useConsentEffect<Id>('performance', () => void log.push('start analytics'));
    return <ConsentScript category="performance" src="/route-analytics.js" />;
  }
  const updates = () => ((window as { dataLayer?: IArguments[] }).dataLayer ?? []).map((entry) => Array.from(entry)[2]);

  it('takes the new value: nothing of a blocked category starts, and Consent Mode is told denied', () => {
    log.length = 0;
    storeDecision({ performance: true, functional: true });
    const { rerender } = render(<Page />);
    expect(store.getState().choices.performance).toBe(true);
    rerender(<Page sensitive={['performance']} />);
    expect(store.getState().choices).toMatchObject({ performance: false, functional: true });
    expect(store.getState().record!.choices.performance).toBe(true);
    expect(log).toEqual([]);
    expect(scripts('/route-analytics.js')).toHaveLength(0);
    expect(updates()).toEqual([
      expect.objectContaining({ analytics_storage: 'granted', functionality_storage: 'granted' }),
      expect.objectContaining({ analytics_storage: 'denied', functionality_storage: 'granted' }),
    ]);
    rerender(<Page />);
    expect(store.getState().choices.performance).toBe(true);
    expect(updates()).toHaveLength(3);
  });

  it('tells subscribers nothing when the value is the same, even as a new array each render, or on mount', () => {
    storeDecision({ performance: true });
    const { rerender } = render(<Provider sensitive={['performance']} />);
    const state = store.getState();
    rerender(<Provider sensitive={['performance']} />);
    rerender(<Provider sensitive={['performance']} messages={{}} />);
    expect(store.getState()).toBe(state);
  });

  it('leaves a store passed in as its host set it', () => {
    storeDecision({ performance: true });
    const shared = createConsentStore<Id>({ policy, sensitive: true });
    const { rerender } = render(<ConsentProvider store={shared} />);
    rerender(<ConsentProvider store={shared} messages={{}} />);
    expect(shared.getState().choices.performance).toBe(false);
  });
});

describe('useConsentEffect', () => {
  const log: string[] = [];
  function Widget() {
    const [label] = useState('chat');
    useConsentEffect<Id>('functional', () => {
      log.push(`start ${label}`);
      return () => void log.push(`stop ${label}`);
    });
    return null;
  }

  it('starts when the category is granted and stops when it is withdrawn or on unmount', () => {
    log.length = 0;
    const { unmount, rerender } = render(<Provider><Widget /></Provider>);
    expect(log).toEqual([]);
    act(() => store.save({ functional: true }));
    rerender(<Provider><Widget /></Provider>);
    act(() => store.save({ performance: true }));
    expect(log).toEqual(['start chat']);
    act(() => store.save({ functional: false }));
    expect(log).toEqual(['start chat', 'stop chat']);
    act(() => store.save({ functional: true }));
    unmount();
    expect(log).toEqual(['start chat', 'stop chat', 'start chat', 'stop chat']);
  });

  it('never starts for a category named like an Object.prototype member', () => {
    log.length = 0;
    function Proto() {
      useConsentEffect<Id>('toString' as Id, () => void log.push('start toString'));
      return null;
    }
    render(<Provider><Proto /></Provider>);
    act(() => store.acceptAll());
    expect(log).toEqual([]);
  });

  it('does not start during hydration when the server said granted and the store no longer does', async () => {
    log.length = 0;
    // The request carried a grant; since then another tab withdrew it (the cookie now says no).
    storeDecision({});
    const stale = createConsentStore<Id>({ policy, initialCookieHeader: decision({ functional: true, performance: true }, '0b3c7a2e-9f41-4d5b-8c6e-2a1f0e9d8c70') });
    expect([stale.getServerState().choices.functional, stale.getState().choices.functional]).toEqual([true, false]);
    const container = document.body.appendChild(document.createElement('div'));
    const root = await act(async () =>
      hydrateRoot(
        container,
        <ConsentProvider store={stale}>
          <Widget />
          <ConsentScript category="performance" src="/hydration-analytics.js" />
        </ConsentProvider>,
      ),
    );
    expect(log).toEqual([]);
    expect(scripts('/hydration-analytics.js')).toHaveLength(0);
    act(() => stale.setCategory('functional', true));
    expect(log).toEqual(['start chat']);
    act(() => root.unmount());
    container.remove();
  });

  it('starts on mount when the category is already granted', () => {
    log.length = 0;
    storeDecision({ functional: true });
    render(<Provider><Widget /></Provider>);
    expect(log).toEqual(['start chat']);
  });
});

describe('GoogleConsentMode', () => {
  it('sends a Consent Mode update for the provider’s store on a decision', () => {
    render(
      <Provider>
        <GoogleConsentMode mapping={{ performance: ['analytics_storage'] }} />
      </Provider>,
    );
    const w = window as unknown as { dataLayer?: IArguments[] };
    expect(w.dataLayer ?? []).toHaveLength(0);
    act(() => store.acceptAll());
    expect(w.dataLayer).toHaveLength(1);
    expect(Object.prototype.toString.call(w.dataLayer![0])).toBe('[object Arguments]');
    expect(Array.from(w.dataLayer![0]!)).toEqual(['consent', 'update', { analytics_storage: 'granted' }]);
  });
});

describe('ConsentProvider, wiring the enforcement', () => {
  it('deletes a withdrawn category’s cookies, unless clearCookies is false', () => {
    const { unmount } = render(<Provider />);
    act(() => store.acceptAll());
    document.cookie = '_ga=GA1.1.1; Path=/';
    document.cookie = '_ga_X1=GS1.1; Path=/';
    document.cookie = 'session_id=s; Path=/';
    act(() => store.setCategory('performance', false));
    expect([hasCookie('_ga'), hasCookie('_ga_X1'), hasCookie('session_id'), hasCookie('cookie_consent')]).toEqual([false, false, true, true]);
    unmount();

    render(<Provider clearCookies={false} />);
    act(() => store.acceptAll());
    document.cookie = '_ga=GA1.1.2; Path=/';
    act(() => store.setCategory('performance', false));
    expect(hasCookie('_ga')).toBe(true);
  });

  it('never deletes a consent cookie given another name', () => {
    render(<Provider cookie={{ name: 'cx_consent' }} />);
    act(() => store.acceptAll());
    act(() => store.reset());
    act(() => store.acceptAll());
    act(() => store.rejectAll());
    expect(hasCookie('cx_consent')).toBe(true);
  });

  it('keeps providers of two tabs in step, unless syncTabs is false', async () => {
    function Status({ name }: { name: string }) {
      return <p>{`${name}: ${useConsent((s) => s.status)}`}</p>;
    }
    let a!: ConsentStore<Id>;
    function GrabA() {
      a = useConsentStore<Id>();
      return null;
    }
    render(
      <>
        <ConsentProvider policy={policy}><GrabA /><Status name="tab A" /></ConsentProvider>
        <ConsentProvider policy={policy}><Status name="tab B" /></ConsentProvider>
        <ConsentProvider policy={policy} syncTabs={false}><Status name="tab C" /></ConsentProvider>
      </>,
    );
    act(() => a.acceptAll());
    await waitFor(() => expect(screen.getByText('tab B: decided')).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText('tab C: pending')).toBeInTheDocument();
  });

  it('sends one receipt per decision with ConsentReceipts, under StrictMode, and stops once it is gone', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response(null, { status: 204 })));
    vi.stubGlobal('fetch', fetch);
    const { rerender } = render(
      <StrictMode>
        <Provider>
          <ConsentReceipts endpoint="/api/consent" />
        </Provider>
      </StrictMode>,
    );
    act(() => store.rejectAll());
    expect(fetch).toHaveBeenCalledOnce();
    expect(JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual(store.getState().record);
    await waitFor(() => expect(Object.keys(localStorage).filter((key) => key.startsWith('cookie_consent_receipts'))).toEqual([]));
    rerender(
      <StrictMode>
        <Provider />
      </StrictMode>,
    );
    act(() => store.acceptAll());
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('reports a record the endpoint refuses to the onDrop of the latest render, without reconnecting', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response(null, { status: 400 })));
    vi.stubGlobal('fetch', fetch);
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender } = render(
      <Provider>
        <ConsentReceipts endpoint="/api/consent" storageKey="refused_receipts" onDrop={first} />
      </Provider>,
    );
    rerender(
      <Provider>
        <ConsentReceipts endpoint="/api/consent" storageKey="refused_receipts" onDrop={latest} />
      </Provider>,
    );
    act(() => store.acceptAll());
    await waitFor(() => expect(latest).toHaveBeenCalledOnce());
    expect(latest).toHaveBeenCalledWith({ record: store.getState().record, reason: 'refused', status: 400 });
    expect(first).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('runs the page’s script placeholders of a granted category with ActivateScripts', () => {
    const placeholder = Object.assign(document.createElement('script'), { type: 'text/plain' });
    placeholder.dataset.category = 'performance';
    placeholder.dataset.src = '/placeholder-analytics.js';
    document.head.append(placeholder);
    render(
      <Provider>
        <ActivateScripts />
      </Provider>,
    );
    expect(scripts('/placeholder-analytics.js')).toHaveLength(0);
    act(() => store.acceptAll());
    expect(scripts('/placeholder-analytics.js')).toHaveLength(1);
    expect(document.querySelector('script[type="text/plain"]')).toBeNull();
  });

  it('works with a store passed in', () => {
    const shared = createConsentStore<Id>({ policy });
    render(
      <ConsentProvider store={shared}>
        <ConsentScript category="performance" src="/shared-store.js" />
      </ConsentProvider>,
    );
    act(() => shared.acceptAll());
    expect(scripts('/shared-store.js')).toHaveLength(1);
  });
});

describe('ConsentProvider, given monitorCookies in a development build', () => {
  afterEach(() => {
    document.cookie = '_fbp=; Max-Age=0; Path=/';
  });

  it('reports an undeclared cookie once, through onFinding and the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onFinding = vi.fn();
    render(<Provider monitorCookies={{ onFinding, intervalMs: 20 }} />);
    document.cookie = '_fbp=fb.1.1; Path=/';
    await waitFor(() => expect(onFinding).toHaveBeenCalledWith({ kind: 'cookie', name: '_fbp', problem: 'undeclared' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onFinding).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls.filter(([text]) => String(text).includes('"_fbp"'))).toHaveLength(1);
    warn.mockRestore();
  });

  it('watches nothing without the prop', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Provider />);
    document.cookie = '_fbp=fb.1.1; Path=/';
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
