// Connections to the PostgreSQL server the `server` project's global setup provides: each test
// file works in a database of its own, dropped afterwards.
import pg from 'pg';
import { inject } from 'vitest';

export const serverUrl = () => inject('databaseUrl');

const withDatabase = (url: string, name: string) => {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
};

/** A new database on the server: a Pool for it (errors of idle clients logged, not thrown), and `drop()`. */
export async function createDatabase(options: pg.PoolConfig = {}) {
  const name = `consent_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = withDatabase(serverUrl(), name);
  const pool = new pg.Pool({ connectionString: url, ...options });
  // A terminated backend makes an idle client emit 'error'; a pool without a listener would crash the process.
  pool.on('error', () => {});
  return {
    name,
    url,
    pool,
    admin,
    async drop() {
      await pool.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
