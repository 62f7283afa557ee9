export * from './apiKeys';
export * from './conditional';
export * from './formats';
export * from './openOperations';
export * from './openRoutes';
export * from './quotas';
export * from './routers';
export * from './usage';
