import { isCategoryId } from './record';
import { normalizeJurisdiction, regimes, type JurisdictionMap } from './jurisdiction';

/** A first-party cookie a category sets. `name` may end in `*` to match a prefix (`_ga_*`). */
export interface CookieDeclaration {
  name: string;
  purpose: string;
  duration: string;
  /** For names that vary more than a prefix: every cookie whose name matches is this cookie. */
  pattern?: RegExp;
}

/** A key a category keeps in the browser's Web Storage. `key` may end in `*` to match a prefix. */
export interface StorageDeclaration {
  key: string;
  type: 'localStorage' | 'sessionStorage';
  purpose: string;
}

/** A third party whose service sets or reads cookies for a category. */
export interface ServiceDeclaration {
  name: string;
  purpose: string;
  privacyPolicyUrl?: string;
  cookies?: readonly CookieDeclaration[];
  /** The hosts its requests go to (`google-analytics.com` covers its subdomains too). */
  domains?: readonly string[];
}

export interface CategoryDefinition<Id extends string = string> {
  id: Id;
  title: string;
  description: string;
  /** Strictly necessary: always granted, shown on and not switchable. */
  required?: boolean;
  /** Sells or shares personal data (CCPA): honours Global Privacy Control. */
  saleOrShare?: boolean;
  /**
   * May collect consumer health data (Washington's My Health My Data Act, RCW 19.373.010): under
   * the `health-data` regime it stays off until the visitor opts in, and with `saleOrShare` it is
   * never granted by "Accept all".
   */
  healthData?: boolean;
  examples?: readonly string[];
  cookies?: readonly CookieDeclaration[];
  services?: readonly ServiceDeclaration[];
  /** Web Storage keys the category's scripts keep; removed with its cookies on withdrawal. */
  storage?: readonly StorageDeclaration[];
}

export interface PolicyDefinition<Id extends string = string> {
  /** Bump it whenever the purposes or parties change: every visitor is asked again. */
  revision: string | number;
  updatedAt?: string;
  categories: readonly CategoryDefinition<Id>[];
  /** Overrides of the default jurisdiction map (`{ US: 'opt-in', 'US-TX': 'opt-out' }`), consulted first. */
  jurisdictions?: JurisdictionMap;
}

export interface Policy<Id extends string = string> {
  readonly revision: string;
  readonly updatedAt?: string;
  readonly categories: readonly Readonly<CategoryDefinition<Id>>[];
  readonly jurisdictions?: JurisdictionMap;
}

/** The literal union of a policy's category ids. */
export type CategoryId<P> = P extends Policy<infer Id> ? Id : never;

/** Thrown by `definePolicy` for a mistake in a policy definition. */
export class PolicyError extends Error {
  override name = 'PolicyError';
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+/i;
// A host name as a request's URL has it: labels of letters, digits and hyphens, no scheme, port or path.
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const STORAGE_TYPES = ['localStorage', 'sessionStorage'];

/** Whether `name` is the declared `pattern`: the same, or with a `*` at its end, starting with what precedes it. */
export const nameMatches = (pattern: string, name: string): boolean =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;

function fail(message: string): never {
  throw new PolicyError(`[consent-ui] definePolicy: ${message}`);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function list<T>(value: readonly T[] | undefined, where: string): readonly T[] {
  if (value !== undefined && !Array.isArray(value)) fail(`${where} must be an array.`);
  return value ?? [];
}

function checkCookies(cookies: readonly CookieDeclaration[] | undefined, where: string): void {
  list(cookies, `${where}.cookies`).forEach((c, i) => {
    if (!c || !isText(c.name)) fail(`${where}.cookies[${i}] needs a name.`);
    if (typeof c.purpose !== 'string' || typeof c.duration !== 'string') fail(`${where}.cookies[${i}] ("${c.name}") needs a purpose and a duration, as text.`);
    if (c.pattern !== undefined && !(c.pattern instanceof RegExp)) fail(`${where}.cookies[${i}].pattern must be a RegExp.`);
  });
}

/**
 * Returns a policy definition frozen, with category ids typed as a literal union. Outside
 * production builds it first checks the definition and throws a `PolicyError` naming the first
 * mistake found. In a production build, category ids that are not valid are never granted, and
 * the store says once when a decision cannot fit the consent cookie.
 */
export function definePolicy<const Id extends string>(definition: PolicyDefinition<Id>): Policy<Id> {
  // The policy is the developer's own code: it is checked in development and test builds, and a
  // production build does not ship the checks to every visitor. Bundlers replace NODE_ENV, as for
  // React itself; a `typeof process` guard would defeat that and ship the checks everywhere.
  if (process.env.NODE_ENV !== 'production') validatePolicy(definition);
  const { revision, updatedAt, categories, jurisdictions } = definition;
  return Object.freeze({
    revision: String(revision),
    updatedAt,
    categories: Object.freeze(categories.map((c) => Object.freeze({ ...c }))),
    jurisdictions: jurisdictions && Object.freeze({ ...jurisdictions }),
  });
}

function validatePolicy<Id extends string>(definition: PolicyDefinition<Id>): void {
  const { revision, categories, jurisdictions } = definition ?? ({} as PolicyDefinition<Id>);
  if (jurisdictions !== undefined && (typeof jurisdictions != 'object' || !jurisdictions)) fail('jurisdictions must be an object such as { US: \'opt-in\' }.');
  for (const [key, regime] of Object.entries(jurisdictions ?? {})) {
    if (normalizeJurisdiction(key) !== key) fail(`jurisdictions key ${JSON.stringify(key)} must be an upper-case ISO 3166 code such as 'US' or 'US-CA'.`);
    if (!regimes.includes(regime)) fail(`jurisdictions["${key}"] must be one of ${regimes.join(', ')}, got ${JSON.stringify(regime)}.`);
  }
  if (!(isText(revision) || Number.isFinite(revision))) fail('revision must be a non-empty string or a number.');
  // It travels percent-encoded in the cookie; a lone surrogate cannot be encoded.
  if (typeof revision === 'string' && (revision as { isWellFormed?: () => boolean }).isWellFormed?.() === false) fail('revision must be well-formed Unicode.');
  if (!list(categories, 'categories').length) fail('categories must be a non-empty array.');
  // The decision must fit one cookie (4,096 bytes with its name, in every browser) with room to
  // spare: the decoder refuses a value of 4,000 characters or more, so a larger one asks forever.
  if (encodeURIComponent(String(revision)).length > 100) fail('revision is too long for the consent cookie (100 characters at most, percent-encoded).');
  if (categories.length > 50) fail('at most 50 categories fit the consent cookie.');
  const seen = new Set<string>();
  categories.forEach((category, i) => {
    const { id, title, description, required, saleOrShare, examples } = category ?? {};
    if (typeof id !== 'string' || !isCategoryId(id)) {
      fail(`categories[${i}].id ${JSON.stringify(id)} must be a letter then letters, digits, _ or - (40 at most).`);
    }
    const where = `category "${id}"`;
    if (seen.has(id)) fail(`duplicate category id "${id}".`);
    seen.add(id);
    if (!isText(title)) fail(`${where} has an empty title.`);
    if (typeof description !== 'string') fail(`${where} needs a description.`);
    if (required && saleOrShare) fail(`${where} cannot be both required and saleOrShare.`);
    if (category.healthData !== undefined && typeof category.healthData != 'boolean') fail(`${where}.healthData must be true or false.`);
    if (!list(examples, `${where}.examples`).every((e) => typeof e === 'string')) fail(`${where}.examples must be strings.`);
    checkCookies(category.cookies, where);
    list(category.services, `${where}.services`).forEach((service, j) => {
      const at = `${where}.services[${j}]`;
      if (!service || !isText(service.name)) fail(`${at} needs a name.`);
      if (typeof service.purpose !== 'string') fail(`${at} ("${service.name}") needs a purpose, as text.`);
      const url = service.privacyPolicyUrl;
      if (url !== undefined && !(typeof url === 'string' && HTTP_URL.test(url))) {
        fail(`${at}.privacyPolicyUrl must be an http(s) URL, got ${JSON.stringify(url)}.`);
      }
      checkCookies(service.cookies, at);
      list(service.domains, `${at}.domains`).forEach((domain, k) => {
        if (typeof domain !== 'string' || !HOST.test(domain)) {
          fail(`${at}.domains[${k}] must be a lower-case host name such as "google-analytics.com" (no scheme, port or path), got ${JSON.stringify(domain)}.`);
        }
      });
    });
    list(category.storage, `${where}.storage`).forEach((entry, k) => {
      const at = `${where}.storage[${k}]`;
      if (!entry || !isText(entry.key)) fail(`${at} needs a key.`);
      if (!STORAGE_TYPES.includes(entry.type)) fail(`${at} ("${entry.key}") needs a type, "localStorage" or "sessionStorage", got ${JSON.stringify(entry.type)}.`);
      if (typeof entry.purpose !== 'string') fail(`${at} ("${entry.key}") needs a purpose, as text.`);
    });
  });
}

/** The optional categories (those a visitor decides on). */
export const optionalCategories = <Id extends string>(policy: Policy<Id>) =>
  policy.categories.filter((c) => !c.required);

/** The category `id` of `policy`, or a clear error for the developer naming the ids it has. */
export function categoryOf<Id extends string>(policy: Policy<Id>, id: string, where: string): Readonly<CategoryDefinition<Id>> {
  const category = policy.categories.find((c) => c.id === id);
  if (!category) throw new Error(`[consent-ui] ${where}: the policy has no category "${id}"; it has ${policy.categories.map((c) => c.id).join(', ')}.`);
  return category;
}
