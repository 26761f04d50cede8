// `consent-ui audit URL --policy MODULE [--json]`: the consent audit from the command line, for CI.
// Exit codes: 0 no finding, 1 findings, 2 the audit could not run (usage, policy module, browser).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Policy } from '../core/policy';
import { auditWithBrowser, formatAuditReport } from './index';

const USAGE = `Usage: consent-ui audit URL --policy MODULE [--export NAME] [--json] [--timeout MS]

  URL            the page to audit, as a first-time visitor would open it
  --policy       a JavaScript module exporting the policy made with definePolicy()
                 (its default export, an export named "policy", or --export NAME)
  --json         print the report as JSON instead of a table
  --timeout      bound of each wait in milliseconds (default 5000)

Uses the Chromium at CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own browser.
Exits 0 without findings, 1 with findings, 2 when the audit could not run.`;

class UsageError extends Error {}

const isPolicy = (value: unknown): value is Policy =>
  typeof value === 'object' && value !== null && Array.isArray((value as Policy).categories) && 'revision' in value;

async function loadPolicy(module: string, exportName?: string): Promise<Policy> {
  let exports: Record<string, unknown>;
  try {
    exports = await import(pathToFileURL(resolve(module)).href);
  } catch (error) {
    const hint = /\.[cm]?tsx?$/.test(module) ? ' Node cannot import TypeScript itself: point --policy at the compiled JavaScript, or run the command with a loader (node --import tsx).' : '';
    throw new UsageError(`Could not import the policy module ${module}: ${error instanceof Error ? error.message : String(error)}.${hint}`);
  }
  const candidates = exportName ? [exports[exportName]] : [exports.default, exports.policy, ...Object.values(exports)];
  const policy = candidates.find(isPolicy);
  if (!policy) throw new UsageError(`${module} exports no policy${exportName ? ` named "${exportName}"` : ''}: export the result of definePolicy() as default or as "policy".`);
  return policy;
}

function parse(argv: readonly string[]) {
  const [command, url, ...rest] = argv;
  if (command !== 'audit' || !url || url.startsWith('-')) throw new UsageError(USAGE);
  const options: { url: string; policy?: string; exportName?: string; json: boolean; timeoutMs?: number } = { url, json: false };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = () => {
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value.\n\n${USAGE}`);
      return next;
    };
    if (flag === '--json') options.json = true;
    else if (flag === '--policy') options.policy = value();
    else if (flag === '--export') options.exportName = value();
    else if (flag === '--timeout') options.timeoutMs = Number(value());
    else throw new UsageError(`Unknown option ${flag}.\n\n${USAGE}`);
  }
  if (!options.policy) throw new UsageError(`--policy is required.\n\n${USAGE}`);
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) throw new UsageError('--timeout must be a positive number of milliseconds.');
  try {
    if (!/^https?:$/.test(new URL(url).protocol)) throw new Error();
  } catch {
    throw new UsageError(`${url} is not an http(s) URL.`);
  }
  return options as typeof options & { policy: string };
}

async function main(argv: readonly string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  let policy: Policy;
  try {
    options = parse(argv);
    policy = await loadPolicy(options.policy, options.exportName);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    console.error('The audit needs playwright-core: npm install --save-dev playwright-core');
    return 2;
  }
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  let browser: import('playwright-core').Browser;
  try {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'] });
  } catch (error) {
    console.error(
      `Could not start Chromium${executablePath ? ` at ${executablePath}` : ''}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n` +
        'Set CHROMIUM_PATH to a Chromium binary, install one (Debian: apt-get install chromium), or run `npx playwright install chromium`.',
    );
    return 2;
  }
  try {
    const report = await auditWithBrowser(browser, { policy, url: options.url, timeoutMs: options.timeoutMs });
    console.log(options.json ? JSON.stringify(report, null, 2) : formatAuditReport(report));
    return report.ok ? 0 : 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
