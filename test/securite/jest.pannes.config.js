/** Long fault tests (real server processes, signals, a cut database link): run by .ci/run, never by `npm test`. */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/securite'],
  testMatch: ['**/*.panne.ts'],
  testTimeout: 180000,
};
