import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as development from '../../src/core';
import { policy } from '../fixtures/policies';
import { importProductionBuild } from '../production-build';
import { installFakeBrowser, type FakeBrowser } from './fake-browser';

type Core = typeof development;
type Id = 'essential' | 'performance' | 'functional' | 'targeting';

let production: Core;
let browser: FakeBrowser;
beforeAll(async () => {
  production = await importProductionBuild<Core>('core/index.ts');
});
beforeEach(() => {
  browser = installFakeBrowser();
});
afterEach(() => {
  browser.restore();
  vi.restoreAllMocks();
});

const consentWrites = () => browser.writes.filter((w) => /^cookie_consent=[123]\|/.test(w));

describe('a subscriber that decides on every change, in a development build', () => {
  it('gets a clear error at the first nested decision, which is ignored: one cookie write, one onChange', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const onChange = vi.fn();
    const store = development.createConsentStore<Id>({ policy, onChange });
    store.subscribe(() => store.acceptAll());
    store.rejectAll();
    expect(consentWrites()).toHaveLength(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(store.getState().record?.method).toBe('reject-all');
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(
      '[consent-ui] a subscriber threw:',
      expect.objectContaining({ message: expect.stringMatching(/^\[consent-ui\] acceptAll\(\) was called while the store was announcing a decision/) }),
    );
  });

  it('does the same for an onChange that decides', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = development.createConsentStore<Id>({ policy, onChange: () => store.save({ functional: true }) });
    store.acceptAll();
    expect(consentWrites()).toHaveLength(1);
    expect(store.getState().record?.method).toBe('accept-all');
    expect(error).toHaveBeenCalledWith('[consent-ui] onChange threw:', expect.objectContaining({ message: expect.stringContaining('save() was called while') }));
  });

  it('still takes the next decision made once the announcement is over', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = development.createConsentStore<Id>({ policy });
    store.subscribe(() => store.rejectAll());
    store.acceptAll();
    store.setCategory('functional', false);
    expect(consentWrites()).toHaveLength(2);
    expect(store.getState().record?.method).toBe('custom');
  });
});

describe('a subscriber that decides on every change, in a production build', () => {
  it('never throws and never loops: the nested decision is ignored, with one warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const onChange = vi.fn();
    const store = production.createConsentStore<Id>({ policy, onChange });
    store.subscribe(() => store.acceptAll());
    expect(() => store.rejectAll()).not.toThrow();
    expect(() => store.setCategory('functional', true)).not.toThrow();
    expect(consentWrites()).toHaveLength(2);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(store.getState().record?.method).toBe('custom');
    expect(store.getState().choices).toMatchObject({ performance: false, functional: true });
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^\[consent-ui\] .*ignored/);
  });
});
