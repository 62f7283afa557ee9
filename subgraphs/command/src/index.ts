import { runSubgraph } from '@ioc-graph/platform';
import { readCommandConfig } from './config';
import { createServer } from './server';

/** Runs the command subgraph alone: `node subgraphs/command/dist/src/index.js`. */
runSubgraph('command', readCommandConfig, createServer);
