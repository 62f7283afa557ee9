import { runSubgraph } from '@ioc-graph/platform';
import { createServer, readConfig } from './server';

/** Runs the urban subgraph alone: `node subgraphs/urban/dist/src/index.js`. */
runSubgraph('urban', readConfig, createServer);
