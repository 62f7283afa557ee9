import { runSubgraph } from '@ioc-graph/platform';
import { createServer, readConfig } from './server';

/** Runs the e-government subgraph alone: `node subgraphs/egov/dist/src/index.js`. */
runSubgraph('egov', readConfig, createServer);
