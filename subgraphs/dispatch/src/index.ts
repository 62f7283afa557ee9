import { runSubgraph } from '@ioc-graph/platform';
import { createServer, readConfig } from './server';

/** Runs the dispatch subgraph alone: `node subgraphs/dispatch/dist/src/index.js`. */
runSubgraph('dispatch', readConfig, createServer);
