import { describe, expect, expectTypeOf, it } from 'vitest';
import { definePolicy, PolicyError, type CategoryId, type PolicyDefinition } from '../../src/core';
import { policy } from '../fixtures/policies';

const category = { id: 'essential', title: 'Essential', description: 'Needed.', required: true };
const attempt = (definition: unknown) => () => definePolicy(definition as PolicyDefinition<string>);

describe('definePolicy, given a valid definition', () => {
  it('returns the categories in order, frozen, with the revision as a string', () => {
    expect(policy.revision).toBe('3');
    expect(policy.categories.map((c) => c.id)).toEqual(['essential', 'performance', 'functional', 'targeting']);
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.categories[0])).toBe(true);
  });

  it('keeps service domains and storage keys as declared', () => {
    const declared = definePolicy({
      revision: 1,
      categories: [
        { ...category, services: [{ name: 'Pay', purpose: 'Payments', domains: ['js.pay.example', 'pay.example'] }] },
        { id: 'functional', title: 'Functional', description: '', storage: [{ key: 'chat-*', type: 'localStorage', purpose: 'Chat state' }] },
      ],
    });
    expect(declared.categories[0]!.services![0]!.domains).toEqual(['js.pay.example', 'pay.example']);
    expect(declared.categories[1]!.storage).toEqual([{ key: 'chat-*', type: 'localStorage', purpose: 'Chat state' }]);
  });

  it('types the category ids as a literal union', () => {
    expectTypeOf<CategoryId<typeof policy>>().toEqualTypeOf<'essential' | 'performance' | 'functional' | 'targeting'>();
  });
});

describe('definePolicy, given a developer mistake', () => {
  it.each([
    ['no categories', { revision: 1, categories: [] }, /categories must be a non-empty array/],
    ['no categories array', { revision: 1 }, /categories must be a non-empty array/],
    ['no revision', { categories: [category] }, /revision must be a non-empty string or a number/],
    ['an empty revision', { revision: ' ', categories: [category] }, /revision/],
    ['duplicate ids', { revision: 1, categories: [category, { ...category, required: false }] }, /duplicate category id "essential"/],
    ['an id with a space', { revision: 1, categories: [{ ...category, id: 'bad id' }] }, /categories\[0\]\.id "bad id"/],
    ['an id of __proto__', { revision: 1, categories: [{ ...category, id: '__proto__' }] }, /id "__proto__"/],
    ['an empty title', { revision: 1, categories: [{ ...category, title: '  ' }] }, /category "essential" has an empty title/],
    ['no description', { revision: 1, categories: [{ ...category, description: undefined }] }, /needs a description/],
    [
      'a required category that is also saleOrShare',
      { revision: 1, categories: [{ ...category, saleOrShare: true }] },
      /category "essential" cannot be both required and saleOrShare/,
    ],
    [
      'a javascript: privacy policy URL',
      { revision: 1, categories: [{ ...category, services: [{ name: 'X', purpose: 'p', privacyPolicyUrl: 'javascript:alert(1)' }] }] },
      /services\[0\]\.privacyPolicyUrl must be an http\(s\) URL, got "javascript:alert\(1\)"/,
    ],
    [
      'a relative privacy policy URL',
      { revision: 1, categories: [{ ...category, services: [{ name: 'X', purpose: 'p', privacyPolicyUrl: '/privacy' }] }] },
      /privacyPolicyUrl must be an http\(s\) URL/,
    ],
    ['a cookie without a name', { revision: 1, categories: [{ ...category, cookies: [{ name: '', purpose: '', duration: '' }] }] }, /cookies\[0\] needs a name/],
    [
      'a cookie purpose that is not text',
      { revision: 1, categories: [{ ...category, cookies: [{ name: 'a', purpose: { en: 'Session' }, duration: '30 days' }] }] },
      /cookies\[0\] \("a"\) needs a purpose and a duration, as text/,
    ],
    ['a cookie without a duration', { revision: 1, categories: [{ ...category, cookies: [{ name: 'a', purpose: 'p' }] }] }, /needs a purpose and a duration/],
    ['a service without a purpose', { revision: 1, categories: [{ ...category, services: [{ name: 'X' }] }] }, /services\[0\] \("X"\) needs a purpose/],
    ['services that are not an array', { revision: 1, categories: [{ ...category, services: 'Google' }] }, /services must be an array/],
    ['examples that are not strings', { revision: 1, categories: [{ ...category, examples: [{}] }] }, /examples must be strings/],
    [
      'a service domain given as a URL',
      { revision: 1, categories: [{ ...category, services: [{ name: 'X', purpose: 'p', domains: ['https://x.com/a'] }] }] },
      /services\[0\]\.domains\[0\] must be a lower-case host name .*got "https:\/\/x\.com\/a"/,
    ],
    [
      'a service domain in capitals',
      { revision: 1, categories: [{ ...category, services: [{ name: 'X', purpose: 'p', domains: ['X.com'] }] }] },
      /domains\[0\] must be a lower-case host name/,
    ],
    ['domains that are not an array', { revision: 1, categories: [{ ...category, services: [{ name: 'X', purpose: 'p', domains: 'x.com' }] }] }, /domains must be an array/],
    ['a storage key without a key', { revision: 1, categories: [{ ...category, storage: [{ key: '', type: 'localStorage', purpose: 'p' }] }] }, /storage\[0\] needs a key/],
    [
      'a storage key of an unknown type',
      { revision: 1, categories: [{ ...category, storage: [{ key: 'k', type: 'indexedDB', purpose: 'p' }] }] },
      /storage\[0\] \("k"\) needs a type, "localStorage" or "sessionStorage", got "indexedDB"/,
    ],
    ['a storage key without a purpose', { revision: 1, categories: [{ ...category, storage: [{ key: 'k', type: 'sessionStorage' }] }] }, /storage\[0\] \("k"\) needs a purpose/],
    ['storage that is not an array', { revision: 1, categories: [{ ...category, storage: { key: 'k' } }] }, /storage must be an array/],
  ])('throws a PolicyError for %s', (_, definition, message) => {
    expect(attempt(definition)).toThrow(PolicyError);
    expect(attempt(definition)).toThrow(message);
  });

  it('throws a PolicyError, not a TypeError, for a missing definition', () => {
    expect(attempt(undefined)).toThrow(PolicyError);
    expect(attempt({ revision: 1, categories: [null] })).toThrow(PolicyError);
  });
});

describe('definePolicy, given a revision that cannot travel in a cookie', () => {
  it('refuses a lone surrogate', () => {
    expect(attempt({ revision: 'v\uD800', categories: [category] })).toThrow(/well-formed Unicode/);
  });

  it('refuses a revision too long for the cookie, and keeps one that fits', () => {
    expect(attempt({ revision: 'é'.repeat(17), categories: [category] })).toThrow(/revision is too long/);
    expect(attempt({ revision: 'é'.repeat(16), categories: [category] })).not.toThrow();
  });

  it('refuses more categories than the cookie can hold', () => {
    const many = (n: number) => [category, ...Array.from({ length: n - 1 }, (_, i) => ({ ...category, id: `c${i}`, required: false }))];
    expect(attempt({ revision: 1, categories: many(51) })).toThrow(/at most 50 categories/);
    expect(attempt({ revision: 1, categories: many(50) })).not.toThrow();
  });
});
