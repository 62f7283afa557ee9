/** Tests run the TypeScript sources through swc (decorator metadata included) against real services. */
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
const { subgraphs } = require('./subgraphs/registry.json');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/platform', '<rootDir>/gateway', '<rootDir>/subgraphs', '<rootDir>/launcher', '<rootDir>/console'],
  testMatch: ['**/test/**/*.test.ts', '**/src/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: {
    '^@ioc-graph/platform$': '<rootDir>/platform/src',
    '^@ioc-graph/gateway$': '<rootDir>/gateway/src/server',
    // Every subgraph of the registry, by its package name, to its sources.
    ...Object.fromEntries(subgraphs.map((s) => [`^${s.package}$`, `<rootDir>/subgraphs/${s.name}/src/server`])),
  },
  // The PostgreSQL of the suites (5432, TEST_DATABASE_URL or an embedded one) and the brokers' check.
  globalSetup: '<rootDir>/test/globalSetup.ts',
  globalTeardown: '<rootDir>/test/globalTeardown.ts',
  // Sized for a busy 2-core machine: a hub boot there can take tens of seconds.
  testTimeout: 120_000,
  reporters: ['default', '<rootDir>/test/support/timeReporter.js'],
  maxWorkers: 2,
};
