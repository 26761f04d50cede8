import { describe, expect, it } from 'vitest';
import { parseCookieHeader } from '../../src/core';

describe('parseCookieHeader', () => {
  it('reads each name once, trimming spaces, first value winning', () => {
    const cookies = parseCookieHeader(' a=1;b = 2 ; cookie_consent=1|x|y; a=3; novalue; =empty');
    expect([...cookies]).toEqual([['a', '1'], ['b', '2'], ['cookie_consent', '1|x|y']]);
  });

  it.each([undefined, null, '', 42])('returns an empty map for %s', (header) => {
    expect(parseCookieHeader(header as string).size).toBe(0);
  });

  it('keeps "=" inside a value', () => {
    expect(parseCookieHeader('token=a=b==').get('token')).toBe('a=b==');
  });
});
