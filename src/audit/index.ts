// The consent audit: Node only, for a host's own Playwright tests and the `consent-ui audit`
// command. It drives a real browser through a first visit, a refusal and a withdrawal, and
// compares what the page stored and requested with what the policy declares.
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { cookieOwners, storageOwners } from '../core/cookie-cleaner';
import { nameMatches, type CategoryDefinition, type Policy } from '../core/policy';
import { de } from '../i18n/de';
import { en } from '../i18n/en-catalogue';
import { es } from '../i18n/es';
import { fr } from '../i18n/fr';
import { registrableDomain } from './site';

export { registrableDomain } from './site';

/**
 * When something was seen: on the first visit before any choice, after "Reject all" from the
 * banner, after "Accept all", and after withdrawing everything from a state of "Accept all" (in
 * the page, then once more after a reload).
 */
export type AuditPhase = 'before-choice' | 'after-reject' | 'after-accept' | 'after-withdrawal';

export interface AuditFinding {
  /** `banner`: the audit could not find or use the consent controls, or the page did not load. */
  kind: 'cookie' | 'storage' | 'request' | 'banner';
  /** The cookie's name, the storage key (`indexedDB:<name>` for a database), the request's host, or the control. */
  name: string;
  phase: AuditPhase;
  /** The optional category that declares it (for `beforeConsent` and `afterWithdrawal`). */
  category?: string;
  /** What else helps to fix it, e.g. "HttpOnly: only the server can delete it", or a request's URL. */
  detail?: string;
}

export interface AuditCookie {
  name: string;
  domain: string;
  path: string;
  /** Unix time in seconds; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
}

export interface AuditRequest {
  url: string;
  /** The registrable domain ("site") the request went to, which is not the page's. */
  site: string;
  /** Whether the request carried a Cookie header. */
  withCookies: boolean;
}

/** Everything one phase saw, for a report that explains its findings. */
export interface AuditObservation {
  phase: AuditPhase;
  /** The browser's cookies for every site at the end of the phase. */
  cookies: AuditCookie[];
  /** Names the page's scripts wrote with `document.cookie` during the phase, also those deleted again since. */
  cookiesWritten: string[];
  localStorage: string[];
  sessionStorage: string[];
  indexedDB: string[];
  /** Requests to other sites, in the order they were made. */
  requests: AuditRequest[];
}

export interface AuditReport {
  /** Set or requested, but declared by no category (any phase). */
  undeclared: AuditFinding[];
  /** An optional category's cookie, key or service seen before a choice or after a refusal; or no usable banner. */
  beforeConsent: AuditFinding[];
  /** Still there after withdrawing everything from a state of "Accept all". */
  afterWithdrawal: AuditFinding[];
  /** No finding in any list. */
  ok: boolean;
  observations: AuditObservation[];
  /** Waits that ran out, errors the page threw, and other things worth knowing that are not findings. */
  notes: string[];
  durationMs: number;
}

/** Names of the controls the audit clicks. A string matches the whole name, ignoring case. */
export interface AuditLabels {
  acceptAll?: string | RegExp;
  rejectAll?: string | RegExp;
  /** The control that reopens the preferences (a button or a link), e.g. "Cookie Settings". */
  settings?: string | RegExp;
  /** In the reopened preferences, the control that withdraws everything. Default: "Reject all". */
  withdraw?: string | RegExp;
  /** In the reopened preferences, the control that saves switches turned off, where there is no withdraw control. */
  save?: string | RegExp;
}

export interface AuditOptions {
  policy: Policy;
  url: string;
  /** Default: the library's own labels in English, German, French and Spanish. */
  labels?: AuditLabels;
  /**
   * Cookies, storage keys and IndexedDB names (`*` patterns allowed) to treat as strictly necessary
   * beside the policy's required categories. The library's own (`cookie_consent`, its receipts
   * queue and tab-sync key) always are.
   */
  necessary?: readonly string[];
  /** Each wait's bound (a page load, a control to appear, the network to go quiet), in ms. Default 5000. */
  timeoutMs?: number;
  /** How long to wait after each step for timers and late scripts, in ms. Default 1000. */
  settleMs?: number;
  /** Options of each fresh context, e.g. a locale, a user agent, or `ignoreHTTPSErrors`. */
  contextOptions?: BrowserContextOptions;
  /** Runs on each fresh context before the page opens, e.g. to route requests to test doubles. */
  prepareContext?: (context: BrowserContext) => Promise<void> | void;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names: readonly string[]) => new RegExp(`^\\s*(${[...new Set(names)].map(escape).join('|')})\\s*$`, 'i');
const catalogues = [en, de, fr, es];
const defaults = {
  acceptAll: anyOf(catalogues.map((c) => c.banner.acceptAll)),
  rejectAll: anyOf(catalogues.map((c) => c.banner.rejectAll)),
  settings: anyOf(catalogues.map((c) => c.settingsButton)),
  withdraw: anyOf(catalogues.map((c) => c.dialog.rejectAll)),
  save: anyOf(catalogues.map((c) => c.dialog.save)),
};
const shown = { acceptAll: en.banner.acceptAll, rejectAll: en.banner.rejectAll, settings: en.settingsButton, withdraw: en.dialog.rejectAll, save: en.dialog.save };
type LabelKey = keyof typeof defaults;

const OWN = ['cookie_consent', 'cookie_consent_receipts*', 'connexx-consent'];

/** Rejects after `ms`, so a page that never answers cannot hold the audit. */
function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const message = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

/**
 * Audits `url` against `policy` in three fresh contexts of `page`'s browser (`page` itself is
 * left as it is): a first visit before any choice; "Reject all" from the banner; "Accept all",
 * then withdrawal of everything from the reopened preferences, looked at in the page and after a
 * reload. Records cookies, Web Storage keys, IndexedDB databases and requests to other sites, and
 * reports what the policy does not declare, what an optional category has before consent, and
 * what is left after withdrawal. Every wait is bounded (`timeoutMs`); a page that throws, never
 * goes quiet or has no recognisable banner is reported, never a reason to throw or hang.
 */
export async function auditConsent(page: Page, options: AuditOptions): Promise<AuditReport> {
  const browser = page.context().browser();
  if (!browser) {
    throw new TypeError('[consent-ui] auditConsent: the page must come from browser.newContext() (a persistent context cannot open fresh ones).');
  }
  return auditWithBrowser(browser, options);
}

/** `auditConsent` on a browser rather than a page's: what the command line uses. */
export async function auditWithBrowser(browser: Browser, options: AuditOptions): Promise<AuditReport> {
  const started = Date.now();
  const { policy, url, timeoutMs = 5000, settleMs = 1000 } = options;
  if (!policy || !Array.isArray(policy.categories)) throw new TypeError('[consent-ui] auditConsent: pass a policy made with definePolicy().');
  const pageSite = registrableDomain(new URL(url).hostname);
  const necessary = [...OWN, ...(options.necessary ?? [])];
  const labels = { ...defaults, ...options.labels };
  const labelText = (key: LabelKey) => {
    const label = options.labels?.[key];
    return label === undefined ? shown[key] : typeof label === 'string' ? label : label.source;
  };
  const notes: string[] = [];
  const observations: AuditObservation[] = [];
  const findings: Record<'undeclared' | 'beforeConsent' | 'afterWithdrawal', AuditFinding[]> = { undeclared: [], beforeConsent: [], afterWithdrawal: [] };
  const seen = new Set<string>();
  const add = (list: keyof typeof findings, finding: AuditFinding) => {
    // Once per list: the first phase it was seen in stands for the rest.
    const id = `${list} ${finding.kind} ${finding.name}`;
    if (seen.has(id)) return;
    seen.add(id);
    findings[list].push(finding);
  };

  // Which categories declare what was seen; an empty list means declared nowhere.
  const serviceOwners = (host: string) =>
    policy.categories.filter((c) => (c.services ?? []).some((s) => (s.domains ?? []).some((d) => host === d || host.endsWith(`.${d}`))));
  const isNecessary = (name: string) => necessary.some((n) => nameMatches(n, name));

  const judge = (phase: AuditPhase, kind: AuditFinding['kind'], name: string, owners: readonly CategoryDefinition[], detail?: string) => {
    if (!owners.length) return add('undeclared', { kind, name, phase, ...(detail ? { detail } : {}) });
    if (owners.some((c) => c.required)) return;
    const finding = { kind, name, phase, category: owners[0]!.id, ...(detail ? { detail } : {}) };
    if (phase === 'before-choice' || phase === 'after-reject') add('beforeConsent', finding);
    else if (phase === 'after-withdrawal') add('afterWithdrawal', finding);
  };

  const judgeObservation = (o: AuditObservation) => {
    for (const cookie of o.cookies) {
      if (isNecessary(cookie.name)) continue;
      const host = cookie.domain.replace(/^\./, '');
      // A cookie on another site's domain is that service's, whatever its name.
      const owners = [...cookieOwners(policy, cookie.name), ...(registrableDomain(host) !== pageSite ? serviceOwners(host) : [])];
      const detail = [cookie.httpOnly && o.phase === 'after-withdrawal' ? 'HttpOnly: only the server can delete it' : '', `domain ${cookie.domain}, path ${cookie.path}`]
        .filter(Boolean)
        .join('; ');
      judge(o.phase, 'cookie', cookie.name, owners, detail);
    }
    for (const name of o.cookiesWritten) {
      if (!isNecessary(name) && !o.cookies.some((c) => c.name === name)) {
        judge(o.phase, 'cookie', name, cookieOwners(policy, name), 'written by a script, and deleted again before the audit looked');
      }
    }
    for (const type of ['localStorage', 'sessionStorage'] as const) {
      for (const key of o[type]) if (!isNecessary(key)) judge(o.phase, 'storage', key, storageOwners(policy, type, key), type);
    }
    for (const name of o.indexedDB) {
      if (!isNecessary(name)) judge(o.phase, 'storage', `indexedDB:${name}`, [], 'IndexedDB database (a policy declares only cookies and Web Storage)');
    }
    for (const request of o.requests) {
      const host = new URL(request.url).hostname;
      judge(o.phase, 'request', host, serviceOwners(host), `${request.url}${request.withCookies ? ' (carried cookies)' : ''}`);
    }
  };

  const runPhase = async (name: 'before-choice' | 'after-reject' | 'accept-then-withdraw') => {
    const firstPhase: AuditPhase = name === 'accept-then-withdraw' ? 'after-accept' : name;
    let context: BrowserContext | undefined;
    try {
      context = await within(timeoutMs, browser.newContext(options.contextOptions), 'opening a browser context');
      await options.prepareContext?.(context);
      // Records each cookie a script writes before anything else on the page runs: a cookie set and
      // deleted again a moment later (a tag that ran, then a cleaner) was still set.
      await context.addInitScript(() => {
        const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
        const written: string[] = [];
        Object.defineProperty(window, '__consentAuditCookies', { value: written });
        if (!cookie?.get || !cookie.set) return;
        const { get, set } = cookie;
        Object.defineProperty(Document.prototype, 'cookie', {
          configurable: true,
          enumerable: cookie.enumerable,
          get() {
            return get.call(this);
          },
          set(value) {
            const text = String(value);
            if (!/;\s*(max-age\s*=\s*(0|-)|expires\s*=[^;]*19[0-6]\d|expires\s*=[^;]*1970)/i.test(text)) written.push(text.split(';')[0]!.split('=')[0]!.trim());
            set.call(this, value);
          },
        });
      });
      const page = await within(timeoutMs, context.newPage(), 'opening a page');
      const errors = new Set<string>();
      page.on('pageerror', (error) => errors.add(message(error)));
      page.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}));

      // Requests to other sites, each filed under the phase in force when it was made.
      let phase: AuditPhase = name === 'after-reject' ? 'before-choice' : firstPhase;
      const requests = new Map<AuditPhase, Promise<AuditRequest | null>[]>();
      context.on('request', (request) => {
        const target = request.url();
        if (!/^https?:/.test(target)) return;
        const site = registrableDomain(new URL(target).hostname);
        if (site === pageSite) return;
        const list = requests.get(phase) ?? requests.set(phase, []).get(phase)!;
        list.push(
          within(timeoutMs, request.allHeaders(), 'reading request headers')
            .then((headers) => ({ url: target, site, withCookies: !!headers.cookie }))
            .catch(() => ({ url: target, site, withCookies: false })),
        );
      });

      const settle = async (what: string) => {
        await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => notes.push(`${phase}: the page did not go quiet within ${timeoutMs} ms ${what}; the audit went on.`));
        await page.waitForTimeout(settleMs).catch(() => {});
      };
      const snapshot = async (at: AuditPhase) => {
        const cookies = await within(timeoutMs, context!.cookies(), 'reading cookies');
        const stored = await within(
          timeoutMs,
          page.evaluate(async () => {
            const keys = (storage: () => Storage) => {
              try {
                return Object.keys(storage());
              } catch {
                return [];
              }
            };
            let databases: string[] = [];
            try {
              databases = ((await indexedDB.databases?.()) ?? []).map((d) => d.name ?? '').filter(Boolean);
            } catch {
              // IndexedDB refused (a sandboxed or private document).
            }
            const written = (window as unknown as { __consentAuditCookies?: string[] }).__consentAuditCookies ?? [];
            return {
              localStorage: keys(() => localStorage),
              sessionStorage: keys(() => sessionStorage),
              indexedDB: databases,
              cookiesWritten: [...new Set(written.splice(0))],
            };
          }),
          'reading storage in the page',
        ).catch((error) => {
          notes.push(`${at}: could not read storage (${message(error)}).`);
          return { localStorage: [], sessionStorage: [], indexedDB: [], cookiesWritten: [] };
        });
        const made = (await Promise.all(requests.get(at) ?? [])).filter((r): r is AuditRequest => !!r);
        requests.delete(at);
        const observation: AuditObservation = {
          phase: at,
          cookies: cookies.map((c) => ({ name: c.name, domain: c.domain, path: c.path, expires: c.expires, httpOnly: c.httpOnly })),
          ...stored,
          requests: made,
        };
        observations.push(observation);
        judgeObservation(observation);
      };
      const visible = (locator: Locator) => locator.filter({ visible: true }).first();
      const control = (key: LabelKey, scope: Page | Locator = page) =>
        key === 'settings'
          ? visible(scope.getByRole('button', { name: labels.settings }).or(scope.getByRole('link', { name: labels.settings })))
          : visible(scope.getByRole('button', { name: labels[key] }));
      // What was written before a step is the step before's: each step starts counting afresh.
      const forgetWrites = () =>
        within(timeoutMs, page.evaluate(() => void (window as unknown as { __consentAuditCookies?: string[] }).__consentAuditCookies?.splice(0)), 'resetting the record of cookie writes').catch(() => {});
      const click = async (key: LabelKey, scope: Page | Locator = page) => {
        await forgetWrites();
        try {
          await control(key, scope).click({ timeout: timeoutMs });
          return true;
        } catch {
          add('beforeConsent', { kind: 'banner', name: labelText(key), phase, detail: `no visible control named "${labelText(key)}" could be clicked within ${timeoutMs} ms` });
          return false;
        }
      };

      try {
        await page.goto(options.url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
      } catch (error) {
        add('beforeConsent', { kind: 'banner', name: 'page', phase, detail: `the page did not load: ${message(error)}` });
        return;
      }
      await settle('after loading');
      if (name === 'before-choice') {
        // A banner is part of a first visit: without one, nobody can refuse.
        const present = await control('rejectAll')
          .waitFor({ state: 'visible', timeout: timeoutMs })
          .then(() => true)
          .catch(() => false);
        if (!present) add('beforeConsent', { kind: 'banner', name: labelText('rejectAll'), phase, detail: 'no consent banner with this button on a first visit' });
        await snapshot('before-choice');
      } else if (name === 'after-reject') {
        phase = 'after-reject';
        if (await click('rejectAll')) {
          await settle('after Reject all');
          await snapshot('after-reject');
        }
      } else {
        if (!(await click('acceptAll'))) return;
        await settle('after Accept all');
        await snapshot('after-accept');
        phase = 'after-withdrawal';
        if (!(await click('settings'))) return;
        const dialog = page.getByRole('dialog').filter({ visible: true }).first();
        const scope = (await dialog.isVisible().catch(() => false)) ? dialog : page;
        await forgetWrites();
        const withdrawn = await control('withdraw', scope)
          .click({ timeout: timeoutMs })
          .then(() => true)
          .catch(() => false);
        if (!withdrawn) {
          // Preferences without a withdraw-everything control: switch each optional one off, then save.
          const on = scope.locator('[role="switch"][aria-checked="true"]:not([disabled]):not([aria-disabled="true"])');
          for (let n = await on.count().catch(() => 0); n > 0; n--) await on.first().click({ timeout: timeoutMs }).catch(() => {});
          if (!(await click('save', scope))) return;
        }
        await settle('after withdrawal');
        await snapshot('after-withdrawal');
        await page.reload({ waitUntil: 'domcontentloaded', timeout: timeoutMs }).catch((error) => notes.push(`after-withdrawal: reload failed (${message(error)}).`));
        await settle('after reloading');
        await snapshot('after-withdrawal');
      }
      for (const error of errors) notes.push(`${firstPhase}: the page threw: ${error}`);
    } catch (error) {
      notes.push(`${firstPhase}: the audit could not finish this phase: ${message(error)}`);
      add('beforeConsent', { kind: 'banner', name: 'audit', phase: firstPhase, detail: `the phase did not finish: ${message(error)}` });
    } finally {
      await within(timeoutMs, context?.close() ?? Promise.resolve(), 'closing the context').catch(() => {});
    }
  };

  // One at a time: each phase's fresh context is a first-time visitor.
  await runPhase('before-choice');
  await runPhase('after-reject');
  await runPhase('accept-then-withdraw');
  const { undeclared, beforeConsent, afterWithdrawal } = findings;
  return {
    undeclared,
    beforeConsent,
    afterWithdrawal,
    ok: !undeclared.length && !beforeConsent.length && !afterWithdrawal.length,
    observations,
    notes,
    durationMs: Date.now() - started,
  };
}

/** The report as a plain-text table, one finding a line, then the notes. */
export function formatAuditReport(report: AuditReport): string {
  const rows = (['undeclared', 'beforeConsent', 'afterWithdrawal'] as const).flatMap((list) =>
    report[list].map((f) => [list, f.kind, f.name, f.phase, f.category ?? '', f.detail ?? '']),
  );
  const lines: string[] = [];
  if (rows.length) {
    const table = [['list', 'kind', 'name', 'phase', 'category', 'detail'], ...rows];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    for (const row of table) lines.push(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
  } else lines.push('No findings: nothing undeclared, nothing optional before consent, nothing left after withdrawal.');
  for (const note of report.notes) lines.push(`note: ${note}`);
  lines.push(`${rows.length} finding${rows.length === 1 ? '' : 's'} in ${report.durationMs} ms.`);
  return lines.join('\n');
}
