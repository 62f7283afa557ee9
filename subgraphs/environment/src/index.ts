import { runSubgraph } from '@ioc-graph/platform';
import { readEnvironmentConfig } from './config';
import { createServer } from './server';

/** Runs the environment subgraph alone: `node subgraphs/environment/dist/src/index.js`. */
runSubgraph('environment', readEnvironmentConfig, createServer);
