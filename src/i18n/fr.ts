import type { Messages } from './types';

/**
 * French (français), formal "vous". Import it from `@connexx/consent-ui/i18n/fr`; it does not pull in
 * the English catalogue. French typography: the space before « : ; ? ! » and inside « guillemets »
 * is a no-break space (U+00A0), so the sign never wraps onto a line of its own. Keep it when editing.
 */
export const fr: Messages = {
  locale: 'fr',
  banner: {
    label: 'Consentement aux cookies',
    title: 'Nous utilisons des cookies',
    description:
      'Certains cookies sont nécessaires au fonctionnement de ce site. Avec votre accord, nous souhaiterions également utiliser des cookies facultatifs pour mesurer l’utilisation du site, mémoriser vos paramètres et afficher des publicités pertinentes.',
    policyLink: 'Lire notre politique relative aux cookies',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    customize: 'Personnaliser',
    signalHonored: 'Demande de refus respectée',
    confirmation: {
      'accept-all': 'Vous avez accepté les cookies supplémentaires. Vous pouvez modifier vos paramètres de cookies à tout moment.',
      'accept-all-signal':
        'Vous avez accepté les cookies supplémentaires, sauf ceux qui vendent ou partagent des données, comme le demande votre navigateur. Vous pouvez modifier vos paramètres de cookies à tout moment.',
      'reject-all': 'Vous avez refusé les cookies supplémentaires. Vous pouvez modifier vos paramètres de cookies à tout moment.',
      custom: 'Vos paramètres de cookies ont été enregistrés. Vous pouvez les modifier à tout moment.',
      signal: 'Votre signal de préférence de refus a été appliqué. Vous pouvez modifier vos paramètres de cookies à tout moment.',
      'opt-out': 'Vous avez refusé la vente et le partage de vos données personnelles. Vous pouvez modifier vos choix à tout moment.',
    },
    hide: 'Masquer le message sur les cookies',
    noticeLabel: 'Avis de confidentialité',
    noticeOn: (categories: string) => `Actifs tant que vous ne les refusez pas : ${categories}.`,
    noticeSale: 'Certains peuvent vendre ou partager vos données personnelles à des fins de publicité ciblée.',
    optOut: 'Refuser la vente ou le partage',
    privacyChoices: 'Vos choix en matière de confidentialité',
  },
  dialog: {
    title: 'Préférences en matière de cookies',
    description:
      'Choisissez les cookies facultatifs que nous pouvons utiliser. Les cookies essentiels sont toujours activés, car le site ne peut pas fonctionner sans eux. Votre choix est enregistré pour ce site et vous pouvez le modifier à tout moment.',
    close: 'Fermer',
    alwaysActive: 'Toujours actif',
    details: (count: number) => (count === 1 ? 'Afficher le cookie ou le service' : `Afficher les ${count} cookies et services`),
    firstPartyCaption: (category: string) => `${category} : cookies déposés par ce site`,
    thirdPartyCaption: (category: string) => `${category} : services tiers`,
    rejectAll: 'Tout refuser',
    acceptAll: 'Tout accepter',
    save: 'Enregistrer mes choix',
    signalHonored: 'Demande de refus respectée',
    sharingTitle: 'Partage de données de santé des consommateurs : un consentement distinct',
    sharingNote: 'Non inclus dans « Tout accepter » : seul cet interrupteur l’autorise.',
    sharingCollected: 'Données collectées',
    sharingWhy: 'Finalité',
    sharingRecipients: 'Destinataires',
    sharingWithdraw: 'Comment retirer votre consentement',
    sharingWithdrawText: 'Désactivez cet interrupteur et enregistrez, à tout moment, depuis les Paramètres de cookies ou Vos choix en matière de confidentialité. Le partage cesse dès lors.',
    sharingNoRecipients: 'Aucun tiers n’est déclaré.',
  },
  settingsButton: 'Paramètres de cookies',
  privacyChoices: {
    label: 'Vos choix en matière de confidentialité',
    signalHonored: 'Demande de refus respectée',
  },
  table: {
    firstPartyCaption: 'Cookies propriétaires',
    thirdPartyCaption: 'Services tiers',
    cookieName: 'Nom du cookie',
    purpose: 'Finalité',
    duration: 'Durée',
    type: 'Type',
    provider: 'Fournisseur',
    privacyPolicy: 'Politique de confidentialité',
    viewPolicy: 'Consulter la politique',
    viewPolicyOf: (provider: string) => `(${provider})`,
    newWindow: 'S’ouvre dans une nouvelle fenêtre',
    noPolicy: 'Non publiée',
    empty: 'Aucun cookie de ce type n’est utilisé.',
    storageCaption: 'Stockage web',
    key: 'Clé',
    storage: 'Stockage',
    localStorage: 'Stockage local',
    sessionStorage: 'Stockage de session',
  },
  status: {
    label: 'Préférences actuelles :',
    /** Before a category's state in the list: "Performance Cookies:". */
    item: (category: string) => `${category} :`,
    on: 'Activé',
    off: 'Désactivé',
    offHere: 'Désactivé sur cette page',
    pending: 'Aucun choix effectué pour le moment : les cookies facultatifs restent désactivés jusqu’à ce que vous fassiez votre choix.',
    signalHonored: 'Demande de refus respectée',
  },
  gate: {
    blocked: (category: string) =>
      `Ce contenu est masqué, car il utilise des cookies de la catégorie « ${category} », que vous n’avez pas autorisée.`,
    allow: (category: string) => `Autoriser « ${category} »`,
  },
  policy: {
    title: 'Politique relative aux cookies',
    updated: (date: string) => `Dernière mise à jour : ${date}`,
    toc: 'Sur cette page',
    term: (term: string) => `${term} :`,
    overview: {
      title: 'Champ d’application de la présente politique',
      scope: (organization: string) =>
        `La présente politique relative aux cookies explique comment ${organization} (« nous », « notre » ou « nos ») utilise des cookies et des technologies de suivi similaires lorsque vous visitez notre site web ou utilisez notre plateforme (collectivement, le « Service »). Elle doit être lue conjointement avec notre politique de confidentialité et nos conditions d’utilisation.`,
      consentLabel: 'Votre consentement :',
      consent:
        'Les cookies essentiels sont toujours activés, car le Service ne peut pas fonctionner sans eux. Nous n’utilisons des cookies facultatifs que si vous les autorisez : ils restent désactivés jusqu’à ce que vous fassiez votre choix, et vous pouvez à tout moment modifier votre choix ou retirer votre consentement au moyen de notre outil de gestion du consentement aux cookies ou des paramètres de votre navigateur. La limitation des cookies peut affecter certaines fonctionnalités du Service.',
    },
    understanding: {
      title: 'Que sont les cookies et les technologies similaires ?',
      text: 'Les cookies sont de petits fichiers texte déposés sur votre appareil (ordinateur, tablette ou mobile) lorsque vous visitez notre site web. Ils sont largement utilisés pour faire fonctionner les sites web plus efficacement, offrir une meilleure expérience utilisateur et fournir aux propriétaires de sites des informations sur l’utilisation de leur service.',
      similarLabel: 'Technologies similaires que nous pouvons utiliser :',
      similar: [
        {
          term: 'Stockage local (Local Storage)',
          text: 'Données conservées dans votre navigateur, comme vos préférences d’affichage, qui fonctionnent comme un cookie mais ne sont pas envoyées avec chaque requête.',
        },
        {
          term: 'Pixels et balises web',
          text: 'Images minuscules intégrées à des pages ou à des e-mails, qui nous indiquent si un contenu a été consulté.',
        },
        {
          term: 'SDK',
          text: 'Composants logiciels intégrés à des applications, qui collectent des informations d’utilisation et de diagnostic.',
        },
      ],
    },
    categories: {
      title: 'Comment nous utilisons les cookies',
      intro:
        'Nous utilisons des cookies à différentes fins : assurer le bon fonctionnement de notre plateforme, améliorer votre expérience et perfectionner continuellement nos services. Voici un aperçu des différents types de cookies que nous utilisons :',
      required: (title: string) => `${title} (catégorie obligatoire)`,
      optional: (title: string) => `${title} (catégorie facultative)`,
      examplesLabel: 'Exemples :',
      examples: (items: readonly string[]) => items.join(', '),
    },
    durations: {
      title: 'Durée de conservation des cookies',
      durationLabel: 'Durée :',
      session: {
        title: 'Cookies de session',
        text: 'Il s’agit de cookies temporaires qui restent sur votre appareil jusqu’à la fermeture de votre navigateur. Ils servent à maintenir l’état de votre session et sont indispensables au bon fonctionnement de notre Service.',
        duration: 'Jusqu’à la fermeture du navigateur',
      },
      persistent: {
        title: 'Cookies persistants',
        text: 'Ces cookies restent sur votre appareil pendant une durée définie dans le cookie. Ils sont activés chaque fois que vous visitez le site web qui a créé ce cookie et nous aident à mémoriser vos préférences et vos paramètres.',
        duration: 'De 30 jours à 1 an (selon la finalité)',
      },
    },
    tables: {
      title: 'Liste des cookies que nous utilisons',
      firstParty: {
        title: 'Cookies propriétaires',
        intro: (organization: string) =>
          `Ces cookies sont déposés directement par ${organization} et servent exclusivement au fonctionnement de la plateforme et à l’expérience utilisateur.`,
      },
      thirdParty: {
        title: 'Cookies tiers',
        intro:
          'Nous travaillons avec des prestataires tiers de confiance susceptibles de déposer des cookies pour nous aider à fournir et à améliorer nos services. Ces prestataires disposent de leurs propres politiques de confidentialité, qui régissent l’utilisation qu’ils font de vos informations.',
      },
      storage: {
        title: 'Stockage web',
        intro:
          'Certaines fonctionnalités conservent des données dans le stockage local ou le stockage de session de votre navigateur plutôt que dans des cookies. Ces clés suivent les mêmes choix que les cookies de leur catégorie et sont supprimées lorsque vous retirez votre consentement à celle-ci.',
      },
    },
    choices: {
      title: 'Vos choix et moyens de contrôle en matière de cookies',
      intro:
        'Nous tenons à vous donner le contrôle de vos données. Vous disposez de plusieurs options pour gérer vos préférences en matière de cookies et contrôler la manière dont vos informations sont collectées :',
      manager: {
        title: 'Gestionnaire de consentement aux cookies',
        text: (button: string) =>
          `Nous mettons à votre disposition un outil de gestion du consentement aux cookies qui vous permet de personnaliser vos préférences. Vous pouvez l’ouvrir à tout moment à l’aide du bouton « ${button} » ci-dessous ou du lien « ${button} » situé en pied de page de notre site web.`,
        controlLabel: 'Ce que vous pouvez contrôler :',
        control: (optional: readonly string[]) =>
          optional.length
            ? `Vous pouvez activer ou désactiver les catégories ${new Intl.ListFormat('fr', { type: 'conjunction' }).format(optional.map((title) => `«\u00a0${title}\u00a0»`))}\u00a0; les cookies essentiels restent toujours actifs pour assurer les fonctionnalités de base.`
            : 'Les cookies essentiels restent toujours actifs pour assurer les fonctionnalités de base.',
      },
      browser: {
        title: 'Paramètres du navigateur',
        text: 'La plupart des navigateurs web vous permettent de contrôler les cookies dans leurs paramètres. Toutefois, la limitation des cookies peut vous empêcher d’utiliser certaines fonctionnalités de notre Service.',
        howTo: 'Pour gérer les cookies dans votre navigateur :',
        browsers: [
          { term: 'Google Chrome', text: 'Paramètres → Confidentialité et sécurité → Cookies et autres données des sites' },
          { term: 'Mozilla Firefox', text: 'Options → Vie privée et sécurité → Cookies et données de sites' },
          { term: 'Safari', text: 'Préférences → Confidentialité → Cookies et données de sites web' },
          { term: 'Microsoft Edge', text: 'Paramètres → Cookies et autorisations de site' },
        ],
      },
      optOuts: {
        title: 'Outils de désactivation des tiers',
        text: 'Vous pouvez également désactiver les cookies tiers utilisés à des fins publicitaires et d’analyse au moyen des outils de désactivation (opt-out) standard du secteur :',
        links: [
          { name: 'Digital Advertising Alliance (DAA)', text: 'optout.aboutads.info', href: 'https://optout.aboutads.info' },
          {
            name: 'Network Advertising Initiative (NAI)',
            text: 'optout.networkadvertising.org',
            href: 'https://optout.networkadvertising.org',
          },
          {
            name: 'Désactivation de Google Analytics',
            text: 'Module complémentaire de navigateur pour la désactivation de Google Analytics',
            href: 'https://tools.google.com/dlpage/gaoptout',
          },
        ],
      },
      impact: {
        title: 'Conséquences de la désactivation des cookies',
        text: 'Veuillez noter que si vous désactivez certains cookies, il se peut que vous ne puissiez pas utiliser toutes les fonctionnalités de notre plateforme. Les cookies essentiels ne peuvent pas être désactivés, car ils sont nécessaires au fonctionnement de base et à la sécurité de la plateforme.',
      },
    },
    doNotTrack: {
      title: 'Informations complémentaires',
      subtitle: 'Signaux « Do Not Track »',
      ignored:
        'Notre site web ne répond pas actuellement aux signaux « Do Not Track » envoyés par les navigateurs web. Vous pouvez toutefois contrôler le suivi à l’aide des méthodes de gestion des cookies décrites ci-dessus dans la section « Vos choix et moyens de contrôle en matière de cookies ».',
      honored:
        'Notre site web considère un signal « Do Not Track » envoyé par votre navigateur comme une opposition à la vente ou au partage de vos données personnelles : les cookies qui vendent ou partagent des données restent désactivés, sauf si vous les activez vous-même à l’aide des méthodes de gestion des cookies décrites ci-dessus dans la section « Vos choix et moyens de contrôle en matière de cookies ».',
    },
    contact: {
      title: 'Des questions sur notre politique relative aux cookies ?',
      text: 'Si vous avez des questions concernant la présente politique relative aux cookies ou notre utilisation des cookies et technologies similaires, n’hésitez pas à nous contacter :',
    },
    manage: {
      title: 'Gérer vos préférences en matière de cookies',
      text: 'Vous pouvez personnaliser vos préférences en matière de cookies à tout moment à l’aide de notre outil « Paramètres de cookies ». Les cookies essentiels sont toujours activés ; les catégories facultatives, telles que les cookies analytiques, fonctionnels et marketing, peuvent être activées ou désactivées.',
    },
  },
};
export type { Messages } from './types';
