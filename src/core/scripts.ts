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

const hasCategory = (store: ConsentStore, id: string) => {
  if (!store.policy.categories.some((c) => c.id === id)) throw new Error(`[consent-ui] the policy has no category "${id}".`);
};

/**
 * Adds `<script src>` to the head once `category` is granted (in force on this page), at most
 * once per page per `src`. Returns a function that stops waiting for the grant.
 */
export function loadScript<Id extends string>(store: ConsentStore<Id>, { category, src, attributes = {} }: LoadScriptOptions<Id>): () => void {
  hasCategory(store, category);
  const check = () => {
    if (!store.getState().choices[category] || loaded.has(src)) return;
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
 * a script that runs, once each, while its category is granted. Returns a function that stops
 * watching.
 */
export function activateScripts<Id extends string>(store: ConsentStore<Id>, root: ParentNode = document): () => void {
  const run = () => {
    const { choices } = store.getState();
    root.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-category]').forEach((placeholder) => {
      if (!choices[placeholder.dataset.category as Id]) return;
      const src = placeholder.dataset.src;
      if (src && loaded.has(src)) return placeholder.remove();
      const script = document.createElement('script');
      for (const { name, value } of placeholder.attributes) if (name !== 'type' && name !== 'data-src') script.setAttribute(name, value);
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
