import { runSubgraph } from '@ioc-graph/platform';
import { readDispatchConfig } from './config';
import { createServer } from './server';

/** Runs the dispatch subgraph alone: `node subgraphs/dispatch/dist/src/index.js`. */
runSubgraph('dispatch', readDispatchConfig, createServer);
