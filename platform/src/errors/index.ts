export * from './codes';
export * from './errors';
export * from './formatError';
export * from './redact';
export * from './internalErrorLog';
