import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One real livekit-server for the whole run, and one migrated database each file's database is copied from.
    globalSetup: ['test/support/livekit-global.ts', 'test/support/db-global.ts'],
    projects: [
      {
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts', 'test/rules/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/web/**/*.browser.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One Chromium and one server at a time on two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
