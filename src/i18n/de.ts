import type { Messages } from './types';

/**
 * German (Deutsch), formal "Sie". Import it from `@connexx/consent-ui/i18n/de`; it does not pull in
 * the English catalogue. Quotation marks are German („…“).
 */
export const de: Messages = {
  locale: 'de',
  banner: {
    label: 'Cookie-Einwilligung',
    title: 'Wir verwenden Cookies',
    description:
      'Einige Cookies sind für den Betrieb dieser Website erforderlich. Mit Ihrer Einwilligung möchten wir außerdem optionale Cookies verwenden, um zu messen, wie die Website genutzt wird, Ihre Einstellungen zu speichern und relevante Werbung anzuzeigen.',
    policyLink: 'Unsere Cookie-Richtlinie lesen',
    acceptAll: 'Alle akzeptieren',
    rejectAll: 'Alle ablehnen',
    customize: 'Anpassen',
    signalHonored: 'Opt-out-Anfrage berücksichtigt',
    confirmation: {
      'accept-all': 'Sie haben zusätzliche Cookies akzeptiert. Sie können Ihre Cookie-Einstellungen jederzeit ändern.',
      'accept-all-signal':
        'Sie haben zusätzliche Cookies akzeptiert, ausgenommen solche, die Daten verkaufen oder weitergeben, wie Ihr Browser es verlangt. Sie können Ihre Cookie-Einstellungen jederzeit ändern.',
      'reject-all': 'Sie haben zusätzliche Cookies abgelehnt. Sie können Ihre Cookie-Einstellungen jederzeit ändern.',
      custom: 'Sie haben Ihre Cookie-Einstellungen gespeichert. Sie können sie jederzeit ändern.',
      signal: 'Ihr Opt-out-Präferenzsignal wurde angewendet. Sie können Ihre Cookie-Einstellungen jederzeit ändern.',
      'opt-out': 'Sie haben sich gegen den Verkauf und die Weitergabe Ihrer personenbezogenen Daten entschieden. Sie können Ihre Auswahl jederzeit ändern.',
    },
    hide: 'Cookie-Hinweis ausblenden',
    noticeLabel: 'Datenschutzhinweis',
    noticeOn: (categories: string) => `Aktiv, bis Sie sich dagegen entscheiden: ${categories}.`,
    noticeSale: 'Einige davon können Ihre personenbezogenen Daten für gezielte Werbung verkaufen oder weitergeben.',
    optOut: 'Verkauf oder Weitergabe ablehnen',
    privacyChoices: 'Ihre Datenschutzoptionen',
  },
  dialog: {
    title: 'Cookie-Einstellungen',
    description:
      'Wählen Sie aus, welche optionalen Cookies wir verwenden dürfen. Notwendige Cookies sind immer aktiv, da die Website ohne sie nicht funktioniert. Ihre Auswahl wird für diese Website gespeichert und kann jederzeit geändert werden.',
    close: 'Schließen',
    alwaysActive: 'Immer aktiv',
    details: (count: number) => (count === 1 ? 'Cookie oder Dienst anzeigen' : `${count} Cookies und Dienste anzeigen`),
    firstPartyCaption: (category: string) => `${category}: von dieser Website gesetzte Cookies`,
    thirdPartyCaption: (category: string) => `${category}: Dienste von Drittanbietern`,
    rejectAll: 'Alle ablehnen',
    acceptAll: 'Alle akzeptieren',
    save: 'Auswahl speichern',
    signalHonored: 'Opt-out-Anfrage berücksichtigt',
    sharingTitle: 'Weitergabe von Verbraucher-Gesundheitsdaten: eine eigene Einwilligung',
    sharingNote: 'Nicht in „Alle akzeptieren“ enthalten: Nur dieser Schalter erlaubt sie.',
    sharingCollected: 'Was erhoben wird',
    sharingWhy: 'Wozu',
    sharingRecipients: 'Wer sie erhält',
    sharingWithdraw: 'Wie Sie widerrufen',
    sharingWithdrawText: 'Schalten Sie diesen Schalter jederzeit in den Cookie-Einstellungen oder unter „Ihre Datenschutzoptionen“ aus und speichern Sie. Ab dann endet die Weitergabe.',
    sharingNoRecipients: 'Es ist kein Dritter angegeben.',
  },
  settingsButton: 'Cookie-Einstellungen',
  privacyChoices: {
    label: 'Ihre Datenschutzoptionen',
    signalHonored: 'Opt-out-Anfrage berücksichtigt',
  },
  table: {
    firstPartyCaption: 'Erstanbieter-Cookies',
    thirdPartyCaption: 'Dienste von Drittanbietern',
    cookieName: 'Cookie-Name',
    purpose: 'Zweck',
    duration: 'Speicherdauer',
    type: 'Typ',
    provider: 'Anbieter',
    privacyPolicy: 'Datenschutzerklärung',
    viewPolicy: 'Datenschutzerklärung anzeigen',
    viewPolicyOf: (provider: string) => `(${provider})`,
    newWindow: 'Öffnet sich in einem neuen Fenster',
    noPolicy: 'Nicht veröffentlicht',
    empty: 'Es werden keine Cookies dieser Art verwendet.',
    storageCaption: 'Web-Speicher',
    key: 'Schlüssel',
    storage: 'Speicher',
    localStorage: 'Lokaler Speicher',
    sessionStorage: 'Sitzungsspeicher',
  },
  status: {
    label: 'Aktuelle Einstellungen:',
    /** Before a category's state in the list: "Performance Cookies:". */
    item: (category: string) => `${category}:`,
    on: 'Aktiviert',
    off: 'Deaktiviert',
    offHere: 'Auf dieser Seite deaktiviert',
    pending: 'Noch keine Auswahl getroffen: Optionale Cookies bleiben deaktiviert, bis Sie eine Auswahl treffen.',
    signalHonored: 'Opt-out-Anfrage berücksichtigt',
  },
  gate: {
    blocked: (category: string) =>
      `Dieser Inhalt ist ausgeblendet, weil er Cookies der Kategorie „${category}“ verwendet, die Sie nicht zugelassen haben.`,
    allow: (category: string) => `„${category}“ zulassen`,
  },
  policy: {
    title: 'Cookie-Richtlinie',
    updated: (date: string) => `Zuletzt aktualisiert: ${date}`,
    toc: 'Auf dieser Seite',
    term: (term: string) => `${term}:`,
    overview: {
      title: 'Geltungsbereich dieser Richtlinie',
      scope: (organization: string) =>
        `Diese Cookie-Richtlinie erläutert, wie ${organization} („wir“, „uns“ oder „unser“) Cookies und ähnliche Tracking-Technologien einsetzt, wenn Sie unsere Website besuchen oder unsere Plattform nutzen (zusammen der „Dienst“). Diese Richtlinie ist in Verbindung mit unserer Datenschutzerklärung und unseren Nutzungsbedingungen zu lesen.`,
      consentLabel: 'Ihre Einwilligung:',
      consent:
        'Notwendige Cookies sind immer aktiv, da der Dienst ohne sie nicht funktioniert. Optionale Cookies verwenden wir nur, wenn Sie dies erlauben: Bis Sie eine Auswahl treffen, bleiben sie deaktiviert, und Sie können Ihre Auswahl jederzeit über unser Cookie-Einwilligungstool oder Ihre Browsereinstellungen ändern oder Ihre Einwilligung widerrufen. Eine Einschränkung von Cookies kann einige Funktionen des Dienstes beeinträchtigen.',
    },
    understanding: {
      title: 'Was sind Cookies und ähnliche Technologien?',
      text: 'Cookies sind kleine Textdateien, die auf Ihrem Endgerät (Computer, Tablet oder Mobilgerät) gespeichert werden, wenn Sie unsere Website besuchen. Sie werden häufig eingesetzt, um Websites effizienter zu betreiben, die Nutzererfahrung zu verbessern und Websitebetreibern Informationen darüber zu liefern, wie ihr Angebot genutzt wird.',
      similarLabel: 'Ähnliche Technologien, die wir möglicherweise einsetzen:',
      similar: [
        {
          term: 'Lokaler Speicher (Local Storage)',
          text: 'In Ihrem Browser gespeicherte Daten, etwa Ihre Anzeigeeinstellungen, die wie ein Cookie funktionieren, aber nicht bei jeder Anfrage mitgesendet werden.',
        },
        {
          term: 'Zählpixel und Web-Beacons',
          text: 'Winzige Grafiken in Webseiten oder E-Mails, die uns mitteilen, ob Inhalte angesehen wurden.',
        },
        {
          term: 'SDKs',
          text: 'Softwarekomponenten in Apps, die Nutzungs- und Diagnosedaten erfassen.',
        },
      ],
    },
    categories: {
      title: 'Wie wir Cookies verwenden',
      intro:
        'Wir verwenden Cookies für verschiedene Zwecke: um das ordnungsgemäße Funktionieren unserer Plattform sicherzustellen, Ihre Nutzungserfahrung zu verbessern und unsere Dienste kontinuierlich weiterzuentwickeln. Im Folgenden finden Sie eine Übersicht über die verschiedenen Arten von Cookies, die wir verwenden:',
      required: (title: string) => `${title} (erforderlich)`,
      optional: (title: string) => `${title} (optional)`,
      examplesLabel: 'Beispiele:',
      examples: (items: readonly string[]) => items.join(', '),
    },
    durations: {
      title: 'Speicherdauer von Cookies',
      durationLabel: 'Speicherdauer:',
      session: {
        title: 'Sitzungs-Cookies',
        text: 'Dies sind temporäre Cookies, die auf Ihrem Gerät verbleiben, bis Sie Ihren Browser schließen. Sie dienen dazu, den Status Ihrer Sitzung aufrechtzuerhalten, und sind für das ordnungsgemäße Funktionieren unseres Dienstes unerlässlich.',
        duration: 'Bis zum Schließen des Browsers',
      },
      persistent: {
        title: 'Persistente Cookies',
        text: 'Diese verbleiben für einen im Cookie festgelegten Zeitraum auf Ihrem Gerät. Sie werden bei jedem Besuch der Website, die das jeweilige Cookie gesetzt hat, aktiviert und helfen uns, Ihre Präferenzen und Einstellungen zu speichern.',
        duration: '30 Tage bis 1 Jahr (je nach Zweck)',
      },
    },
    tables: {
      title: 'Welche Cookies wir im Einzelnen verwenden',
      firstParty: {
        title: 'Erstanbieter-Cookies',
        intro: (organization: string) =>
          `Diese Cookies werden direkt von ${organization} gesetzt und ausschließlich für die Funktionalität der Plattform und die Nutzererfahrung verwendet.`,
      },
      thirdParty: {
        title: 'Drittanbieter-Cookies',
        intro:
          'Wir arbeiten mit vertrauenswürdigen Drittanbietern zusammen, die Cookies setzen können, um uns bei der Bereitstellung und Verbesserung unserer Dienste zu unterstützen. Für die Verwendung Ihrer Daten durch diese Anbieter gelten deren eigene Datenschutzerklärungen.',
      },
      storage: {
        title: 'Web-Speicher',
        intro:
          'Einige Funktionen speichern Daten statt in Cookies im lokalen Speicher oder im Sitzungsspeicher Ihres Browsers. Für diese Schlüssel gelten dieselben Entscheidungen wie für die Cookies ihrer Kategorie; widerrufen Sie eine Kategorie, werden sie gelöscht.',
      },
    },
    choices: {
      title: 'Ihre Wahl- und Kontrollmöglichkeiten bei Cookies',
      intro:
        'Wir möchten Ihnen die Kontrolle über Ihre Daten geben. Sie haben mehrere Möglichkeiten, Ihre Cookie-Einstellungen zu verwalten und zu steuern, wie Ihre Daten erhoben werden:',
      manager: {
        title: 'Cookie-Einwilligungsverwaltung',
        text: (button: string) =>
          `Wir stellen Ihnen ein Cookie-Einwilligungstool bereit, mit dem Sie Ihre Cookie-Einstellungen anpassen können. Sie können es jederzeit über die Schaltfläche „${button}“ unten oder den Link „${button}“ in der Fußzeile unserer Website öffnen.`,
        controlLabel: 'Was Sie steuern können:',
        control: (optional: readonly string[]) =>
          optional.length
            ? `Sie können ${new Intl.ListFormat('de', { type: 'conjunction' }).format(optional)} aktivieren oder deaktivieren; notwendige Cookies bleiben für die grundlegenden Funktionen stets aktiv.`
            : 'Notwendige Cookies bleiben für die grundlegenden Funktionen stets aktiv.',
      },
      browser: {
        title: 'Browsereinstellungen',
        text: 'In den meisten Webbrowsern können Sie Cookies über die Einstellungen steuern. Eine Einschränkung von Cookies kann jedoch dazu führen, dass Sie bestimmte Funktionen unseres Dienstes nicht nutzen können.',
        howTo: 'So verwalten Sie Cookies in Ihrem Browser:',
        browsers: [
          { term: 'Google Chrome', text: 'Einstellungen → Datenschutz und Sicherheit → Cookies und andere Websitedaten' },
          { term: 'Mozilla Firefox', text: 'Einstellungen → Datenschutz & Sicherheit → Cookies und Website-Daten' },
          { term: 'Safari', text: 'Einstellungen → Datenschutz → Cookies und Website-Daten' },
          { term: 'Microsoft Edge', text: 'Einstellungen → Cookies und Websiteberechtigungen' },
        ],
      },
      optOuts: {
        title: 'Opt-out bei Drittanbietern',
        text: 'Drittanbieter-Cookies für Werbung und Analyse können Sie außerdem über branchenübliche Opt-out-Tools deaktivieren:',
        links: [
          { name: 'Digital Advertising Alliance (DAA)', text: 'optout.aboutads.info', href: 'https://optout.aboutads.info' },
          {
            name: 'Network Advertising Initiative (NAI)',
            text: 'optout.networkadvertising.org',
            href: 'https://optout.networkadvertising.org',
          },
          {
            name: 'Google Analytics deaktivieren (Opt-out)',
            text: 'Browser-Add-on zur Deaktivierung von Google Analytics',
            href: 'https://tools.google.com/dlpage/gaoptout',
          },
        ],
      },
      impact: {
        title: 'Auswirkungen der Deaktivierung von Cookies',
        text: 'Bitte beachten Sie, dass Sie möglicherweise nicht alle Funktionen unserer Plattform nutzen können, wenn Sie bestimmte Cookies deaktivieren. Notwendige Cookies können nicht deaktiviert werden, da sie für die grundlegenden Funktionen und die Sicherheit der Plattform erforderlich sind.',
      },
    },
    doNotTrack: {
      title: 'Weitere Informationen',
      subtitle: '„Do Not Track“-Signale',
      ignored:
        'Unsere Website reagiert derzeit nicht auf „Do Not Track“-Signale von Webbrowsern. Sie können das Tracking jedoch mit den oben im Abschnitt „Ihre Wahl- und Kontrollmöglichkeiten bei Cookies“ beschriebenen Möglichkeiten zur Cookie-Verwaltung steuern.',
      honored:
        'Unsere Website wertet ein „Do Not Track“-Signal Ihres Browsers als Widerspruch gegen den Verkauf oder die Weitergabe Ihrer personenbezogenen Daten: Cookies, die Daten verkaufen oder weitergeben, bleiben deaktiviert, sofern Sie sie nicht selbst mit den oben im Abschnitt „Ihre Wahl- und Kontrollmöglichkeiten bei Cookies“ beschriebenen Möglichkeiten zur Cookie-Verwaltung aktivieren.',
    },
    contact: {
      title: 'Fragen zu unserer Cookie-Richtlinie?',
      text: 'Wenn Sie Fragen zu dieser Cookie-Richtlinie oder zu unserer Verwendung von Cookies und ähnlichen Technologien haben, wenden Sie sich bitte an uns:',
    },
    manage: {
      title: 'Ihre Cookie-Einstellungen verwalten',
      text: 'Sie können Ihre Cookie-Einstellungen jederzeit über unser Tool „Cookie-Einstellungen“ anpassen. Notwendige Cookies sind immer aktiv; optionale Kategorien wie Analyse-, Funktions- und Marketing-Cookies können Sie aktivieren oder deaktivieren.',
    },
  },
};
export type { Messages } from './types';
