/** Tests run against the real app and a real database (SQLite by default, PostgreSQL when DATABASE_URL says so). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  // One pinned day for the whole suite (APISATION_AUJOURDHUI overrides it): see test/support/horloge.ts.
  setupFiles: ['<rootDir>/test/support/horloge.ts'],
  // The browser tests drive Chromium against the compiled server: .ci/run runs them after the build (TEST_NAVIGATEUR=1).
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.TEST_NAVIGATEUR === '1' ? [] : ['/test/portail/(swagger|demandes-navigateur)\\.test\\.ts$'])],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 30000,
};
