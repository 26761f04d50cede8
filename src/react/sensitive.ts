import type { ConsentStore } from '../core';

type Sensitive = boolean | readonly string[] | undefined;

/**
 * Who wants a store's page treated as sensitive: its provider's `sensitive` prop, each mounted
 * SensitivePage, and until the first SensitivePage mounts, the page's server HTML. The store is
 * told the union of them all.
 */
interface Marks {
  values: Set<{ value: Sensitive }>;
  /** Whether a SensitivePage has marked the store yet. */
  paged?: boolean;
  /** Removes the server HTML's mark. */
  fromHtml?: () => void;
}
const registry = /* @__PURE__ */ new WeakMap<ConsentStore, Marks>();

/** A SensitivePage's view of a store -> the provider's store it derives from. */
export const rootStores = /* @__PURE__ */ new WeakMap<ConsentStore, ConsentStore>();

const apply = (store: ConsentStore, values: Marks['values']) => {
  let all: Sensitive;
  for (const { value } of values) all = all === true || value === true || (value ? [...(all || []), ...value] : all);
  store.setSensitive(all);
};

/**
 * Adds a mark and tells the store at once; the returned function removes it. A removal reaches the
 * store only after the commit that made it: when one sensitive route replaces another, the old
 * one's cleanup runs before the new one marks, and subscribers (a ConsentScript) must never see
 * the page unblocked in between. Blocking a moment longer is the safe side.
 */
export function markSensitive(view: ConsentStore, value: Sensitive, page?: boolean): () => void {
  const store = rootStores.get(view) ?? view;
  let marks = registry.get(store);
  if (!marks) registry.set(store, (marks = { values: new Set() }));
  const mark = { value };
  if (page) {
    marks.paged = true;
    marks.fromHtml?.();
  }
  marks.values.add(mark);
  apply(store, marks.values);
  return () => {
    marks.values.delete(mark);
    queueMicrotask(() => apply(store, marks.values));
  };
}

/** The name of the `<meta>` a SensitivePage renders, listing the categories it blocks. */
export const SENSITIVE_META = 'consent-sensitive';

/**
 * On a full page load, a SensitivePage may hydrate after the root's effects ran (a route in a
 * Suspense boundary, streamed or hydrated later). Its `<meta>` in the server's HTML marks the store
 * until a SensitivePage mounts and takes over.
 */
export function markFromHtml(store: ConsentStore): void {
  const ids = [...document.querySelectorAll<HTMLMetaElement>(`meta[name="${SENSITIVE_META}"]`)].flatMap((meta) => meta.content.split(' '));
  const marks = registry.get(store);
  if (ids[0] && !marks?.paged) {
    const remove = markSensitive(store, ids);
    registry.get(store)!.fromHtml = remove;
  }
}
