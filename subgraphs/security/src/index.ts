import { runSubgraph } from '@ioc-graph/platform';
import { createServer, readConfig } from './server';

/** Runs the security subgraph alone: `node subgraphs/security/dist/src/index.js`. */
runSubgraph('security', readConfig, createServer);
