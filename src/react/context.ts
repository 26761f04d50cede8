'use client';

import { createContext, useContext, useEffect, useLayoutEffect } from 'react';
import type { ConsentStore, Policy } from '../core';

/**
 * Register your policy once to type every hook with its category ids:
 *
 * ```ts
 * declare module '@connexx/consent-ui' {
 *   interface Register { policy: typeof policy }
 * }
 * ```
 */
export interface Register {}

export type RegisteredPolicy = Register extends { policy: infer P extends Policy } ? P : Policy;

/** The category ids of the registered policy (any string until one is registered). */
export type RegisteredId = RegisteredPolicy extends Policy<infer Id> ? Id : string;

export const StoreContext = /* @__PURE__ */ createContext<ConsentStore | null>(null);

export function useStoreFromContext<Id extends string = RegisteredId>(hook: string): ConsentStore<Id> {
  const store = useContext(StoreContext);
  if (!store) {
    throw new Error(`[consent-ui] ${hook}() must be used inside <ConsentProvider policy={policy}>.`);
  }
  return store as unknown as ConsentStore<Id>;
}

/** The provider's store itself, for wiring core modules (e.g. Google Consent Mode) to it. */
export const useConsentStore = <Id extends string = RegisteredId>() => useStoreFromContext<Id>('useConsentStore');

/** useLayoutEffect in the browser, useEffect on the server (where useLayoutEffect warns in React 18, and neither runs). */
export const useIsomorphicLayoutEffect = typeof document == 'undefined' ? useEffect : useLayoutEffect;
