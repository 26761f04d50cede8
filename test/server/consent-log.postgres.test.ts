import pg from 'pg';
import { consentLogSuite } from './consent-log-suite';
import { createDatabase } from './postgres';

consentLogSuite('a PostgreSQL server through pg', async () => {
  const database = await createDatabase({ max: 10 });
  return {
    db: database.pool,
    // Two separate clients, as two processes starting at once would have.
    async fresh() {
      const other = await createDatabase({ max: 1 });
      const [a, b] = [new pg.Client({ connectionString: other.url }), new pg.Client({ connectionString: other.url })];
      await Promise.all([a.connect(), b.connect()]);
      return {
        a,
        b,
        async close() {
          await Promise.all([a.end(), b.end()]);
          await other.drop();
        },
      };
    },
    close: () => database.drop(),
  };
});
