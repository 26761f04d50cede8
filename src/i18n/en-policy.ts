/** The generated cookie-policy page, in English. */
export const enPolicy = {
  title: 'Cookie Policy',
  updated: (date: string) => `Last Updated: ${date}`,
  /** The accessible name of the table of contents. */
  toc: 'On this page',
  /** A bold term before its explanation: "Necessity:". */
  term: (term: string) => `${term}:`,
  overview: {
    title: 'What This Policy Covers',
    scope: (organization: string) =>
      `This Cookie Policy explains how ${organization} ("we," "us," or "our") uses cookies and similar tracking technologies when you visit our website or use our platform (collectively, the "Service"). This policy should be read in conjunction with our Privacy Policy and Terms of Service.`,
    consentLabel: 'Your Consent:',
    // Not "by using our Service, you consent": consent must be a clear affirmative act (Planet49).
    consent:
      'Essential cookies are always on because the Service cannot work without them. We use optional cookies only if you allow them: they stay off until you choose, and you can change or withdraw your choice at any time through our cookie consent tool or your browser settings. Limiting cookies may affect some features of the Service.',
  },
  understanding: {
    title: 'Understanding Cookies & Similar Technologies',
    text: 'Cookies are small text files that are placed on your device (computer, tablet, or mobile) when you visit our website. They are widely used to make websites work more efficiently, provide a better user experience, and deliver information to website owners about how their service is being used.',
    similarLabel: 'Similar Technologies We May Use:',
    similar: [
      {
        term: 'Local Storage',
        text: 'Data kept in your browser, such as your display preferences, that works like a cookie but is not sent with every request.',
      },
      {
        term: 'Pixels and Web Beacons',
        text: 'Tiny images in pages or emails that tell us whether content was viewed.',
      },
      {
        term: 'SDKs',
        text: 'Software components in apps that collect usage and diagnostic information.',
      },
    ],
  },
  categories: {
    title: 'How We Use Cookies',
    intro:
      "We use cookies for various purposes to ensure our platform functions properly, enhance your experience, and continuously improve our services. Here's a breakdown of the different types of cookies we use:",
    required: (title: string) => `${title} (Required)`,
    optional: (title: string) => `${title} (Optional)`,
    examplesLabel: 'Examples:',
    examples: (items: readonly string[]) => items.join(', '),
  },
  durations: {
    title: 'Cookie Duration & Lifespan',
    durationLabel: 'Duration:',
    session: {
      title: 'Session Cookies',
      text: 'These are temporary cookies that remain on your device until you close your browser. They are used to maintain your session state and are essential for the proper functioning of our Service.',
      duration: 'Until browser is closed',
    },
    persistent: {
      title: 'Persistent Cookies',
      text: 'These remain on your device for a set period specified in the cookie. They are activated each time you visit the website that created that particular cookie, helping us remember your preferences and settings.',
      duration: '30 days to 1 year (varies by purpose)',
    },
  },
  tables: {
    title: 'Specific Cookies We Use',
    firstParty: {
      title: 'First-Party Cookies',
      intro: (organization: string) =>
        `These cookies are set directly by ${organization} and are used exclusively for platform functionality and user experience.`,
    },
    thirdParty: {
      title: 'Third-Party Cookies',
      intro:
        'We work with trusted third-party service providers who may set cookies to help us deliver and improve our services. These providers have their own privacy policies governing their use of your information.',
    },
    storage: {
      title: 'Web Storage',
      intro:
        "Some features keep data in your browser's local or session storage instead of cookies. These keys follow the same choices as the cookies of their category and are removed when you withdraw it.",
    },
  },
  choices: {
    title: 'Your Cookie Choices & Controls',
    intro:
      'We believe in giving you control over your data. You have several options to manage cookie preferences and control how your information is collected:',
    manager: {
      title: 'Cookie Consent Manager',
      text: (button: string) =>
        `We provide a cookie consent tool that allows you to customize your cookie preferences. You can open it at any time with the "${button}" button below or the "${button}" link in our website footer.`,
      controlLabel: 'What You Can Control:',
      control: (optional: readonly string[]) =>
        optional.length
          ? `Enable or disable ${new Intl.ListFormat('en', { type: 'conjunction' }).format(optional)} while keeping essential cookies active for core functionality.`
          : 'Essential cookies stay active for core functionality.',
    },
    browser: {
      title: 'Browser Settings',
      text: 'Most web browsers allow you to control cookies through their settings preferences. However, limiting cookies may affect your ability to use certain features of our Service.',
      howTo: 'To manage cookies through your browser:',
      browsers: [
        { term: 'Google Chrome', text: 'Settings → Privacy and security → Cookies and other site data' },
        { term: 'Mozilla Firefox', text: 'Options → Privacy & Security → Cookies and Site Data' },
        { term: 'Safari', text: 'Preferences → Privacy → Cookies and website data' },
        { term: 'Microsoft Edge', text: 'Settings → Cookies and site permissions' },
      ],
    },
    optOuts: {
      title: 'Third-Party Opt-Outs',
      text: 'For third-party cookies used for advertising and analytics, you can opt-out through industry-standard tools:',
      links: [
        { name: 'Digital Advertising Alliance (DAA)', text: 'optout.aboutads.info', href: 'https://optout.aboutads.info' },
        {
          name: 'Network Advertising Initiative (NAI)',
          text: 'optout.networkadvertising.org',
          href: 'https://optout.networkadvertising.org',
        },
        { name: 'Google Analytics Opt-Out', text: 'Google Analytics Browser Add-on', href: 'https://tools.google.com/dlpage/gaoptout' },
      ],
    },
    impact: {
      title: 'Impact of Disabling Cookies',
      text: 'Please note that if you disable certain cookies, you may not be able to use all features of our platform. Essential cookies cannot be disabled as they are necessary for basic platform functionality and security.',
    },
  },
  doNotTrack: {
    /** The section groups Do Not Track with the host's other "additional" sections. */
    title: 'Additional Information',
    subtitle: 'Do Not Track Signals',
    ignored:
      'Our website does not currently respond to "Do Not Track" signals from web browsers. However, you can control tracking through the cookie management methods described above in the "Your Cookie Choices" section.',
    honored:
      'Our website treats a "Do Not Track" signal from your browser as an objection to the sale or sharing of your personal information: cookies that sell or share data stay off unless you switch them on yourself through the cookie management methods described above in the "Your Cookie Choices" section.',
  },
  contact: {
    title: 'Questions About Our Cookie Policy?',
    text: "If you have any questions about this Cookie Policy or our use of cookies and similar technologies, please don't hesitate to contact us:",
  },
  manage: {
    title: 'Manage Your Cookie Preferences',
    text: 'You can customize your cookie preferences at any time using our Cookie Settings tool. Essential cookies are always on; optional categories like analytics, functional, and marketing can be turned on or off.',
  },
};
