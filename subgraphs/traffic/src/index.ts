import { runSubgraph } from '@ioc-graph/platform';
import { readTrafficConfig } from './config';
import { createServer } from './server';

/** Runs the traffic subgraph alone: `node subgraphs/traffic/dist/src/index.js`. */
runSubgraph('traffic', readTrafficConfig, createServer);
