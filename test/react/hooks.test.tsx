import { act, render, renderHook, screen } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ConsentProvider, createConsentStore, useConsent, useCookieCategory } from '../../src';
import { encodeRecord } from '../../src/core';
import { policy } from '../fixtures/policies';

type Id = 'essential' | 'performance' | 'functional' | 'targeting';
const wrapper = ({ children }: { children: ReactNode }) => <ConsentProvider policy={policy}>{children}</ConsentProvider>;

const cookieHeader = (choices: Partial<Record<Id, boolean>>) =>
  `cookie_consent=${encodeRecord({
    id: '0b3c7a2e-9f41-4d5b-8c6e-2a1f0e9d8c7b',
    revision: policy.revision,
    decidedAt: new Date().toISOString(),
    method: 'custom',
    choices: { essential: true, performance: false, functional: false, targeting: false, ...choices },
    signals: { gpc: false, dnt: false },
  })}`;

function Status() {
  const status = useConsent((s) => s.status);
  const { granted, category } = useCookieCategory<Id>('functional');
  return <p>{`${status}: ${category.title} ${granted ? 'on' : 'off'}`}</p>;
}

describe('the hooks, used outside ConsentProvider', () => {
  it.each<[string, () => unknown]>([
    ['useConsent', () => useConsent()],
    ['useCookieCategory', () => useCookieCategory('performance')],
  ])('%s throws an error naming ConsentProvider', (name, hook) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(hook)).toThrow(`[consent-ui] ${name}() must be used inside <ConsentProvider policy={policy}>.`);
    error.mockRestore();
  });
});

describe('useConsent, given no stored decision', () => {
  it('returns the pending state with the actions, and updates after Accept all', () => {
    const { result } = renderHook(() => useConsent<Id>(), { wrapper });
    expect(result.current).toMatchObject({ status: 'pending', choices: { essential: true, performance: false } });
    act(() => result.current.acceptAll());
    expect(result.current).toMatchObject({ status: 'decided', choices: { performance: true, targeting: true } });
    expect(document.cookie).toMatch(/cookie_consent=3\|/);
  });

  it('returns every action its type lists, optOut included, and nothing of the store beyond them', () => {
    const { result } = renderHook(() => useConsent<Id>(), { wrapper });
    const actions = ['acceptAll', 'rejectAll', 'optOut', 'save', 'setCategory', 'reset', 'openPreferences', 'closePreferences'];
    for (const name of actions) expect(typeof (result.current as unknown as Record<string, unknown>)[name], name).toBe('function');
    const functions = Object.keys(result.current).filter((key) => typeof (result.current as unknown as Record<string, unknown>)[key] === 'function');
    expect(functions.sort()).toEqual([...actions].sort());
    act(() => result.current.optOut());
    expect(result.current.record?.method).toBe('opt-out');
  });

  it('keeps the same result object while nothing changes', () => {
    const { result, rerender } = renderHook(() => useConsent(), { wrapper });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });
});

describe('useCookieCategory', () => {
  it('returns the category, whether it is required, and a setter that records a decision', () => {
    const { result } = renderHook(() => useCookieCategory<Id>('performance'), { wrapper });
    expect(result.current).toMatchObject({ granted: false, required: false, category: { title: 'Performance Cookies' } });
    act(() => result.current.setGranted(true));
    expect(result.current.granted).toBe(true);
  });

  it('reports a required category as granted and required', () => {
    const { result } = renderHook(() => useCookieCategory<Id>('essential'), { wrapper });
    expect(result.current).toMatchObject({ granted: true, required: true });
  });

  it('throws a clear error for an id the policy does not have', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useCookieCategory('perfomance'), { wrapper })).toThrow(
      'useCookieCategory: the policy has no category "perfomance"; it has essential, performance, functional, targeting.',
    );
    error.mockRestore();
  });
});

describe('re-render economy', () => {
  it('does not re-render a component that reads one category when another changes', () => {
    const store = createConsentStore<Id>({ policy });
    const renders = { functional: 0, performance: 0, status: 0 };
    function Functional() {
      renders.functional++;
      return <span>functional {String(useCookieCategory<Id>('functional').granted)}</span>;
    }
    function Performance() {
      renders.performance++;
      return <span>performance {String(useCookieCategory<Id>('performance').granted)}</span>;
    }
    function StatusOnly() {
      renders.status++;
      return <span>{useConsent((s) => s.status)}</span>;
    }
    render(
      <ConsentProvider store={store}>
        <Functional />
        <Performance />
        <StatusOnly />
      </ConsentProvider>,
    );
    expect(renders).toEqual({ functional: 1, performance: 1, status: 1 });
    act(() => store.setCategory('performance', true));
    expect(screen.getByText('performance true')).toBeInTheDocument();
    expect(renders).toEqual({ functional: 1, performance: 2, status: 2 });
    act(() => store.setCategory('performance', false));
    act(() => store.openPreferences());
    expect(renders).toEqual({ functional: 1, performance: 3, status: 2 });
  });
});

describe('ConsentProvider', () => {
  it('creates one store per mount, surviving re-renders and Strict Mode', () => {
    const { result, rerender } = renderHook(() => useConsent(), {
      wrapper: ({ children }) => (
        <StrictMode>
          <ConsentProvider policy={policy}>{children}</ConsentProvider>
        </StrictMode>
      ),
    });
    act(() => result.current.setCategory('functional', true));
    rerender();
    expect(result.current.choices).toMatchObject({ functional: true });
  });

  it('calls the latest onChange passed to it', () => {
    const first = vi.fn();
    const latest = vi.fn();
    function App({ onChange }: { onChange: () => void }) {
      return (
        <ConsentProvider policy={policy} onChange={onChange}>
          <Accept />
        </ConsentProvider>
      );
    }
    function Accept() {
      const acceptAll = useConsent((s) => s.status) && useConsent().acceptAll;
      return <button onClick={acceptAll}>Accept all</button>;
    }
    const { rerender } = render(<App onChange={first} />);
    rerender(<App onChange={latest} />);
    act(() => screen.getByRole('button', { name: 'Accept all' }).click());
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledWith(expect.objectContaining({ method: 'accept-all' }), null);
  });
});

describe('server rendering', () => {
  const serverRender = (initialCookieHeader?: string) => {
    // react-dom/server runs with the document hidden, as on a real server.
    const doc = vi.spyOn(globalThis, 'document', 'get').mockReturnValue(undefined as never);
    try {
      return renderToString(
        <ConsentProvider policy={policy} initialCookieHeader={initialCookieHeader}>
          <Status />
        </ConsentProvider>,
      );
    } finally {
      doc.mockRestore();
    }
  };

  it('renders the stored decision from the request cookie in the first HTML', () => {
    expect(serverRender(cookieHeader({ functional: true }))).toContain('decided: Functional Cookies on');
  });

  it('renders pending without a stored decision', () => {
    expect(serverRender()).toContain('pending: Functional Cookies off');
    expect(serverRender('cookie_consent=garbage')).toContain('pending: Functional Cookies off');
  });

  it('hydrates the server HTML without a mismatch, then stays live', async () => {
    const header = cookieHeader({ functional: true });
    const html = serverRender(header);
    document.cookie = header;
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const recoverable = vi.fn();
    const store = createConsentStore<Id>({ policy, initialCookieHeader: header });
    await act(async () => {
      hydrateRoot(
        container,
        <ConsentProvider store={store}>
          <Status />
        </ConsentProvider>,
        { onRecoverableError: recoverable },
      );
    });
    expect(container.textContent).toBe('decided: Functional Cookies on');
    act(() => store.setCategory('functional', false));
    expect(container.textContent).toBe('decided: Functional Cookies off');
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    container.remove();
  });
});

describe('ConsentProvider under Strict Mode, when the browser sends GPC after an earlier Accept all', () => {
  it('records the signal once, from an effect, not from the store React throws away', () => {
    document.cookie = cookieHeader({ performance: true, functional: true, targeting: true });
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const onChange = vi.fn();
      const { result } = renderHook(() => useConsent<Id>(), {
        wrapper: ({ children }) => (
          <StrictMode>
            <ConsentProvider policy={policy} onChange={onChange}>
              {children}
            </ConsentProvider>
          </StrictMode>
        ),
      });
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ method: 'signal' }), expect.objectContaining({ method: 'custom' }));
      expect(result.current.choices).toMatchObject({ performance: true, targeting: false });
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });
});
