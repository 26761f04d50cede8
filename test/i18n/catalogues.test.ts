import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de } from '../../src/i18n/de';
import { en } from '../../src/i18n/en-catalogue';
import { es } from '../../src/i18n/es';
import { fr } from '../../src/i18n/fr';
import type { Messages } from '../../src/i18n/types';

interface Leaf {
  /** "banner.title", "policy.understanding.similar.0.term". */
  path: string;
  value: unknown;
}

/** Every leaf of a catalogue with its path. Array items are numbered, so lengths are compared too. */
function leaves(node: unknown, path = ''): Leaf[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => leaves(item, `${path}.${i}`));
  if (typeof node === 'object' && node !== null) {
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  }
  return [{ path, value: node }];
}

const shape = (catalogue: Messages) => leaves(catalogue).map(({ path, value }) => `${path}: ${typeof value}`);
const at = (catalogue: Messages, path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogue);

const englishLeaves = leaves(en);
const englishFunctions = englishLeaves.filter((leaf) => typeof leaf.value === 'function').map((leaf) => leaf.path);

/** Arguments each message function is called with; some twice, to reach both branches. */
const samples: Record<string, readonly (readonly unknown[])[]> = {
  'dialog.details': [[1], [3]],
  'status.item': [['Performance Cookies']],
  'banner.noticeOn': [['Performance Cookies, Targeting Cookies']],
  'dialog.firstPartyCaption': [['Performance Cookies']],
  'dialog.thirdPartyCaption': [['Performance Cookies']],
  'table.viewPolicyOf': [['Google Analytics']],
  'gate.blocked': [['Performance Cookies']],
  'gate.allow': [['Performance Cookies']],
  'policy.updated': [['1 March 2025']],
  'policy.term': [['Necessity']],
  'policy.overview.scope': [['Connexx']],
  'policy.categories.required': [['Strictly Necessary Cookies']],
  'policy.categories.optional': [['Performance Cookies']],
  'policy.categories.examples': [[['_ga', '_gid']]],
  'policy.tables.firstParty.intro': [['Connexx']],
  'policy.choices.manager.text': [['Cookie Settings']],
  'policy.choices.manager.control': [[[]], [['Performance Cookies', 'Functional Cookies', 'Targeting Cookies']]],
};

const call = (catalogue: Messages, path: string, args: readonly unknown[]) =>
  (at(catalogue, path) as (...a: readonly unknown[]) => unknown)(...args);

/** Every message a catalogue can show: its strings and what its functions return for the samples. */
function texts(catalogue: Messages) {
  const strings = leaves(catalogue)
    .filter((leaf) => typeof leaf.value === 'string')
    .map((leaf) => ({ path: leaf.path, text: leaf.value as string }));
  const outputs = englishFunctions.flatMap((path) =>
    (samples[path] ?? []).map((args) => ({ path, text: String(call(catalogue, path, args)) })),
  );
  return [...strings, ...outputs];
}

// Strings that may read exactly as in English: proper names, web addresses, and a word the language
// shares with English. Keep this list short; anything else identical is an untranslated message.
const properNames = [
  'Google Chrome',
  'Mozilla Firefox',
  'Safari',
  'Microsoft Edge',
  'Digital Advertising Alliance (DAA)',
  'Network Advertising Initiative (NAI)',
  'optout.aboutads.info',
  'optout.networkadvertising.org',
];
const isWebAddress = (text: string) => /^https:\/\/\S+$/.test(text);

interface Language {
  name: string;
  locale: string;
  catalogue: Messages;
  sameAsEnglish: readonly string[];
  /** Functions whose message may read as in English for the sample arguments. */
  sameOutputAsEnglish: readonly string[];
  /** Opening and closing quotation marks. */
  quotes: readonly [string, string];
}

const languages: Language[] = [
  {
    name: 'German',
    locale: 'de',
    catalogue: de,
    sameAsEnglish: [...properNames, 'SDKs'],
    // "(Provider)", "a, b", "Term:" and "Title (optional)" are German as they stand.
    sameOutputAsEnglish: ['status.item', 'table.viewPolicyOf', 'policy.term', 'policy.categories.examples', 'policy.categories.optional'],
    quotes: ['„', '“'],
  },
  {
    name: 'French',
    locale: 'fr',
    catalogue: fr,
    sameAsEnglish: [...properNames, 'Type'],
    sameOutputAsEnglish: ['table.viewPolicyOf', 'policy.categories.examples'],
    quotes: ['«', '»'],
  },
  {
    name: 'Spanish',
    locale: 'es',
    catalogue: es,
    sameAsEnglish: properNames,
    sameOutputAsEnglish: ['status.item', 'table.viewPolicyOf', 'policy.term', 'policy.categories.examples'],
    quotes: ['«', '»'],
  },
];

describe('the catalogue tests', () => {
  it('have sample arguments for every function of the English catalogue', () => {
    expect(Object.keys(samples).sort()).toEqual([...englishFunctions].sort());
  });
});

for (const { name, locale, catalogue, sameAsEnglish, sameOutputAsEnglish, quotes } of languages) {
  describe(`the ${name} catalogue`, () => {
    it('has every message the English one has, and no other', () => {
      expect(shape(catalogue)).toEqual(shape(en));
    });

    it('names its own language', () => {
      expect(catalogue.locale).toBe(locale);
    });

    it('has no empty message', () => {
      for (const { path, value } of leaves(catalogue)) {
        if (typeof value === 'string') expect(value.trim(), path).not.toBe('');
      }
    });

    it('takes the same arguments as the English one in every function', () => {
      for (const path of englishFunctions) {
        expect((at(catalogue, path) as (...a: never[]) => unknown).length, path).toBe((at(en, path) as (...a: never[]) => unknown).length);
      }
    });

    it('returns a message from every function, with each argument the English one shows', () => {
      for (const path of englishFunctions) {
        for (const args of samples[path] ?? []) {
          const english = String(call(en, path, args));
          const text = call(catalogue, path, args);
          expect(typeof text, path).toBe('string');
          expect((text as string).trim(), path).not.toBe('');
          for (const arg of args.flat()) {
            if (english.includes(String(arg))) expect(text, `${path}(${JSON.stringify(args)})`).toContain(String(arg));
          }
        }
      }
    });

    it('translates every message, except proper names and web addresses', () => {
      const english = new Set(texts(en).map(({ path, text }) => `${path} ${text}`));
      for (const { path, text } of texts(catalogue)) {
        if (sameAsEnglish.includes(text) || isWebAddress(text) || sameOutputAsEnglish.includes(path)) continue;
        expect(english.has(`${path} ${text}`), `${path} is still English: "${text}"`).toBe(false);
      }
    });

    const [open, close] = quotes;
    it(`quotes with ${open}…${close}, never straight quotes`, () => {
      for (const { path, text } of texts(catalogue)) {
        expect(text, path).not.toContain('"');
        expect(text.split(open).length, `${path}: unbalanced quotes in "${text}"`).toBe(text.split(close).length);
      }
    });

    it('imports nothing at runtime, so a host that imports it does not ship English', () => {
      const source = readFileSync(resolve(import.meta.dirname, `../../src/i18n/${locale}.ts`), 'utf8');
      const imports = source.split('\n').filter((line) => /^\s*(import|export)\b.*\bfrom\b/.test(line));
      expect(imports.length).toBeGreaterThan(0);
      for (const line of imports) expect(line).toMatch(/^(import|export) type \{ Messages \} from '\.\/types';$/);
    });

    if (locale === 'fr') {
      it('keeps a no-break space before : ; ? ! and inside « guillemets »', () => {
        for (const { path, text } of texts(catalogue)) {
          if (isWebAddress(text)) continue;
          expect(text, path).not.toMatch(/[^\u00a0\u202f][:;?!»]/);
          expect(text, path).not.toMatch(/«[^\u00a0\u202f]/);
        }
      });
    }
  });
}
