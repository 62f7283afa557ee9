// Runs the project's TypeScript sources in a plain `node` process, as jest does (swc, decorator metadata
// included): `node -r ./test/support/runFromSources.js subgraphs/incidents/src/index.ts`. Test suites use
// it to run a subgraph as a process of its own that they can kill or stop (test/support/subgraphProcess.ts),
// on the sources under test rather than on a dist/ that may be stale. The workspace packages resolve to
// their sources as in jest.config.js.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const { subgraphs } = require(path.join(root, 'subgraphs/registry.json'));
const sources = {
  '@ioc-graph/platform': path.join(root, 'platform/src/index.ts'),
  '@ioc-graph/gateway': path.join(root, 'gateway/src/server.ts'),
  ...Object.fromEntries(subgraphs.map((s) => [s.package, path.join(root, 'subgraphs', s.name, 'src/server.ts')])),
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, sources[request] ?? request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcrc, swcrc: false, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
