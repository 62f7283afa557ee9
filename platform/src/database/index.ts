export * from './orm';
export * from './embedded';
export * from './config';
export * from './transaction';
export * from './uuidv7';
export * from './copyFromStdin';
export * from './readOnlyRows';
