/**
 * The platform shared by every ioc-graph service: configuration, database, federation, auth, errors,
 * logging, metrics, pagination and the subgraph HTTP server. No domain logic lives here.
 */
import 'reflect-metadata';

export * from './config';
export * from './errors';
export * from './auth';
export * from './logging';
export * from './metrics';
export * from './database';
export * from './federation';
export * from './pagination';
export * from './server';
export * from './text';
export * from './audit';
export * from './process';
export * from './geo';
export * from './validation';
export * from './events';
export * from './clock';
export * from './vocabulary';
export * from './time';
export * from './sector';
export * from './tracing';
