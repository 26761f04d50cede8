import { describe, expect, it } from 'vitest';
import { definePolicy, policyContent, policyFingerprint } from '../../src/core';
import { policy } from '../fixtures/policies';

const copy = (change: (categories: any[]) => void, revision: string | number = policy.revision) => {
  const categories = structuredClone(policy.categories.map((c) => ({ ...c, cookies: c.cookies && [...c.cookies], services: c.services && [...c.services] }))) as any[];
  change(categories);
  return definePolicy({ revision, categories });
};

describe('policyFingerprint', () => {
  it('is 16 hex digits, the same for the same content however its keys are ordered', () => {
    const fingerprint = policyFingerprint(policy);
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const reordered = definePolicy({
      revision: 3,
      categories: policy.categories.map((c) => Object.fromEntries(Object.entries(c).reverse()) as typeof c),
    });
    expect(policyFingerprint(reordered)).toBe(fingerprint);
  });

  it('ignores the revision and updatedAt, which label the content', () => {
    expect(policyFingerprint(definePolicy({ revision: 'next', updatedAt: '2030-01-01', categories: policy.categories }))).toBe(policyFingerprint(policy));
  });

  it.each<[string, (categories: any[]) => void]>([
    ['a category flag', (c) => (c[3].saleOrShare = false)],
    ['a category added', (c) => c.push({ id: 'video', title: 'Video', description: '' })],
    ['a service purpose', (c) => (c[1].services[0] = { ...c[1].services[0], purpose: 'Advertising' })],
    ['a cookie duration', (c) => (c[0].cookies[1] = { ...c[0].cookies[1], duration: '2 years' })],
    ['a cookie pattern', (c) => (c[0].cookies[0] = { ...c[0].cookies[0], pattern: /^sess/ })],
    ['a description', (c) => (c[2].description = 'Chat.')],
  ])('changes with %s', (_, change) => {
    expect(policyFingerprint(copy(change))).not.toBe(policyFingerprint(policy));
  });

  it('hashes the canonical content, which a log can store and show', () => {
    const content = JSON.parse(policyContent(policy));
    expect(Object.keys(content)).toEqual(['categories']);
    expect(content.categories[1].services[0].cookies[1]).toEqual({ duration: '2 years', name: '_ga_*', purpose: 'Keeps session state' });
  });
});
