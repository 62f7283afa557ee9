/**
 * The sector kit (docs/sector-pattern.md): what every sector subgraph inherits — rules as data, the
 * breach lifecycle as outbox events, hourly rollups and Asia/Ho_Chi_Minh series. Mechanism only: a
 * sector declares its metrics, rules and devices and calls these.
 */
export * from './sectorRule';
export * from './sectorBreach';
export * from './judge';
export * from './breachBook';
export * from './rollup';
export * from './newRecords';
export * from './batchChecks';
export * from './series';
export * from './ruleSwitch';
