// English, the default catalogue, one export per section: a component imports only the section it
// renders, so a bundle with the banner alone carries no policy-page text. The whole catalogue,
// policy page included, is put together in en-catalogue.ts, which no component imports.

export const enBanner = {
  /** The accessible name of the banner landmark. */
  label: 'Cookie consent',
  title: 'We use cookies',
  description:
    'Some cookies are needed for this site to work. With your permission we would also like to use optional cookies to measure how the site is used, remember your settings and show relevant advertising.',
  policyLink: 'Read our cookie policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  signalHonored: 'Opt-Out Request Honored',
  confirmation: {
    'accept-all': "You've accepted additional cookies. You can change your cookie settings at any time.",
    /** Accept all while the browser sends an opt-out signal the store honours: sale-or-share categories stayed off. */
    'accept-all-signal':
      "You've accepted additional cookies, except those that sell or share data, as your browser asks. You can change your cookie settings at any time.",
    'reject-all': "You've rejected additional cookies. You can change your cookie settings at any time.",
    custom: "You've saved your cookie settings. You can change them at any time.",
    signal: 'Your opt-out preference signal has been applied. You can change your cookie settings at any time.',
    'opt-out': "You've opted out of the sale or sharing of your personal information. You can change your choices at any time.",
  },
  hide: 'Hide cookie message',
  noticeLabel: 'Privacy notice',
  noticeOn: (categories: string) => `On unless you opt out: ${categories}.`,
  noticeSale: 'Some of them may sell or share your personal information for targeted advertising.',
  optOut: 'Opt out of sale or sharing',
  privacyChoices: 'Your Privacy Choices',
};

export const enDialog = {
  title: 'Cookie preferences',
  description:
    'Choose which optional cookies we may use. Essential cookies are always on because the site cannot work without them. Your choice is saved for this site and you can change it at any time.',
  close: 'Close',
  alwaysActive: 'Always active',
  details: (count: number) => (count === 1 ? 'Show the cookie or service' : `Show ${count} cookies and services`),
  /** Captions of a category's two tables inside the dialog, unique per category. */
  firstPartyCaption: (category: string) => `${category}: cookies set by this site`,
  thirdPartyCaption: (category: string) => `${category}: third-party services`,
  rejectAll: 'Reject all',
  acceptAll: 'Accept all',
  save: 'Save choices',
  signalHonored: 'Opt-Out Request Honored',
  sharingTitle: 'Sharing consumer health data: a separate consent',
  sharingNote: 'Not included in "Accept all": only this switch allows it.',
  sharingCollected: 'What is collected',
  sharingWhy: 'Why',
  sharingRecipients: 'Who receives it',
  sharingWithdraw: 'How to withdraw',
  sharingWithdrawText: 'Turn this switch off and save, at any time, from Cookie Settings or Your Privacy Choices. Sharing stops from then on.',
  sharingNoRecipients: 'No third party is declared.',
};

export const enTable = {
  firstPartyCaption: 'First-party cookies',
  thirdPartyCaption: 'Third-party services',
  cookieName: 'Cookie Name',
  purpose: 'Purpose',
  duration: 'Duration',
  type: 'Type',
  provider: 'Provider',
  privacyPolicy: 'Privacy Policy',
  viewPolicy: 'View Policy',
  /** Completes the link's accessible name, visually hidden: "View Policy (Google Analytics)". */
  viewPolicyOf: (provider: string) => `(${provider})`,
  /** The description of a link that opens in a new window. */
  newWindow: 'Opens in a new window',
  noPolicy: 'Not published',
  empty: 'No cookies of this kind are in use.',
  storageCaption: 'Web storage',
  key: 'Key',
  storage: 'Storage',
  localStorage: 'Local storage',
  sessionStorage: 'Session storage',
};

export const enStatus = {
  label: 'Current preferences:',
  /** Before a category's state in the list: "Performance Cookies:". */
  item: (category: string) => `${category}:`,
  on: 'On',
  off: 'Off',
  /** A category the visitor allows that this page keeps off (a sensitive page, see `sensitive`). */
  offHere: 'Off on this page',
  pending: 'Not chosen yet: optional cookies are off until you choose.',
  signalHonored: 'Opt-Out Request Honored',
};

export const enGate = {
  blocked: (category: string) => `This content is hidden because it uses ${category}, which you have not allowed.`,
  allow: (category: string) => `Allow ${category}`,
};

export const enSettingsButton: string = 'Cookie Settings';

export const enPrivacyChoices = {
  /** The footer link's text (CCPA 7015's alternative opt-out link wording). */
  label: 'Your Privacy Choices',
  /** Beside the link while every sale-or-share category is off because of GPC (CCPA 7025(c)(6)). */
  signalHonored: 'Opt-Out Request Honored',
};

