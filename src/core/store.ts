import { createCookieJar, parseCookieValues, resolveCookieOptions, type CookieOptions } from './cookie-jar';
import { normalizeJurisdiction, regimeFor, regimes, type Regime } from './jurisdiction';
import { categoryOf, type CategoryDefinition, type Policy } from './policy';
import { choicesFor, createRecordId, decodeRecord, encodeRecord, subjectIdOf, type ConsentMethod, type ConsentRecord, type ConsentSignals } from './record';
import { readSignals } from './signals';

export type DecisionStatus = 'pending' | 'decided';

export interface ConsentState<Id extends string = string> {
  status: DecisionStatus;
  /**
   * What is in force now: required categories always true; while pending, optional ones are false
   * under `opt-in`, and as the regime allows under the others.
   */
  choices: Readonly<Record<Id, boolean>>;
  record: ConsentRecord<Id> | null;
  /**
   * Whether `record` was decided by this store, on this page: false for one read from the cookie
   * (found on load, or brought from another tab by `refresh`) and while pending.
   */
  decidedHere: boolean;
  signals: ConsentSignals;
  /** The regime in force for this visitor's jurisdiction (`opt-in` when unknown). */
  regime: Regime;
  /** The visitor's jurisdiction as given (normalized, `'US-CA'`), or undefined when unknown. */
  jurisdiction?: string;
}

export interface ConsentStoreOptions<Id extends string = string> {
  policy: Policy<Id>;
  cookie?: CookieOptions;
  /** The request's `Cookie` header, for rendering the real decision on the server. */
  initialCookieHeader?: string;
  /** Default true: with GPC, sale-or-share categories start off and "Accept all" leaves them off. */
  respectGlobalPrivacyControl?: boolean;
  /** Default false: Do Not Track is advisory; when true it is treated like GPC. */
  respectDoNotTrack?: boolean;
  /** Called after every decision with the new record and the one it replaces. */
  onChange?: (record: ConsentRecord<Id>, previous: ConsentRecord<Id> | null) => void;
  /**
   * A sensitive page (e.g. an authenticated patient page, HHS guidance on tracking): the listed
   * categories, or with `true` every optional one, are not in force on this page whatever is
   * stored. The stored record is left as it is.
   */
  sensitive?: boolean | readonly Id[];
  /**
   * Signal readings from the server, `{ gpc: request.headers['sec-gpc'] === '1' }`, passed to the
   * browser's provider too, so the first HTML and hydration agree. They add to what the browser
   * says (a signal either sends counts), never replace it.
   */
  signals?: Partial<ConsentSignals>;
  /**
   * Where the visitor is, as an ISO 3166 code (`'DE'`, `'US-CA'`), e.g. from
   * `jurisdictionFromHeaders` on the server; it picks the regime (see `definePolicy`'s
   * `jurisdictions`). Missing or unknown means `opt-in`, today's behaviour.
   */
  jurisdiction?: string;
  /** Clock, for tests. */
  now?: () => number | Date;
}

export type Listener = () => void;

export interface ConsentStore<Id extends string = string> {
  readonly policy: Policy<Id>;
  /** The consent cookie's name (`cookie_consent` unless configured). */
  readonly cookieName: string;
  /** The options of that name: whether Global Privacy Control, and Do Not Track, are respected. */
  readonly respectGlobalPrivacyControl: boolean;
  readonly respectDoNotTrack: boolean;
  getState(): ConsentState<Id>;
  /** The state as the server rendered it (from `initialCookieHeader` only), for hydration. */
  getServerState(): ConsentState<Id>;
  subscribe(listener: Listener): () => void;
  acceptAll(): void;
  rejectAll(): void;
  /** Opts out of sale and sharing in one step, leaving the rest as it is in force (`opt-out` regimes). */
  optOut(): void;
  /** Saves a custom decision; categories left out keep their current value. */
  save(choices: Partial<Record<Id, boolean>>): void;
  setCategory(id: Id, granted: boolean): void;
  /** Forgets the decision (deletes the consent cookie): the visitor is asked again. */
  reset(): void;
  /** Reads the consent cookie again, e.g. after another tab decided; tells subscribers if it changed. */
  refresh(): void;
  /** Changes which categories this page blocks (see `sensitive`), e.g. on a client-side route change. */
  setSensitive(sensitive: boolean | readonly Id[] | undefined): void;
  /**
   * Records what the browser's signals decided: with Global Privacy Control (when respected) over a
   * stored consent to sell or share, a `signal` decision, so the cookie and every receipt say so
   * (what is in force already leaves those categories off). Once per store; the provider calls it
   * in an effect, after its enforcement is connected, so a store made during a render and thrown
   * away writes nothing. A host without React calls it once its own wiring is connected.
   */
  start(): void;
  /**
   * Asks for the preferences dialog to open. Whether it shows is UI state, kept by the component
   * that draws it (`PreferencesDialog`, controlled or not), apart from the consent state: consent
   * subscribers hear only consent changes.
   */
  openPreferences(): void;
  /** Asks for the preferences dialog to close; every decision asks too. */
  closePreferences(): void;
  /**
   * For the UI that draws the preferences dialog: it takes every request from now on (the last
   * one to call this does). Returns the last request made before, so a dialog mounted after
   * `openPreferences()` opens.
   */
  handlePreferences(onRequest: (open: boolean) => void): boolean;
  destroy(): void;
}

const guard = (run: () => void, what: string) => {
  try {
    run();
  } catch (error) {
    console.error(`[consent-ui] ${what} threw:`, error);
  }
};

export function createConsentStore<Id extends string>(options: ConsentStoreOptions<Id>): ConsentStore<Id> {
  const { policy, onChange, respectGlobalPrivacyControl = true, respectDoNotTrack = false } = options;
  if (!policy || !Array.isArray(policy.categories)) {
    throw new TypeError('[consent-ui] createConsentStore: pass a policy made with definePolicy().');
  }
  const cookie = resolveCookieOptions(options.cookie);
  const jar = createCookieJar(options.initialCookieHeader);
  const now = () => +(options.now?.() ?? Date.now());
  const listeners = new Set<Listener>();
  const given = options.signals;
  const fromServer: ConsentSignals = { gpc: given?.gpc === true, dnt: given?.dnt === true };
  const own = readSignals();
  const signals: ConsentSignals = { gpc: own.gpc || fromServer.gpc, dnt: own.dnt || fromServer.dnt };
  const optOut = (s: ConsentSignals) => (respectGlobalPrivacyControl && s.gpc) || (respectDoNotTrack && s.dnt);
  const jurisdiction = normalizeJurisdiction(options.jurisdiction);
  const regime = regimeFor(jurisdiction, policy.jurisdictions);
  let destroyed = false;
  let { sensitive } = options;
  // Sharing consumer health data needs a consent separate from collecting it (RCW 19.373.030):
  // only its own switch grants it, never "Accept all".
  const ownSwitchOnly = (c: CategoryDefinition<Id>) => regime == 'health-data' && c.healthData && c.saleOrShare;
  // One id per browser for every decision it makes: taken from any consent cookie this browser
  // has (even one of an older revision, or one reset on this page), else made on the first decision.
  let subjectId: string | undefined;

  // What is in force, never what this page may not run, nor selling or sharing the browser sends an
  // opt-out signal against, unless a decision allowed it under that signal already (CCPA 7025).
  // Decided: the stored choices, less health-data sharing that only an "Accept all" granted.
  // While nobody has decided: nothing optional under opt-in; under the US regimes everything but,
  // under health-data, what may collect health data.
  const inForce = (record: ConsentRecord<Id> | null, s: ConsentSignals) =>
    choicesFor(
      policy,
      (c) =>
        !(sensitive === true || (sensitive && sensitive.includes(c.id))) &&
        !(c.saleOrShare && optOut(s) && !(record && optOut(record.signals))) &&
        (record
          ? !(ownSwitchOnly(c) && record.method == 'accept-all') && record.choices[c.id]
          : regime != 'opt-in' && !(regime == 'health-data' && c.healthData)),
    );

  const stateFor = (record: ConsentRecord<Id> | null, s: ConsentSignals, decidedHere = false): ConsentState<Id> => ({
    status: record ? 'decided' : 'pending',
    choices: inForce(record, s),
    record,
    decidedHere,
    signals: s,
    regime,
    jurisdiction,
  });

  // A decision made under this visitor's regime or a stricter one holds; one made under a looser
  // regime holds only where every category it grants was granted by the visitor's own act.
  const holds = (record: ConsentRecord<Id>) =>
    regimes.indexOf(record.regime) >= regimes.indexOf(regime) ||
    record.method == 'accept-all' ||
    record.method == 'custom' ||
    !policy.categories.some((c) => !c.required && record.choices[c.id]);

  // The newest valid decision among every consent cookie the page sees: one left on another path
  // or domain (a parent domain's, an earlier `cookie.domain`) must not outvote a later refusal.
  const newest = (values: readonly string[] = []) => {
    let found: ConsentRecord<Id> | null = null;
    for (const value of values) {
      const record = decodeRecord(value, policy, { now: now(), maxAgeDays: cookie.maxAgeDays });
      if (record && (!found || record.decidedAt > found.decidedAt)) found = record;
    }
    return found && holds(found) ? found : null;
  };
  const read = () => newest(jar.getAll(cookie.name));

  let state: ConsentState<Id> = stateFor(read(), signals);
  // Without a document the store is the server's; in the browser the server's first HTML came
  // from the request header alone, and hydration must start from that.
  const serverState =
    typeof document === 'undefined'
      ? state
      : stateFor(newest(parseCookieValues(options.initialCookieHeader).get(cookie.name)), fromServer);

  // A destroyed store changes nothing and tells nobody. One failing subscriber (a host's) must not
  // stop the others: React, cookie clearing, sync.
  const set = (next: ConsentState<Id>) => {
    if (destroyed) return;
    state = next;
    listeners.forEach((listener) => guard(listener, 'a subscriber'));
  };

  // A decision announced to subscribers and onChange is finished only when they return: one made
  // from there (a subscriber that decides on every change) would nest without end.
  let announcing = false;
  let warnedNested = false;
  let told = false;
  // Requests for the preferences dialog go to the UI that draws it; until one does, the last waits.
  let requested = false;
  let drawer: ((open: boolean) => void) | undefined;
  const request = (open: boolean) => (drawer ? drawer(open) : (requested = open));

  // A decision grants what `grant` grants, and every required category.
  const decide = (method: ConsentMethod, grant: (category: CategoryDefinition<Id>) => unknown) => {
    if (destroyed) return;
    if (announcing) {
      if (process.env.NODE_ENV !== 'production') {
        const call = method === 'accept-all' ? 'acceptAll' : method === 'reject-all' ? 'rejectAll' : 'save';
        throw new Error(
          `[consent-ui] ${call}() was called while the store was announcing a decision (from a subscriber or onChange), and was ignored: ` +
            'deciding in answer to every change would never end. Decide in answer to the visitor, or check the state first.',
        );
      }
      if (!warnedNested) console.warn('[consent-ui] nested decision ignored');
      warnedNested = true;
      return;
    }
    const previous = state.record;
    subjectId ??= previous?.subjectId ?? jar.getAll(cookie.name).map(subjectIdOf).find(Boolean) ?? createRecordId();
    const record: ConsentRecord<Id> = {
      id: createRecordId(),
      revision: policy.revision,
      decidedAt: new Date(now()).toISOString(),
      method,
      choices: choicesFor(policy, grant),
      signals,
      regime,
      subjectId,
    };
    if (jurisdiction) record.jurisdiction = jurisdiction;
    const value = encodeRecord(record);
    // A development build refuses a policy this large; in production, the visitor would be asked
    // again on every page, and nobody told why.
    if (!told && !newest([value])) {
      told = true;
      console.error('[consent-ui] decision does not fit the consent cookie');
    }
    // The options' path, domain and sameSite, as they are; Secure unless told, on https or for SameSite=None.
    jar.set(cookie.name, value, {
      ...cookie,
      maxAgeSeconds: Math.round(cookie.maxAgeDays * 86400),
      secure: cookie.secure ?? (cookie.sameSite == 'None' || globalThis.location?.protocol == 'https:'),
    });
    // Both calls catch what a host's code throws, so the flag always comes down.
    announcing = true;
    set(stateFor(record, signals, true));
    request(false);
    guard(() => onChange?.(record, previous), 'onChange');
    announcing = false;
  };


  // The signal is already out of force (inForce); `start` also records it as a decision of its own.
  const stored = state.record;

  const save = (choices: Partial<Record<Id, boolean>>) => {
    for (const [id, value] of Object.entries(choices)) {
      categoryOf(policy, id, 'save');
      if (typeof value !== 'boolean') throw new TypeError(`[consent-ui] category "${id}" must be true or false.`);
    }
    // Over what is stored, not what is in force: a sensitive page must not rewrite what it blocks.
    const current = state.record?.choices ?? state.choices;
    // The check above let only booleans through: anything else here is inherited (an id such as
    // `valueOf` reads a function), never a grant.
    decide('custom', (c) => (typeof choices[c.id] == 'boolean' ? choices[c.id] : current[c.id]));
  };

  return {
    policy,
    cookieName: cookie.name,
    respectGlobalPrivacyControl,
    respectDoNotTrack,
    getState: () => state,
    getServerState: () => serverState,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      // Once: the decision made here replaces the stored record.
      if (stored && stored === state.record && optOut(signals) && !optOut(stored.signals) && policy.categories.some((c) => c.saleOrShare && stored.choices[c.id])) {
        decide('signal', (c) => !c.saleOrShare && stored.choices[c.id]);
      }
    },
    acceptAll: () => decide('accept-all', (c) => !(c.saleOrShare && optOut(signals)) && !ownSwitchOnly(c)),
    rejectAll: () => decide('reject-all', () => false),
    optOut() {
      const current = state.record?.choices ?? state.choices;
      decide('opt-out', (c) => !c.saleOrShare && current[c.id]);
    },
    save,
    setCategory: (id, granted) => save({ [id]: granted } as Partial<Record<Id, boolean>>),
    reset() {
      if (destroyed) return;
      jar.remove(cookie.name);
      set(stateFor(null, signals));
    },
    refresh() {
      // A decoded record is a new object each time: its id says whether it is the decision held.
      const record = read();
      if (record?.id !== state.record?.id) set(stateFor(record, signals));
    },
    setSensitive(next) {
      sensitive = next;
      // Subscribers hear of it only when what is in force changes, so a caller may pass the same
      // value (an inline array, a new one each render) as often as it likes.
      // (Pending under opt-in, nothing optional is in force whatever the page: nothing changes.)
      const choices = inForce(state.record, signals);
      if (policy.categories.some((c) => choices[c.id] !== state.choices[c.id])) set({ ...state, choices });
    },
    openPreferences: () => request(true),
    closePreferences: () => request(false),
    handlePreferences(onRequest) {
      drawer = onRequest;
      return requested;
    },
    destroy() {
      destroyed = true;
      listeners.clear();
    },
  };
}
