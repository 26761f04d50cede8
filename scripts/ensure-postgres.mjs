// `npm test` and `npm run bench` run the consent log against a real PostgreSQL server. Given
// DATABASE_URL they use that server; otherwise `startPostgres()` starts a throw-away cluster from
// Debian's binaries (initdb in a temp folder, on a free port, as the `postgres` user when we are
// root, because the server refuses to run as root) and `stop()` removes it. Run directly, this
// script installs Debian's postgresql when we are root and apt is there (as CI does), and
// otherwise stops the run with the command that installs it. It never lets the suite skip.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INSTALL = 'sudo apt-get update && sudo apt-get install -y postgresql';

/** The folder with initdb and pg_ctl: PG_BIN, else Debian's, version 15 first, else the newest. */
export function postgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => (a === '15' ? -1 : b === '15' ? 1 : Number(b) - Number(a))) : [];
  return versions.map((v) => join(base, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
}

export function requirePostgres() {
  const bin = postgresBin();
  if (!bin) {
    throw new Error(
      `PostgreSQL's server binaries were not found (looked in /usr/lib/postgresql/*/bin and PG_BIN). The consent log's ` +
        `server tests need them: install them with \`${INSTALL}\`, set PG_BIN to the folder with initdb and pg_ctl, or set DATABASE_URL to a server to use.`,
    );
  }
  return bin;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/**
 * Starts a throw-away cluster and returns `{ url, stop }`. `durable: false` turns fsync off, for
 * tests; the bench keeps PostgreSQL's defaults so its figures are those of a real server.
 */
export async function startPostgres({ durable = true } = {}) {
  const bin = requirePostgres();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'consent-log-pg-'));
  const as = (command, args) =>
    root ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, command), args, { stdio: 'pipe' });
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const stop = () => {
    try {
      as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Not running (it failed to start, or is stopped already): only the folder is left to remove.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const settings = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c max_connections=200${durable ? '' : ' -c fsync=off -c synchronous_commit=off'}`;
    as('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    stop();
    throw new Error(`Could not start a throw-away PostgreSQL cluster with ${bin}: ${error.stderr?.toString() || error.message}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && !process.env.DATABASE_URL && !postgresBin()) {
  if (typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get') && !process.env.PG_BIN) {
    console.log("PostgreSQL is missing: installing Debian's postgresql with apt-get...");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    try {
      requirePostgres();
    } catch (error) {
      console.error(error.message);
      process.exit(1);
    }
  }
}
