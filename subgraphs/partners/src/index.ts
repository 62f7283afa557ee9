import { runSubgraph } from '@ioc-graph/platform';
import { createServer, readConfig } from './server';

/** Runs the partners subgraph alone: `node subgraphs/partners/dist/src/index.js`. */
runSubgraph('partners', readConfig, createServer);
