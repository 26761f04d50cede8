// Runtime figures for this library, in jsdom. Compiled and run by bench/run.mjs.
import { JSDOM } from 'jsdom';
import { performance } from 'node:perf_hooks';

const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

export async function runRuntimeBench() {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://connexx.test/' });
  const g = globalThis as Record<string, unknown>;
  for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'Element', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) {
    Object.defineProperty(g, key, { value: (dom.window as unknown as Record<string, unknown>)[key], configurable: true, writable: true });
  }
  g.IS_REACT_ACT_ENVIRONMENT = true;
  g.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };

  const React = await import('react');
  const { act } = React;
  const { createRoot } = await import('react-dom/client');
  const { ConsentProvider, CookieBanner, CookieTable, PolicySections, createConsentStore, definePolicy, useCookieCategory } = await import('../src');
  const { connexxPage, connexxPolicy } = await import('../stories/fixtures/connexx-policy');

  const mount = (node: React.ReactNode) => {
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const start = performance.now();
    act(() => root.render(node));
    const elapsed = performance.now() - start;
    act(() => root.unmount());
    container.remove();
    document.cookie = 'cookie_consent=; Path=/; Max-Age=0';
    return elapsed;
  };
  const time = (node: () => React.ReactNode) => {
    mount(node()); // warm-up
    return median(Array.from({ length: RUNS }, () => mount(node())));
  };

  const results: [string, string][] = [];
  const mountBanner = time(() => (
    <ConsentProvider policy={connexxPolicy}>
      <CookieBanner />
    </ConsentProvider>
  ));
  results.push(['mount ConsentProvider + CookieBanner', ms(mountBanner)]);

  // Re-renders of components that read other categories when one category changes.
  const store = createConsentStore({ policy: connexxPolicy });
  const renders: Record<string, number> = { performance: 0, functional: 0, targeting: 0 };
  const Reader = ({ id }: { id: 'performance' | 'functional' | 'targeting' }) => {
    renders[id]!++;
    return <span>{String(useCookieCategory(id).granted)}</span>;
  };
  const container = document.createElement('div');
  const root = createRoot(container);
  act(() =>
    root.render(
      <ConsentProvider store={store}>
        <Reader id="performance" />
        <Reader id="functional" />
        <Reader id="targeting" />
      </ConsentProvider>,
    ),
  );
  const before = { ...renders };
  for (let i = 0; i < 10; i++) act(() => store.setCategory('performance', i % 2 === 0));
  act(() => root.unmount());
  const unrelated = renders.functional! - before.functional! + (renders.targeting! - before.targeting!);
  results.push(['re-renders of unrelated subscribers (10 changes)', String(unrelated)]);

  const policyOf = (n: number) =>
    definePolicy({
      revision: 1,
      categories: [
        {
          id: 'essential',
          title: 'Essential',
          description: '',
          required: true,
          cookies: Array.from({ length: n }, (_, i) => ({ name: `cookie_${i}`, purpose: `Purpose of cookie ${i}`, duration: '1 year' })),
        },
      ],
    });
  const tableTime = (n: number) => {
    const p = policyOf(n);
    return time(() => (
      <ConsentProvider policy={p}>
        <CookieTable kind="first-party" />
      </ConsentProvider>
    ));
  };
  const t20 = tableTime(20);
  const t2000 = tableTime(2000);
  results.push(['CookieTable, 20 cookies', ms(t20)]);
  results.push(['CookieTable, 2,000 cookies', ms(t2000)]);
  results.push(['  ratio (100x the rows; linear is <= 100)', (t2000 / t20).toFixed(1)]);
  results.push([
    'PolicySections, the Connexx page',
    ms(time(() => (
      <ConsentProvider policy={connexxPolicy}>
        <PolicySections content={connexxPage} toc />
      </ConsentProvider>
    ))),
  ]);

  console.log(`\nRuntime, this library (jsdom, median of ${RUNS} runs after a warm-up)\n`);
  for (const [label, value] of results) console.log(`${label.padEnd(52)}${value.padStart(12)}`);
  if (unrelated !== 0) {
    console.error('\nUnrelated subscribers re-rendered: the store binding has regressed.');
    process.exitCode = 1;
  }
}
