import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './test/e2e/chromium';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/core/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/core/**', 'test/e2e/**', 'test/example/**', 'test/package/**', 'test/server/**'],
          setupFiles: ['test/setup.ts'],
          // jsdom + user-event runs share 2 cores with Chromium in `npm test`: leave room for a slow moment.
          testTimeout: 20_000,
        },
      },
      {
        // The consent log against PGlite and against a real PostgreSQL server (DATABASE_URL's, or a
        // throw-away cluster the global setup starts and removes).
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          globalSetup: ['test/server/postgres-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Checks of the built package (dist/): `npm test` builds first.
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/require-chromium.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // examples/next built for production against the packed library and served by `next start`.
        test: {
          name: 'example',
          environment: 'node',
          include: ['test/example/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/require-chromium.ts', 'test/example/next-app.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          globalSetup: ['test/e2e/require-chromium.ts'],
          setupFiles: ['.storybook/vitest.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
