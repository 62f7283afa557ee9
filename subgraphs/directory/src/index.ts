import { runSubgraph } from '@ioc-graph/platform';
import { createServer, readConfig } from './server';

/** Runs the directory subgraph alone: `node subgraphs/directory/dist/src/index.js`. */
runSubgraph('directory', readConfig, createServer);
