import { runSubgraph } from '@ioc-graph/platform';
import { readIncidentsConfig } from './config';
import { createServer } from './server';

/** Runs the incidents subgraph alone: `node subgraphs/incidents/dist/src/index.js`. */
runSubgraph('incidents', readIncidentsConfig, createServer);
