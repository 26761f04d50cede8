// The root entry: what a React host renders and calls. The framework-free core, its enforcement
// connectors and helpers are in `@connexx/consent-ui/core`; the policy page's single sections in
// `@connexx/consent-ui/policy`. test/package/entries.test.ts pins this list.

// The policy, a store for hosts that make their own (`<ConsentProvider store={...}>`), and what a
// server layout renders before React runs: the Consent Mode defaults, the regime that picks the footer link.
export { createConsentStore, consentModeDefaultsScript, definePolicy, regimeFor } from './core';
export type {
  CategoryDefinition,
  Regime,
  CategoryId,
  ConsentRecord,
  ConsentState,
  ConsentStore,
  ConsentStoreOptions,
  CookieDeclaration,
  CookieOptions,
  Policy,
  PolicyDefinition,
  ServiceDeclaration,
  StorageDeclaration,
} from './core';

export {
  ActivateScripts,
  ConsentProvider,
  ConsentReceipts,
  ConsentScript,
  GoogleConsentMode,
  SensitivePage,
  useConsent,
  useConsentEffect,
  useConsentStore,
  useCookieCategory,
  usePreferencesOpen,
} from './react';
export type {
  ActivateScriptsProps,
  ConsentActions,
  ConsentProviderProps,
  ConsentReceiptsProps,
  ConsentScriptProps,
  GoogleConsentModeProps,
  Register,
  RegisteredId,
  RegisteredPolicy,
  SensitivePageProps,
  UseConsentResult,
  UseCookieCategoryResult,
} from './react';

// The English catalogue (the policy page's text included), to translate from, and the merge of overrides.
export { en, mergeMessages } from './i18n';
export type { MessageOverrides, Messages } from './i18n';

export {
  ConsentFrame,
  ConsentGate,
  ConsentStatus,
  CookieBanner,
  CookieSettingsButton,
  CookieTable,
  PolicySections,
  PreferencesDialog,
  PrivacyChoicesLink,
} from './components';
export type {
  ConsentFrameProps,
  ConsentGateProps,
  ConsentStatusProps,
  CookieBannerProps,
  CookieSettingsButtonProps,
  CookieTableKind,
  CookieTableProps,
  HeadingLevel,
  PolicyPageContent,
  PolicySectionsProps,
  PreferencesDialogProps,
  PrivacyChoicesLinkProps,
} from './components';
