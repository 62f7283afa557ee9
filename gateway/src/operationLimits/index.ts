export { blockFieldSuggestionsPlugins, hideSuggestions, operationLimitsPlugin, parseOptions } from './apolloPlugin';
export {
  armorRules,
  audienceOf,
  checkOperation,
  countTokens,
  type Audience,
  type AudienceLimits,
  type OperationLimits,
} from './checkOperation';
export { pageCost } from './pageCost';
export { prepareOperation, type OperationPayload, type PreparedOperation } from './prepareOperation';
