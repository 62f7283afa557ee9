export * from './ids';
export * from './omittable';
export * from './inputPlugin';
export * from './operationInput';
export * from './scalarChecks';
export * from './ndjson';
