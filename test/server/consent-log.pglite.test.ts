import { PGlite } from '@electric-sql/pglite';
import { consentLogSuite } from './consent-log-suite';

consentLogSuite('PGlite', async () => {
  const db = new PGlite();
  return {
    db,
    // PGlite is one connection: "two at once" here is two logs interleaving their statements on it.
    async fresh() {
      const other = new PGlite();
      return { a: other, b: other, close: () => other.close() };
    },
    close: () => db.close(),
  };
});
