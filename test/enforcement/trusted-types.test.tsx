// Script gating where the page requires Trusted Types, with the browser's enforcement stood in for:
// jsdom has none, so plain strings assigned to a script's src or text throw here as in Chromium
// (test/e2e/trusted-types.e2e.test.ts proves the same against the real thing).
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type * as Core from '../../src/core';
import type * as Library from '../../src';
import { policy } from '../fixtures/policies';

type Id = 'essential' | 'performance' | 'functional' | 'targeting';

/** What a Trusted Types policy returns: not a string, which is the point. */
class Trusted {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const created: string[] = [];
const sinks = ['src', 'text'] as const;
const originals = Object.fromEntries(sinks.map((sink) => [sink, Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, sink)!]));

/** `require-trusted-types-for 'script'`, with a `trusted-types` directive allowing `allowed` names. */
function enforceTrustedTypes(allowed: string[] = []) {
  for (const sink of sinks) {
    Object.defineProperty(HTMLScriptElement.prototype, sink, {
      configurable: true,
      get: originals[sink]!.get,
      set(value: unknown) {
        if (!(value instanceof Trusted)) throw new TypeError(`This document requires 'Trusted${sink === 'src' ? 'ScriptURL' : 'Script'}' assignment.`);
        originals[sink]!.set!.call(this, value.value);
      },
    });
  }
  vi.stubGlobal('trustedTypes', {
    createPolicy(name: string, rules: { createScriptURL(url: string): string; createScript(code: string): string }) {
      if (!allowed.includes(name)) throw new TypeError(`Failed to execute 'createPolicy': Policy "${name}" disallowed.`);
      created.push(name);
      return { createScriptURL: (url: string) => new Trusted(rules.createScriptURL(url)), createScript: (code: string) => new Trusted(rules.createScript(code)) };
    },
  });
}

function liftTrustedTypes() {
  for (const sink of sinks) Object.defineProperty(HTMLScriptElement.prototype, sink, originals[sink]!);
  vi.unstubAllGlobals();
}

// A fresh module per test: which policies exist and which scripts loaded are per page.
let core: typeof Core;
let error: MockInstance<typeof console.error>;
beforeEach(async () => {
  vi.resetModules();
  core = await import('../../src/core');
  created.length = 0;
  error = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  liftTrustedTypes();
  vi.restoreAllMocks();
  document.head.querySelectorAll('script').forEach((s) => s.remove());
  document.body.innerHTML = '';
});

const scripts = (src: string) => document.querySelectorAll(`script[src="${src}"]`);
const create = () => core.createConsentStore<Id>({ policy });

describe('loadScript, where the page requires Trusted Types', () => {
  it("creates the library's policy, consent-ui, only when a script first loads, and loads through it", () => {
    enforceTrustedTypes(['consent-ui']);
    const store = create();
    core.loadScript(store, { category: 'performance', src: '/analytics.js' });
    expect(created).toEqual([]);
    store.acceptAll();
    expect(created).toEqual(['consent-ui']);
    expect(scripts('/analytics.js')).toHaveLength(1);
    core.loadScript(store, { category: 'functional', src: '/chat.js' });
    expect(created).toEqual(['consent-ui']);
    expect(scripts('/chat.js')).toHaveLength(1);
  });

  it('uses a policy the host names, or its own policy object', () => {
    enforceTrustedTypes(['host-scripts']);
    const store = create();
    store.acceptAll();
    core.loadScript(store, { category: 'performance', src: '/named.js', trustedTypesPolicy: 'host-scripts' });
    const own = { createScriptURL: vi.fn((url: string) => new Trusted(url)), createScript: vi.fn() };
    core.loadScript(store, { category: 'performance', src: '/own.js', trustedTypesPolicy: own });
    expect(created).toEqual(['host-scripts']);
    expect(own.createScriptURL).toHaveBeenCalledWith('/own.js');
    expect([scripts('/named.js').length, scripts('/own.js').length]).toEqual([1, 1]);
  });

  it("refuses, through its own policy, a src that is not http(s)", () => {
    enforceTrustedTypes(['consent-ui']);
    const store = create();
    store.acceptAll();
    core.loadScript(store, { category: 'performance', src: 'data:text/javascript,alert(1)' });
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('is not an http(s) URL'));
  });

  it('reports a refused load once, with onError, counts it as not loaded, and loads it on a later change once the page allows it', () => {
    enforceTrustedTypes([]);
    const onError = vi.fn();
    const store = create();
    core.loadScript(store, { category: 'performance', src: '/analytics.js', onError });
    store.acceptAll();
    store.save({ functional: false });
    expect(scripts('/analytics.js')).toHaveLength(0);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]![0]).toMatch(/^\[consent-ui\] could not load \/analytics\.js: This document requires 'TrustedScriptURL' assignment\. .*trusted-types directive/);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: error.mock.calls[0]![0], cause: expect.any(TypeError) }));

    liftTrustedTypes();
    store.save({ functional: true });
    expect(scripts('/analytics.js')).toHaveLength(1);
  });

  it('never lets an onError that throws escape', () => {
    enforceTrustedTypes([]);
    const store = create();
    store.acceptAll();
    expect(() =>
      core.loadScript(store, {
        category: 'performance',
        src: '/analytics.js',
        onError: () => {
          throw new Error('host bug');
        },
      }),
    ).not.toThrow();
    expect(error).toHaveBeenCalledWith('[consent-ui] onError threw:', expect.any(Error));
  });
});

describe('activateScripts, where the page requires Trusted Types', () => {
  const placeholders = () => {
    document.body.innerHTML = `
      <script type="text/plain" data-category="performance" data-src="/gtag.js"></script>
      <script type="text/plain" data-category="performance">document.documentElement.dataset.runs = 'yes'</script>`;
  };

  it('runs external and inline placeholders through the policy, within the root given in the options', () => {
    enforceTrustedTypes(['consent-ui']);
    placeholders();
    const store = create();
    core.activateScripts(store, { root: document.body });
    store.acceptAll();
    expect(scripts('/gtag.js')).toHaveLength(1);
    expect(document.documentElement.dataset.runs).toBe('yes');
    delete document.documentElement.dataset.runs;
  });

  it('reports each refused placeholder once, leaves it in place, and runs it on a later change once allowed', () => {
    enforceTrustedTypes([]);
    placeholders();
    const onError = vi.fn();
    const store = create();
    core.activateScripts(store, { onError });
    store.acceptAll();
    store.save({ functional: false });
    expect(onError).toHaveBeenCalledTimes(2);
    expect(error.mock.calls.map(([message]) => String(message).replace(/:.*/s, ''))).toEqual([
      '[consent-ui] could not load /gtag.js',
      '[consent-ui] could not run an inline script of category "performance"',
    ]);
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(2);

    liftTrustedTypes();
    store.save({ functional: true });
    expect(scripts('/gtag.js')).toHaveLength(1);
    expect(document.documentElement.dataset.runs).toBe('yes');
    delete document.documentElement.dataset.runs;
  });
});

describe('ConsentScript, where the page refuses the script', () => {
  it('keeps the host tree rendered, with a stored grant on first render, and reports the failure once', async () => {
    enforceTrustedTypes([]);
    const library: typeof Library = await import('../../src');
    const store = library.createConsentStore<Id>({ policy });
    store.acceptAll();
    const onError = vi.fn();
    render(
      <library.ConsentProvider store={store}>
        <main>
          <h1>Patient portal</h1>
          <library.ConsentScript category="performance" src="/analytics.js" async onError={onError} />
        </main>
      </library.ConsentProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Patient portal' })).toBeInTheDocument();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(error.mock.calls.filter(([message]) => String(message).startsWith('[consent-ui] could not load'))).toHaveLength(1);
  });
});
