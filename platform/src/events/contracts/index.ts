/**
 * The typed contracts of the events that cross subgraphs: one file per producing area, one map of
 * every event type to its payload (`EventContracts`).
 */
export * from './breach';
export * from './incidents';
export * from './dispatch';
export * from './command';
export * from './directory';
export * from './partners';
export * from './environment';
export * from './eventContracts';
