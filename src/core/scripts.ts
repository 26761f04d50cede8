import { categoryOf } from './policy';
import type { ConsentStore } from './store';

/** HTML attributes for a script element; `false` and `undefined` leave the attribute out. */
export type ScriptAttributes = Readonly<Record<string, string | boolean | undefined>>;

/**
 * A Trusted Types policy: what `trustedTypes.createPolicy(name, rules)` returns, or anything with
 * the same two methods. Its results are what a page that requires Trusted Types accepts as a
 * script's `src` and `text`.
 */
export interface ScriptPolicy {
  createScriptURL(url: string): unknown;
  createScript(code: string): unknown;
}

/**
 * How scripts reach a page whose Content Security Policy requires Trusted Types
 * (`require-trusted-types-for 'script'`).
 */
export interface TrustedScriptOptions {
  /**
   * The policy to use: the host's own policy object, or the name under which the library creates
   * one (allow it in the CSP's `trusted-types` directive). Default: a policy named `consent-ui`,
   * created on the first load; where the CSP refuses that name, plain strings are assigned, which
   * the host's `default` policy, if any, then handles.
   */
  trustedTypesPolicy?: string | ScriptPolicy;
  /**
   * Called once for each script that could not be added (a Trusted Types refusal, for one), after
   * the error is logged to the console. The script is not counted as loaded, so a later change
   * of consent tries again.
   */
  onError?: (error: Error) => void;
}

export interface LoadScriptOptions<Id extends string = string> extends TrustedScriptOptions {
  category: Id;
  src: string;
  attributes?: ScriptAttributes;
}

export interface ActivateScriptsOptions extends TrustedScriptOptions {
  /** Where to look for placeholders. Default: the whole document. */
  root?: ParentNode;
}

// The documented name of the Trusted Types policy the library creates when the host names none.
const TRUSTED_TYPES_POLICY_NAME = 'consent-ui';

// Per page, not per store or caller: a script that ran cannot be unloaded, and running it twice
// would double its effects (two analytics hits per view).
const loaded = new Set<string>();
// `data-category` values already reported as unknown, so each is reported once per page.
const warned = new Set<string>();
// Scripts (by src, or a placeholder element) whose failure was reported: once each per page.
const failed = new WeakSet<object>();
const failedSources = new Set<string>();
// Policies the library created, by name: a name can be created only once per page.
const policies = new Map<string, ScriptPolicy | null>();

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string; createScript(code: string): string }): ScriptPolicy;
}

/**
 * The policy to hand values through, or null for plain strings: where the browser has no
 * Trusted Types, or its CSP refuses the name (a host's `default` policy then sees them).
 */
function policyFor(option: string | ScriptPolicy = TRUSTED_TYPES_POLICY_NAME): ScriptPolicy | null {
  if (typeof option == 'object') return option;
  if (!policies.has(option)) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    let policy: ScriptPolicy | null = null;
    try {
      // It vouches for what the host hands it: a src its code names or its server rendered into a
      // placeholder (http(s) only: a `data:` URL would be code from anywhere), and a placeholder's
      // inline code. A CSP that allows its name accepts that.
      policy =
        factory?.createPolicy(option, {
          createScriptURL(url) {
            if (!/^https?:$/.test(new URL(url, document.baseURI).protocol)) throw new TypeError(`"${url}" is not an http(s) URL`);
            return url;
          },
          createScript: (code) => code,
        }) ?? null;
    } catch {
      // Refused by the `trusted-types` directive (or a duplicate name the CSP does not allow).
    }
    policies.set(option, policy);
  }
  return policies.get(option)!;
}

function sourceOf(option: string | ScriptPolicy | undefined, kind: 'createScriptURL' | 'createScript', value: string): string {
  const policy = policyFor(option);
  // A trusted value is not a string to TypeScript, but it is what the browser wants assigned.
  return (policy ? policy[kind](value) : value) as string;
}

function report(what: string, error: unknown, onError: TrustedScriptOptions['onError']): void {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  const failure = new Error(
    `[consent-ui] could not ${what}: ${reason}. Where the page's CSP requires Trusted Types, allow the policy "${TRUSTED_TYPES_POLICY_NAME}" ` +
      "(or the one passed as trustedTypesPolicy) in its trusted-types directive, or give the page a 'default' policy.",
    { cause: error },
  );
  console.error(failure.message);
  try {
    onError?.(failure);
  } catch (hostError) {
    console.error('[consent-ui] onError threw:', hostError);
  }
}

/**
 * Adds `<script src>` to the head once `category` is granted (in force on this page), at most
 * once per page per `src`. Returns a function that stops waiting for the grant.
 */
export function loadScript<Id extends string>(
  store: ConsentStore<Id>,
  { category, src, attributes = {}, trustedTypesPolicy, onError }: LoadScriptOptions<Id>,
): () => void {
  categoryOf(store.policy, category, 'loadScript');
  // The server renders no scripts of its own: it waits for the page.
  if (typeof document == 'undefined') return () => {};
  const check = () => {
    if (store.getState().choices[category] !== true || loaded.has(src)) return;
    // A failure here is the host's page refusing the script: it must never reach the caller (a
    // React effect, where it would unmount the whole tree) and is counted as not loaded.
    try {
      const script = document.createElement('script');
      for (const [name, value] of Object.entries(attributes)) if (typeof value == 'string' || value === true) script.setAttribute(name, value === true ? '' : value);
      script.src = sourceOf(trustedTypesPolicy, 'createScriptURL', src);
      document.head.appendChild(script);
      loaded.add(src);
    } catch (error) {
      if (!failedSources.has(src)) report(`load ${src}`, error, onError);
      failedSources.add(src);
    }
  };
  check();
  return store.subscribe(check);
}

/**
 * Turns `<script type="text/plain" data-category="x" data-src="...">` (or with inline code) into
 * a script that runs, once each, while its category is granted. The CSP nonce is carried over.
 * Looks again each time the choices in force change. Returns a function that stops watching.
 * The second argument is the root to look in, or options with a `root`.
 */
export function activateScripts<Id extends string>(store: ConsentStore<Id>, rootOrOptions?: ParentNode | ActivateScriptsOptions): () => void {
  const { root, trustedTypesPolicy, onError }: ActivateScriptsOptions =
    rootOrOptions && 'querySelectorAll' in rootOrOptions ? { root: rootOrOptions } : (rootOrOptions ?? {});
  if (!root && typeof document == 'undefined') return () => {};
  const scope = root ?? document;
  let last: object | undefined;
  const run = () => {
    const { choices } = store.getState();
    // The same choices as last time (opening or closing the preferences): nothing can run now that did not before.
    if (choices === last) return;
    last = choices;
    scope.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-category]').forEach((placeholder) => {
      const category = placeholder.dataset.category!;
      // `=== true`: the id comes from the page, and `choices.toString` is a (truthy) function.
      if (choices[category as Id] !== true) {
        if (!store.policy.categories.some((c) => c.id === category) && !warned.has(category)) {
          warned.add(category);
          console.warn(`[consent-ui] activateScripts: the policy has no category "${category}"; its scripts never run.`);
        }
        return;
      }
      const src = placeholder.dataset.src;
      if (src && loaded.has(src)) return placeholder.remove();
      // As in loadScript: a refusal is reported, and the placeholder stays for a later try.
      try {
        const script = document.createElement('script');
        for (const { name, value } of placeholder.attributes) if (name !== 'type' && name !== 'data-src') script.setAttribute(name, value);
        // Browsers hide a nonce from the attribute once the element is in the document (it reads
        // as empty there), so the copy above carries none: the property still holds it.
        script.nonce = placeholder.nonce;
        // Inserted scripts are async by default; keep external ones in document order, as written.
        if (!placeholder.hasAttribute('async')) script.async = false;
        if (src) script.src = sourceOf(trustedTypesPolicy, 'createScriptURL', src);
        else script.text = sourceOf(trustedTypesPolicy, 'createScript', placeholder.text);
        placeholder.replaceWith(script);
        if (src) loaded.add(src);
      } catch (error) {
        if (!failed.has(placeholder)) report(src ? `load ${src}` : `run an inline script of category "${category}"`, error, onError);
        failed.add(placeholder);
      }
    });
  };
  run();
  return store.subscribe(run);
}
