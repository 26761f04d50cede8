export { definePolicy, optionalCategories, PolicyError } from './policy';
export type { CategoryDefinition, CategoryId, CookieDeclaration, Policy, PolicyDefinition, ServiceDeclaration } from './policy';
export { decodeRecord, encodeRecord } from './record';
export type { ConsentMethod, ConsentRecord, ConsentSignals, DecodeOptions } from './record';
export { createConsentStore } from './store';
export type { ConsentState, DecisionStatus, ConsentStore, ConsentStoreOptions, Listener } from './store';
export { parseCookieHeader } from './cookie-jar';
export type { CookieOptions } from './cookie-jar';
export { readSignals } from './signals';
