// Global setup of the `server` test project: a real PostgreSQL server for the consent log's
// suite, DATABASE_URL's or a throw-away cluster. Missing binaries fail the run with the command
// that installs them; the suite is never skipped.
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../scripts/ensure-postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('databaseUrl', process.env.DATABASE_URL);
    return;
  }
  const cluster = await startPostgres({ durable: false });
  project.provide('databaseUrl', cluster.url);
  return () => cluster.stop();
}
