import { runSubgraph } from '@ioc-graph/platform';
import { createServer, readConfig } from './server';

/** Runs the command subgraph alone: `node subgraphs/command/dist/src/index.js`. */
runSubgraph('command', readConfig, createServer);
