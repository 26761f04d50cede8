import { enBanner, enDialog, enGate, enSettingsButton, enPrivacyChoices, enStatus, enTable } from './en';
import { enPolicy } from './en-policy';

/** English, the default catalogue. Other catalogues have exactly this shape. */
export const en = {
  /** The language tag of the catalogue. */
  locale: 'en',
  banner: enBanner,
  dialog: enDialog,
  settingsButton: enSettingsButton,
  privacyChoices: enPrivacyChoices,
  table: enTable,
  status: enStatus,
  gate: enGate,
  policy: enPolicy,
};
