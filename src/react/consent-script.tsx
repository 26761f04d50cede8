'use client';

import { useEffect } from 'react';
import { loadScript, type ScriptAttributes, type TrustedScriptOptions } from '../core';
import { useStoreFromContext, type RegisteredId } from './context';

export type ConsentScriptProps<Id extends RegisteredId = RegisteredId> = TrustedScriptOptions & {
  category: Id;
  src: string;
  /** Any other prop is an attribute of the script element (`async`, `nonce`, `integrity`, `data-*`). */
  [attribute: string]: ScriptAttributes[string] | TrustedScriptOptions[keyof TrustedScriptOptions];
};

/**
 * Loads `src` once `category` is granted, at most once per page; renders nothing. Other props
 * become attributes of the script element (`async`, `nonce`, `integrity`, `data-*`), read when
 * it loads. Under a CSP that requires Trusted Types, see `trustedTypesPolicy`; a script the page
 * refuses is reported (console, `onError`) and never breaks the tree.
 */
export function ConsentScript<Id extends RegisteredId>({ category, src, trustedTypesPolicy, onError, ...attributes }: ConsentScriptProps<Id>) {
  const store = useStoreFromContext<Id>('ConsentScript');
  // Nothing rendered decides: `loadScript` reads the store itself when the effect runs, so a
  // hydration render of the server's (possibly stale) grant cannot load it. The attributes and
  // options are read when it loads, hence not dependencies: a new object each render must not reconnect.
  useEffect(
    () => loadScript(store, { category, src, attributes: attributes as ScriptAttributes, trustedTypesPolicy, onError }),
    [store, category, src],
  );
  return null;
}
