import { runSubgraph } from '@ioc-graph/platform';
import { createServer, readConfig } from './server';

/** Runs the health subgraph alone: `node subgraphs/health/dist/src/index.js`. */
runSubgraph('health', readConfig, createServer);
