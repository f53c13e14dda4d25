import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One copy of graphql, or type-graphql and Apollo see two realms ("Cannot use GraphQLSchema from another module").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    setupFiles: ['test/setup/file-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: two test files at a time, each with its own database.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
