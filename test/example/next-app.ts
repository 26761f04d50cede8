// Vitest global setup of the `example` project: installs the packed library into examples/next,
// makes a production build of it, and serves it with `next start` on a free port of 127.0.0.1 for
// the tests (inject('exampleOrigin')), stopping it afterwards. EXAMPLE_ORIGIN=http://host:port
// instead runs the tests against one already built and served.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    exampleOrigin: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
export const app = join(root, 'examples/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const step = (label: string, command: string, args: string[], cwd: string) => {
  const started = Date.now();
  try {
    execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`examples/next: ${label} failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
  console.info(`examples/next: ${label} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitForServer(origin: string, server: ChildProcess, output: () => string) {
  for (let tries = 0; tries < 300; tries++) {
    if (server.exitCode !== null) throw new Error(`examples/next: next start exited (${server.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${origin}/cookie-policy`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`examples/next: no answer from ${origin} after 60 s:\n${output()}`);
}

export default async function setup(project: TestProject) {
  // An example already built and served (by hand, as in examples/next/README.md): the tests run
  // against it, with no pack, install or build. For working on the tests themselves.
  if (process.env.EXAMPLE_ORIGIN) {
    project.provide('exampleOrigin', process.env.EXAMPLE_ORIGIN.replace(/\/$/, ''));
    return;
  }
  // CI installs the example with `npm ci --prefix examples/next`; a fresh checkout gets it here.
  if (!existsSync(join(app, 'node_modules/next'))) step('npm ci', 'npm', ['ci', '--no-audit', '--no-fund'], app);
  // The library as users get it: `npm pack` of the built package (`npm test` builds first), or a
  // tarball named by EXAMPLE_TARBALL (to measure another build of the library in the same app).
  const packs = mkdtempSync(join(tmpdir(), 'consent-ui-pack-'));
  let tarball = process.env.EXAMPLE_TARBALL;
  if (!tarball) {
    if (!existsSync(join(root, 'dist/index.js'))) throw new Error('examples/next needs the built library: run `npm run build` first.');
    step('npm pack', 'npm', ['pack', '--silent', '--pack-destination', packs], root);
    tarball = join(packs, readdirSync(packs).find((file) => file.endsWith('.tgz'))!);
  }
  step('install the packed library', 'npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
  rmSync(packs, { recursive: true, force: true });
  rmSync(join(app, '.next'), { recursive: true, force: true });
  step('next build', process.execPath, ['node_modules/next/dist/bin/next', 'build'], app);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], { cwd: app, env, detached: true });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const stop = () => {
    if (server.exitCode === null && server.pid) process.kill(-server.pid, 'SIGTERM');
  };
  try {
    await waitForServer(origin, server, () => output);
  } catch (error) {
    stop();
    throw error;
  }
  project.provide('exampleOrigin', origin);
  return stop;
}
