export { PolicyCustomSection, PolicySections, policySectionIds } from './policy-sections';
export type {
  PolicyCustomSectionContent,
  PolicyCustomSectionProps,
  PolicyPageContent,
  PolicySectionId,
  PolicySectionsProps,
} from './policy-sections';
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
} from './sections';
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
} from './sections';
export type { PolicyBlock, PolicySectionBaseProps, PolicyTerm } from './policy-blocks';
export type { HeadingLevel } from '../utils';
