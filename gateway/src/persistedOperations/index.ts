export { persistedOperationsPlugin } from './apolloPlugin';
export { readManifest, sha256, type PersistedOperation, type PersistedOperationManifest } from './manifest';
export {
  createPersistedOperations,
  persistedQueryNotFound,
  PERSISTED_OPERATIONS_MODES,
  type PersistedOperations,
  type PersistedOperationsMode,
  type PersistedOperationsOptions,
  type PersistedRequest,
} from './persistedOperations';
export { preparePersistedOperation } from './socket';
