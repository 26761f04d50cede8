import { afterEach, describe, expect, it, vi } from 'vitest';
import { activateScripts, createConsentStore, loadScript } from '../../src/core';
import { policy } from '../fixtures/policies';

type Id = 'essential' | 'performance' | 'functional' | 'targeting';
const create = (options: { sensitive?: boolean | Id[] } = {}) => createConsentStore<Id>({ policy, ...options });
const scripts = (src: string) => document.querySelectorAll(`script[src="${src}"]`);
// Inline scripts run in jsdom's own global, so they report through the DOM.
const runs = () => Number(document.documentElement.dataset.runs ?? 0);

afterEach(() => {
  document.head.querySelectorAll('script').forEach((s) => s.remove());
  document.body.innerHTML = '';
  delete document.documentElement.dataset.runs;
});

describe('loadScript', () => {
  it('adds nothing before consent, then one script with its attributes once the category is granted', () => {
    const store = create();
    loadScript(store, { category: 'performance', src: '/analytics.js', attributes: { async: true, defer: false, nonce: 'n0nce', 'data-x': 'y', id: undefined } });
    expect(scripts('/analytics.js')).toHaveLength(0);
    store.save({ functional: true });
    expect(scripts('/analytics.js')).toHaveLength(0);
    store.acceptAll();
    const [script] = scripts('/analytics.js');
    expect(script!.parentNode).toBe(document.head);
    expect([...script!.attributes].map((a) => [a.name, a.value])).toEqual([['async', ''], ['nonce', 'n0nce'], ['data-x', 'y'], ['src', '/analytics.js']]);
  });

  it('loads at most once per page per src, whoever asks and however often consent changes', () => {
    const store = create();
    const other = create();
    loadScript(store, { category: 'performance', src: '/once.js' });
    loadScript(other, { category: 'functional', src: '/once.js' });
    store.acceptAll();
    store.rejectAll();
    store.acceptAll();
    other.acceptAll();
    loadScript(store, { category: 'performance', src: '/once.js' });
    expect(scripts('/once.js')).toHaveLength(1);
  });

  it('loads at once when the category is already granted, and never after the caller stops waiting', () => {
    const store = create();
    store.save({ functional: true });
    loadScript(store, { category: 'functional', src: '/now.js' });
    expect(scripts('/now.js')).toHaveLength(1);
    loadScript(store, { category: 'targeting', src: '/later.js' })();
    store.acceptAll();
    expect(scripts('/later.js')).toHaveLength(0);
  });

  it('never loads a script of a category blocked on a sensitive page', () => {
    const store = create({ sensitive: ['performance'] });
    loadScript(store, { category: 'performance', src: '/blocked.js' });
    loadScript(store, { category: 'functional', src: '/allowed.js' });
    store.acceptAll();
    expect(scripts('/blocked.js')).toHaveLength(0);
    expect(scripts('/allowed.js')).toHaveLength(1);
  });

  it('throws for a category the policy does not have', () => {
    expect(() => loadScript(create(), { category: 'perfomance' as Id, src: '/typo.js' })).toThrow('[consent-ui] loadScript: the policy has no category "perfomance"');
  });
});

describe('activateScripts', () => {
  it('turns placeholders of a granted category into running scripts, once, keeping their attributes', () => {
    document.body.innerHTML = `
      <script type="text/plain" data-category="performance" data-src="/gtag.js" async id="gtag"></script>
      <script type="text/plain" data-category="performance">document.documentElement.dataset.runs = +(document.documentElement.dataset.runs || 0) + 1</script>
      <script type="text/plain" data-category="targeting" data-src="/ads.js"></script>`;
    const store = create();
    activateScripts(store);
    expect(runs()).toBe(0);
    store.save({ performance: true });
    expect(runs()).toBe(1);
    const external = document.getElementById('gtag') as HTMLScriptElement;
    expect(external.getAttribute('type')).toBeNull();
    expect(external.hasAttribute('data-src')).toBe(false);
    expect(external.getAttribute('src')).toBe('/gtag.js');
    expect(external.hasAttribute('async')).toBe(true);
    expect(external.dataset.category).toBe('performance');
    expect(document.querySelector('script[data-category="targeting"]')!.getAttribute('type')).toBe('text/plain');
    store.rejectAll();
    store.acceptAll();
    expect(runs()).toBe(1);
    expect(scripts('/gtag.js')).toHaveLength(1);
    expect(scripts('/ads.js')).toHaveLength(1);
  });

  it('looks only inside the given root, and shares the once-per-page registry with loadScript', () => {
    document.body.innerHTML = `
      <div id="widget"><script type="text/plain" data-category="functional" data-src="/shared.js"></script></div>
      <script type="text/plain" data-category="functional" data-src="/outside.js"></script>`;
    const store = create();
    loadScript(store, { category: 'functional', src: '/shared.js' });
    activateScripts(store, document.getElementById('widget')!);
    store.save({ functional: true });
    expect(scripts('/shared.js')).toHaveLength(1);
    expect(document.querySelector('#widget script')).toBeNull();
    expect(scripts('/outside.js')).toHaveLength(0);
  });

  it('never runs a placeholder whose category is an Object.prototype name, and warns once per unknown category', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.body.innerHTML = `
      <script type="text/plain" data-category="toString" data-src="/proto.js"></script>
      <script type="text/plain" data-category="toString">document.documentElement.dataset.runs = 1</script>
      <script type="text/plain" data-category="__proto__" data-src="/proto2.js"></script>
      <script type="text/plain" data-category="performance" data-src="/known.js"></script>`;
    const store = create();
    activateScripts(store);
    store.save({ functional: true });
    store.acceptAll();
    expect(scripts('/proto.js')).toHaveLength(0);
    expect(scripts('/proto2.js')).toHaveLength(0);
    expect(runs()).toBe(0);
    expect(scripts('/known.js')).toHaveLength(1);
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      '[consent-ui] activateScripts: the policy has no category "toString"; its scripts never run.',
      '[consent-ui] activateScripts: the policy has no category "__proto__"; its scripts never run.',
    ]);
    warn.mockRestore();
  });

  it('carries the CSP nonce over from the property, which browsers keep when they hide the attribute', () => {
    document.body.innerHTML = `
      <script type="text/plain" data-category="functional" data-src="/nonced.js" nonce=""></script>
      <script type="text/plain" data-category="functional" nonce="">document.documentElement.dataset.runs = 1</script>`;
    // jsdom reflects `nonce` to the attribute; a browser with a CSP header hides it: the attribute
    // reads as empty, and only the property still holds the value. An own property models that.
    document.querySelectorAll<HTMLScriptElement>('script[type="text/plain"]').forEach((placeholder) => {
      Object.defineProperty(placeholder, 'nonce', { value: 'abc', configurable: true });
      expect([placeholder.getAttribute('nonce'), placeholder.nonce]).toEqual(['', 'abc']);
    });
    const store = create();
    activateScripts(store);
    store.save({ functional: true });
    const inline = document.querySelector<HTMLScriptElement>('script:not([src])[data-category="functional"]')!;
    expect([(scripts('/nonced.js')[0] as HTMLScriptElement).nonce, inline.nonce]).toEqual(['abc', 'abc']);
  });

  it('looks for placeholders only when the choices in force change, not on opening or closing the preferences', () => {
    const store = create();
    const root = document.createElement('div');
    const look = vi.spyOn(root, 'querySelectorAll');
    activateScripts(store, root);
    store.openPreferences();
    store.closePreferences();
    expect(look).toHaveBeenCalledTimes(1);
    store.save({ functional: true });
    store.openPreferences();
    expect(look).toHaveBeenCalledTimes(2);
  });

  it('stops watching when disconnected', () => {
    document.body.innerHTML = '<script type="text/plain" data-category="functional" data-src="/stopped.js"></script>';
    const store = create();
    activateScripts(store)();
    store.acceptAll();
    expect(scripts('/stopped.js')).toHaveLength(0);
  });
});
