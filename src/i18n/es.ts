import type { Messages } from './types';

/**
 * Spanish (español de España), formal "usted". Import it from `@connexx/consent-ui/i18n/es`; it does
 * not pull in the English catalogue. Quotation marks are angular («…»), as the RAE recommends.
 */
export const es: Messages = {
  locale: 'es',
  banner: {
    label: 'Consentimiento de cookies',
    title: 'Utilizamos cookies',
    description:
      'Algunas cookies son necesarias para que este sitio funcione. Con su permiso, también nos gustaría utilizar cookies opcionales para medir cómo se usa el sitio, recordar su configuración y mostrarle publicidad relevante.',
    policyLink: 'Leer nuestra Política de cookies',
    acceptAll: 'Aceptar todo',
    rejectAll: 'Rechazar todo',
    customize: 'Personalizar',
    signalHonored: 'Solicitud de exclusión respetada',
    confirmation: {
      'accept-all': 'Ha aceptado las cookies adicionales. Puede cambiar su configuración de cookies en cualquier momento.',
      'accept-all-signal':
        'Ha aceptado las cookies adicionales, excepto las que venden o comparten datos, como solicita su navegador. Puede cambiar su configuración de cookies en cualquier momento.',
      'reject-all': 'Ha rechazado las cookies adicionales. Puede cambiar su configuración de cookies en cualquier momento.',
      custom: 'Ha guardado su configuración de cookies. Puede cambiarla en cualquier momento.',
      signal: 'Se ha aplicado su señal de preferencia de exclusión voluntaria. Puede cambiar su configuración de cookies en cualquier momento.',
      'opt-out': 'Ha optado por excluir la venta y el uso compartido de sus datos personales. Puede cambiar sus opciones en cualquier momento.',
    },
    hide: 'Ocultar el mensaje sobre cookies',
    noticeLabel: 'Aviso de privacidad',
    noticeOn: (categories: string) => `Activas salvo que usted se excluya: ${categories}.`,
    noticeSale: 'Algunas pueden vender o compartir sus datos personales para publicidad dirigida.',
    optOut: 'Excluirse de la venta o el uso compartido',
    privacyChoices: 'Sus opciones de privacidad',
  },
  dialog: {
    title: 'Preferencias de cookies',
    description:
      'Elija qué cookies opcionales podemos utilizar. Las cookies esenciales están siempre activas porque el sitio no puede funcionar sin ellas. Su elección se guarda para este sitio y puede cambiarla en cualquier momento.',
    close: 'Cerrar',
    alwaysActive: 'Siempre activas',
    details: (count: number) => (count === 1 ? 'Mostrar la cookie o el servicio' : `Mostrar ${count} cookies y servicios`),
    firstPartyCaption: (category: string) => `${category}: cookies instaladas por este sitio`,
    thirdPartyCaption: (category: string) => `${category}: servicios de terceros`,
    rejectAll: 'Rechazar todo',
    acceptAll: 'Aceptar todo',
    save: 'Guardar selección',
    signalHonored: 'Solicitud de exclusión respetada',
    sharingTitle: 'Compartir datos de salud del consumidor: un consentimiento aparte',
    sharingNote: 'No se incluye en «Aceptar todo»: solo este interruptor lo permite.',
    sharingCollected: 'Qué se recopila',
    sharingWhy: 'Para qué',
    sharingRecipients: 'Quién los recibe',
    sharingWithdraw: 'Cómo retirarlo',
    sharingWithdrawText: 'Desactive este interruptor y guarde, en cualquier momento, desde Configuración de cookies o Sus opciones de privacidad. El uso compartido se detiene desde entonces.',
    sharingNoRecipients: 'No se declara ningún tercero.',
  },
  settingsButton: 'Configuración de cookies',
  privacyChoices: {
    label: 'Sus opciones de privacidad',
    signalHonored: 'Solicitud de exclusión respetada',
  },
  table: {
    firstPartyCaption: 'Cookies propias',
    thirdPartyCaption: 'Servicios de terceros',
    cookieName: 'Nombre de la cookie',
    purpose: 'Finalidad',
    duration: 'Duración',
    type: 'Tipo',
    provider: 'Proveedor',
    privacyPolicy: 'Política de privacidad',
    viewPolicy: 'Ver política',
    viewPolicyOf: (provider: string) => `(${provider})`,
    newWindow: 'Se abre en una ventana nueva',
    noPolicy: 'No publicada',
    empty: 'No se utilizan cookies de este tipo.',
    storageCaption: 'Almacenamiento web',
    key: 'Clave',
    storage: 'Almacenamiento',
    localStorage: 'Almacenamiento local',
    sessionStorage: 'Almacenamiento de sesión',
  },
  status: {
    label: 'Preferencias actuales:',
    /** Before a category's state in the list: "Performance Cookies:". */
    item: (category: string) => `${category}:`,
    on: 'Activado',
    off: 'Desactivado',
    offHere: 'Desactivado en esta página',
    pending: 'Aún no ha elegido: las cookies opcionales permanecen desactivadas hasta que usted elija.',
    signalHonored: 'Solicitud de exclusión respetada',
  },
  gate: {
    blocked: (category: string) =>
      `Este contenido está oculto porque utiliza cookies de la categoría «${category}», que usted no ha permitido.`,
    allow: (category: string) => `Permitir «${category}»`,
  },
  policy: {
    title: 'Política de cookies',
    updated: (date: string) => `Última actualización: ${date}`,
    toc: 'En esta página',
    term: (term: string) => `${term}:`,
    overview: {
      title: 'Alcance de esta política',
      scope: (organization: string) =>
        `Esta Política de cookies explica cómo ${organization} («nosotros», «nos» o «nuestro») utiliza cookies y tecnologías de seguimiento similares cuando usted visita nuestro sitio web o utiliza nuestra plataforma (conjuntamente, el «Servicio»). Esta política debe leerse junto con nuestra Política de privacidad y nuestras Condiciones del servicio.`,
      consentLabel: 'Su consentimiento:',
      consent:
        'Las cookies esenciales están siempre activas porque el Servicio no puede funcionar sin ellas. Solo utilizamos cookies opcionales si usted las permite: permanecen desactivadas hasta que usted elija, y puede modificar su elección o retirar su consentimiento en cualquier momento mediante nuestra herramienta de consentimiento de cookies o la configuración de su navegador. Limitar las cookies puede afectar a algunas funciones del Servicio.',
    },
    understanding: {
      title: '¿Qué son las cookies y las tecnologías similares?',
      text: 'Las cookies son pequeños archivos de texto que se almacenan en su dispositivo (ordenador, tableta o móvil) cuando visita nuestro sitio web. Se utilizan ampliamente para que los sitios web funcionen de forma más eficiente, para ofrecer una mejor experiencia de usuario y para proporcionar a los propietarios de los sitios web información sobre cómo se utiliza su servicio.',
      similarLabel: 'Tecnologías similares que podemos utilizar:',
      similar: [
        {
          term: 'Almacenamiento local (Local Storage)',
          text: 'Datos guardados en su navegador, como sus preferencias de visualización, que funcionan como una cookie pero no se envían con cada solicitud.',
        },
        {
          term: 'Píxeles y balizas web',
          text: 'Imágenes diminutas en páginas o correos electrónicos que nos indican si se ha visto un contenido.',
        },
        {
          term: 'SDK',
          text: 'Componentes de software integrados en aplicaciones que recopilan información de uso y de diagnóstico.',
        },
      ],
    },
    categories: {
      title: 'Cómo utilizamos las cookies',
      intro:
        'Utilizamos cookies con distintas finalidades: garantizar el correcto funcionamiento de nuestra plataforma, mejorar su experiencia y perfeccionar continuamente nuestros servicios. A continuación se detallan los distintos tipos de cookies que utilizamos:',
      required: (title: string) => `${title} (categoría obligatoria)`,
      optional: (title: string) => `${title} (categoría opcional)`,
      examplesLabel: 'Ejemplos:',
      examples: (items: readonly string[]) => items.join(', '),
    },
    durations: {
      title: 'Duración de las cookies',
      durationLabel: 'Duración:',
      session: {
        title: 'Cookies de sesión',
        text: 'Son cookies temporales que permanecen en su dispositivo hasta que cierre el navegador. Se utilizan para mantener el estado de su sesión y son esenciales para el correcto funcionamiento de nuestro Servicio.',
        duration: 'Hasta que se cierre el navegador',
      },
      persistent: {
        title: 'Cookies persistentes',
        text: 'Permanecen en su dispositivo durante el periodo establecido en la propia cookie. Se activan cada vez que visita el sitio web que creó esa cookie y nos ayudan a recordar sus preferencias y su configuración.',
        duration: 'De 30 días a 1 año (según la finalidad)',
      },
    },
    tables: {
      title: 'Detalle de las cookies que utilizamos',
      firstParty: {
        title: 'Cookies propias',
        intro: (organization: string) =>
          `Estas cookies las instala directamente ${organization} y se utilizan exclusivamente para el funcionamiento de la plataforma y la experiencia de usuario.`,
      },
      thirdParty: {
        title: 'Cookies de terceros',
        intro:
          'Trabajamos con proveedores de servicios externos de confianza que pueden instalar cookies para ayudarnos a prestar y mejorar nuestros servicios. Estos proveedores cuentan con sus propias políticas de privacidad, que regulan el uso que hacen de su información.',
      },
      storage: {
        title: 'Almacenamiento web',
        intro:
          'Algunas funciones guardan datos en el almacenamiento local o de sesión de su navegador en lugar de en cookies. Estas claves siguen las mismas decisiones que las cookies de su categoría y se eliminan cuando usted retira su consentimiento para ella.',
      },
    },
    choices: {
      title: 'Sus opciones y controles sobre las cookies',
      intro:
        'Queremos que usted tenga el control de sus datos. Dispone de varias opciones para gestionar sus preferencias de cookies y controlar cómo se recopila su información:',
      manager: {
        title: 'Gestor de consentimiento de cookies',
        text: (button: string) =>
          `Ponemos a su disposición una herramienta de consentimiento de cookies que le permite personalizar sus preferencias. Puede abrirla en cualquier momento mediante el botón «${button}» que aparece a continuación o el enlace «${button}» del pie de página de nuestro sitio web.`,
        controlLabel: 'Qué puede controlar:',
        control: (optional: readonly string[]) =>
          optional.length
            ? `Puede activar o desactivar las categorías ${new Intl.ListFormat('es', { type: 'conjunction' }).format(optional.map((title) => `«${title}»`))}; las cookies esenciales permanecen siempre activas para las funciones básicas.`
            : 'Las cookies esenciales permanecen siempre activas para las funciones básicas.',
      },
      browser: {
        title: 'Configuración del navegador',
        text: 'La mayoría de los navegadores web le permiten controlar las cookies desde su configuración. No obstante, limitar las cookies puede impedirle utilizar determinadas funciones de nuestro Servicio.',
        howTo: 'Para gestionar las cookies desde su navegador:',
        browsers: [
          { term: 'Google Chrome', text: 'Configuración → Privacidad y seguridad → Cookies y otros datos de sitios' },
          { term: 'Mozilla Firefox', text: 'Opciones → Privacidad & Seguridad → Cookies y datos del sitio' },
          { term: 'Safari', text: 'Preferencias → Privacidad → Cookies y datos de sitios web' },
          { term: 'Microsoft Edge', text: 'Configuración → Cookies y permisos del sitio' },
        ],
      },
      optOuts: {
        title: 'Herramientas de exclusión voluntaria de terceros',
        text: 'Puede excluirse de las cookies de terceros utilizadas con fines publicitarios y analíticos mediante herramientas estándar del sector:',
        links: [
          { name: 'Digital Advertising Alliance (DAA)', text: 'optout.aboutads.info', href: 'https://optout.aboutads.info' },
          {
            name: 'Network Advertising Initiative (NAI)',
            text: 'optout.networkadvertising.org',
            href: 'https://optout.networkadvertising.org',
          },
          {
            name: 'Inhabilitación de Google Analytics',
            text: 'Complemento de inhabilitación para navegadores de Google Analytics',
            href: 'https://tools.google.com/dlpage/gaoptout',
          },
        ],
      },
      impact: {
        title: 'Consecuencias de desactivar las cookies',
        text: 'Tenga en cuenta que, si desactiva determinadas cookies, es posible que no pueda utilizar todas las funciones de nuestra plataforma. Las cookies esenciales no se pueden desactivar, ya que son necesarias para el funcionamiento básico y la seguridad de la plataforma.',
      },
    },
    doNotTrack: {
      title: 'Información adicional',
      subtitle: 'Señales «Do Not Track»',
      ignored:
        'Actualmente, nuestro sitio web no responde a las señales «Do Not Track» de los navegadores web. No obstante, puede controlar el seguimiento mediante los métodos de gestión de cookies descritos anteriormente en la sección «Sus opciones y controles sobre las cookies».',
      honored:
        'Nuestro sitio web trata una señal «Do Not Track» de su navegador como una oposición a la venta o cesión de sus datos personales: las cookies que venden o ceden datos permanecen desactivadas salvo que usted mismo las active mediante los métodos de gestión de cookies descritos anteriormente en la sección «Sus opciones y controles sobre las cookies».',
    },
    contact: {
      title: '¿Tiene preguntas sobre nuestra Política de cookies?',
      text: 'Si tiene alguna pregunta sobre esta Política de cookies o sobre el uso que hacemos de las cookies y tecnologías similares, no dude en ponerse en contacto con nosotros:',
    },
    manage: {
      title: 'Gestione sus preferencias de cookies',
      text: 'Puede personalizar sus preferencias de cookies en cualquier momento mediante nuestra herramienta «Configuración de cookies». Las cookies esenciales están siempre activas; las categorías opcionales, como las cookies analíticas, funcionales y de marketing, pueden activarse o desactivarse.',
    },
  },
};
export type { Messages } from './types';
