import { runSubgraph } from '@ioc-graph/platform';
import { readDirectoryConfig } from './config';
import { createServer } from './server';

/** Runs the directory subgraph alone: `node subgraphs/directory/dist/src/index.js`. */
runSubgraph('directory', readDirectoryConfig, createServer);
