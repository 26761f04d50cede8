import type { Policy } from './policy';

/**
 * The material content of a policy as one canonical JSON text: everything a visitor is shown or
 * that decides what runs (categories with their flags, texts, services, cookies, purposes,
 * durations, and any jurisdiction map), with object keys sorted and `undefined` left out. The
 * revision and `updatedAt` are not material: they label the content, so they stay outside it.
 */
export function policyContent(policy: Policy<string>): string {
  const { revision, updatedAt, ...material } = policy as Policy<string> & Record<string, unknown>;
  return canonical(material) ?? '{}';
}

/**
 * A stable fingerprint of the policy's material content: 16 hex digits of FNV-1a (64 bit) over
 * the UTF-8 bytes of `policyContent(policy)`. Synchronous and pure, so the browser, Node and edge
 * runtimes all compute the same value without Web Crypto's promises. It tells versions of one
 * policy apart; it is not a security hash and needs not be one (the host writes the policy).
 */
export function policyFingerprint(policy: Policy<string>): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(policyContent(policy))) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  }
  return hash.toString(16).padStart(16, '0');
}

function canonical(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value instanceof RegExp) return JSON.stringify(String(value));
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v) ?? 'null').join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .flatMap((key) => {
        const text = canonical((value as Record<string, unknown>)[key]);
        return text === undefined ? [] : [`${JSON.stringify(key)}:${text}`];
      });
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
