// The React parts and script gating as a host's production build ships them (NODE_ENV replaced,
// development checks compiled out), given a policy those checks would have refused.
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Library from '../../src';
import type * as Core from '../../src/core';
import { importProductionBuild } from '../production-build';

let production: typeof Library;
let core: typeof Core;
beforeAll(async () => {
  [production, core] = await Promise.all([importProductionBuild<typeof Library>('index.ts'), importProductionBuild<typeof Core>('core/index.ts')]);
}, 60_000);
afterEach(() => {
  document.head.querySelectorAll('script').forEach((s) => s.remove());
  document.body.innerHTML = '';
});

const invalidIds = ['__proto__', 'has space', 'a;b', 'k=v', 'café'];
const policyWith = (id: string) =>
  production.definePolicy({
    revision: 1,
    categories: [
      { id: 'essential', title: 'Essential', description: '', required: true },
      { id, title: 'Odd', description: '' },
      { id: 'performance', title: 'Performance', description: '' },
    ],
  });

describe('a category id that is not valid, in a production build', () => {
  it.each(invalidIds)('keeps ConsentGate %j closed and useCookieCategory not granted, before and after every decision', (id) => {
    const store = production.createConsentStore({ policy: policyWith(id) });
    function Granted() {
      return <p>Granted: {String(production.useCookieCategory(id).granted)}</p>;
    }
    render(
      <production.ConsentProvider store={store}>
        <production.ConsentGate category={id} fallback={<p>Blocked</p>}>
          <p>Video player</p>
        </production.ConsentGate>
        <Granted />
      </production.ConsentProvider>,
    );
    const expectBlocked = () => {
      expect(screen.getByText('Blocked')).toBeInTheDocument();
      expect(screen.queryByText('Video player')).not.toBeInTheDocument();
      expect(screen.getByText('Granted: false')).toBeInTheDocument();
    };
    expectBlocked();
    act(() => store.rejectAll());
    expectBlocked();
    act(() => store.acceptAll());
    expectBlocked();
    act(() => store.save({ [id]: true }));
    expectBlocked();
  });

  it.each(invalidIds)('never loads a script of %j, by loadScript or by a placeholder', (id) => {
    const src = `/odd-${encodeURIComponent(id)}.js`;
    const placeholder = document.createElement('script');
    placeholder.type = 'text/plain';
    placeholder.dataset.category = id;
    placeholder.dataset.src = `${src}?placeholder`;
    document.body.append(placeholder);
    const store = core.createConsentStore({ policy: policyWith(id) });
    core.loadScript(store, { category: id, src });
    core.activateScripts(store);
    store.acceptAll();
    store.save({ [id]: true });
    expect(document.querySelectorAll('script:not([type="text/plain"])')).toHaveLength(0);
  });
});
