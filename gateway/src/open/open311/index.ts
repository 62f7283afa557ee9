export * from './errors';
export * from './open311Router';
