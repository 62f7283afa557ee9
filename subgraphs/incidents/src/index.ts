import { runSubgraph } from '@ioc-graph/platform';
import { createServer, readConfig } from './server';

/** Runs the incidents subgraph alone: `node subgraphs/incidents/dist/src/index.js`. */
runSubgraph('incidents', readConfig, createServer);
