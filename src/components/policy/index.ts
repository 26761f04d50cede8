// The `@connexx/consent-ui/policy` entry: the policy page's sections one by one, for hosts that lay
// the page out themselves. `PolicySections`, which renders them all, is in the root entry.
// test/package/entries.test.ts pins this list.
export { PolicyCustomSection, policySectionIds } from './policy-sections';
export type { PolicyCustomSectionContent, PolicyCustomSectionProps, PolicyPageContent, PolicySectionId } from './policy-sections';
export {
  PolicyCategories,
  PolicyChoices,
  PolicyContact,
  PolicyCookieTables,
  PolicyDoNotTrack,
  PolicyDurations,
  PolicyManagePreferences,
  PolicyOverview,
  PolicyUnderstandingCookies,
} from './builtin-sections';
export type {
  PolicyChoicesProps,
  PolicyContactDetails,
  PolicyContactProps,
  PolicyCookieTablesProps,
  PolicyDoNotTrackProps,
  PolicyDurationsProps,
  PolicyOptOutLink,
  PolicyOverviewProps,
  PolicyUnderstandingCookiesProps,
} from './builtin-sections';
export type { PolicyBlock, PolicySectionBaseProps, PolicyTerm } from './policy-blocks';
export type { HeadingLevel } from '../utils';
