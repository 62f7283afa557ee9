export * from './context';
export * from './ops';
export * from './createSubgraphServer';
export * from './shutdown';
export * from './runSubgraph';
export * from './subgraphService';
export * from './registry';
export * from './subgraphModule';
