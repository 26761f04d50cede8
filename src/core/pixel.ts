import { categoryOf } from './policy';
import type { ConsentStore } from './store';

export interface FirePixelOptions<Id extends string = string> {
  category: Id;
  /** The pixel's URL, requested as an image. */
  src: string;
}

/**
 * Requests a tracking pixel (an image, e.g. an ad conversion) once `category` is granted (in force
 * on this page): now if it is, else as soon as it is; never before. Each call fires at most once.
 * Returns a function that stops waiting for the grant.
 */
export function firePixel<Id extends string>(store: ConsentStore<Id>, { category, src }: FirePixelOptions<Id>): () => void {
  categoryOf(store.policy, category, 'firePixel');
  if (typeof Image == 'undefined') return () => {};
  let off = () => {};
  const check = () => {
    // `=== true`: `choices.toString` is a (truthy) function.
    if (store.getState().choices[category] !== true) return false;
    off();
    new Image().src = src;
    return true;
  };
  if (!check()) off = store.subscribe(check);
  return () => off();
}
