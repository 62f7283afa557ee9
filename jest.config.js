/** Tests run the TypeScript sources through swc (decorator metadata included) against real services. */
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/platform', '<rootDir>/gateway', '<rootDir>/subgraphs', '<rootDir>/launcher'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: {
    '^@ioc-graph/platform$': '<rootDir>/platform/src',
    '^@ioc-graph/gateway$': '<rootDir>/gateway/src/server',
    '^@ioc-graph/directory$': '<rootDir>/subgraphs/directory/src/server',
    '^@ioc-graph/incidents$': '<rootDir>/subgraphs/incidents/src/server',
    '^@ioc-graph/dispatch$': '<rootDir>/subgraphs/dispatch/src/server',
    '^@ioc-graph/command$': '<rootDir>/subgraphs/command/src/server',
    '^@ioc-graph/environment$': '<rootDir>/subgraphs/environment/src/server',
    '^@ioc-graph/traffic$': '<rootDir>/subgraphs/traffic/src/server',
  },
  globalSetup: '<rootDir>/test/globalSetup.js',
  testTimeout: 30000,
  maxWorkers: 2,
};
