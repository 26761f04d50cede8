import { categoryOf } from './policy';
import type { ConsentStore } from './store';

/** HTML attributes for a script element; `false` and `undefined` leave the attribute out. */
export type ScriptAttributes = Readonly<Record<string, string | boolean | undefined>>;

export interface LoadScriptOptions<Id extends string = string> {
  category: Id;
  src: string;
  attributes?: ScriptAttributes;
}

// Per page, not per store or caller: a script that ran cannot be unloaded, and running it twice
// would double its effects (two analytics hits per view).
const loaded = new Set<string>();
// `data-category` values already reported as unknown, so each is reported once per page.
const warned = new Set<string>();

/**
 * Adds `<script src>` to the head once `category` is granted (in force on this page), at most
 * once per page per `src`. Returns a function that stops waiting for the grant.
 */
export function loadScript<Id extends string>(store: ConsentStore<Id>, { category, src, attributes = {} }: LoadScriptOptions<Id>): () => void {
  categoryOf(store.policy, category, 'loadScript');
  // The server renders no scripts of its own: it waits for the page.
  if (typeof document == 'undefined') return () => {};
  const check = () => {
    if (store.getState().choices[category] !== true || loaded.has(src)) return;
    loaded.add(src);
    const script = document.createElement('script');
    for (const [name, value] of Object.entries(attributes)) if (value !== false && value !== undefined) script.setAttribute(name, value === true ? '' : value);
    script.src = src;
    document.head.appendChild(script);
  };
  check();
  return store.subscribe(check);
}

/**
 * Turns `<script type="text/plain" data-category="x" data-src="...">` (or with inline code) into
 * a script that runs, once each, while its category is granted. The CSP nonce is carried over.
 * Looks again each time the choices in force change. Returns a function that stops watching.
 */
export function activateScripts<Id extends string>(store: ConsentStore<Id>, root?: ParentNode): () => void {
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
      const script = document.createElement('script');
      for (const { name, value } of placeholder.attributes) if (name !== 'type' && name !== 'data-src') script.setAttribute(name, value);
      // Browsers hide a nonce from the attribute once the element is in the document (it reads
      // as empty there), so the copy above carries none: the property still holds it.
      script.nonce = placeholder.nonce;
      // Inserted scripts are async by default; keep external ones in document order, as written.
      if (!placeholder.hasAttribute('async')) script.async = false;
      if (src) {
        loaded.add(src);
        script.src = src;
      } else script.text = placeholder.text;
      placeholder.replaceWith(script);
    });
  };
  run();
  return store.subscribe(run);
}
