import { runSubgraph } from '@ioc-graph/platform';
import { createServer, readConfig } from './server';

/** Runs the traffic subgraph alone: `node subgraphs/traffic/dist/src/index.js`. */
runSubgraph('traffic', readConfig, createServer);
