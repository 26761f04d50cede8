export { ConsentProvider } from './consent-provider';
export type { ConsentProviderProps } from './consent-provider';
export { ConsentGate } from './consent-gate';
export type { ConsentGateProps } from './consent-gate';
export { useConsentStore } from './context';
export type { Register, RegisteredId, RegisteredPolicy } from './context';
export { useConsent, useCookieCategory } from './hooks';
export type { ConsentActions, UseConsentResult, UseCookieCategoryResult } from './hooks';
export { useMessages } from './messages';
