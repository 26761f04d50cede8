'use client';

import { useEffect } from 'react';
import { loadScript, type ScriptAttributes } from '../core';
import { useStoreFromContext, type RegisteredId } from './context';

export type ConsentScriptProps<Id extends RegisteredId = RegisteredId> = ScriptAttributes & {
  category: Id;
  src: string;
};

/**
 * Loads `src` once `category` is granted, at most once per page; renders nothing. Other props
 * become attributes of the script element (`async`, `nonce`, `integrity`, `data-*`), read when
 * it loads.
 */
export function ConsentScript<Id extends RegisteredId>({ category, src, ...attributes }: ConsentScriptProps<Id>) {
  const store = useStoreFromContext<Id>('ConsentScript');
  // Nothing rendered decides: `loadScript` reads the store itself when the effect runs, so a
  // hydration render of the server's (possibly stale) grant cannot load it. The attributes are
  // read when it loads, hence not dependencies: a new object each render must not reconnect.
  useEffect(() => loadScript(store, { category, src, attributes }), [store, category, src]);
  return null;
}
