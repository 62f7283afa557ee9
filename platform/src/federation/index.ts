export * from './buildFederatedSchema';
export * from './loaders';
export * from './entityLoaders';
export * from './subgraphClient';
export * from './cacheHints';
