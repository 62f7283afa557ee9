import { runSubgraph } from '@ioc-graph/platform';
import { createServer, readConfig } from './server';

/** Runs the environment subgraph alone: `node subgraphs/environment/dist/src/index.js`. */
runSubgraph('environment', readConfig, createServer);
