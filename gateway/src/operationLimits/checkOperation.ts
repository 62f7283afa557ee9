import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ErrorCode, hasRole, STAFF_AND_SYSTEMS, type Identity } from '@ioc-graph/platform';
import {
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { pageCost } from './pageCost';

/** What one operation may weigh. */
export interface OperationLimits {
  /** Fields nested inside each other, fragments followed (`__schema` not counted). */
  maxDepth: number;
  /** Aliased fields in the operation, fragments followed (`__typename` not counted). */
  maxAliases: number;
  /** The operation's {@link pageCost}: fields times the page sizes of the lists above them. */
  maxCost: number;
  /** Lexical tokens in the document (names, punctuation, values; comments not counted). */
  maxTokens: number;
  /** Directives used in the operation, fragments followed. */
  maxDirectives: number;
}

/** The limits of the two audiences: the public and partners, and the province's staff and sector systems. */
export interface AudienceLimits {
  public: OperationLimits;
  staff: OperationLimits;
}
export type Audience = keyof AudienceLimits;

/** Staff and sector systems get the wider limits; everyone else (the public, citizens, partners) the tighter. */
export const audienceOf = (identity: Identity): Audience => (hasRole(identity, ...STAFF_AND_SYSTEMS) ? 'staff' : 'public');

/** A refusal: 400 with BAD_USER_INPUT, as GraphQL Armor reports it (and the gateway's depth limit did before it). */
const refusal = (message: string) =>
  new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
  });

/**
 * GraphQL Armor's depth, alias and directive rules for one set of limits. Each memoises the fragments it
 * has counted, so it is linear in the document's size. Armor's own cost rule is left off: it ignores
 * variables and argument defaults (`incidents { … }` would count one item, not a page of 20); the cost is
 * {@link pageCost}. Its token limit is left off too: the parser's own `maxTokens` does that before
 * validation, and {@link countTokens} per audience.
 */
export function armorRules(limits: OperationLimits): ValidationRule[] {
  return new ApolloArmor({
    // Depth counts fields, not fragment spreads: clients built on fragments are not penalised for them.
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules;
}

/** The tokens of `source`, counting stops once past `max` (so a huge document costs no more than `max` tokens). */
export function countTokens(source: string, max: number): number {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  while (tokens <= max && lexer.advance().kind !== TokenKind.EOF) tokens++;
  return tokens;
}

export interface OperationToCheck {
  schema: GraphQLSchema;
  /** Parsed and validated against `schema` (no fragment cycles). */
  document: DocumentNode;
  /** The operation that will run; when unknown, the cost is not checked (the request fails to resolve anyway). */
  operation?: OperationDefinitionNode | null;
  variables?: Readonly<Record<string, unknown>> | null;
  /** The document's text, for the token limit. */
  source?: string;
}

/**
 * Checks an operation against one audience's limits, in time linear in the document's size. Returns the
 * first limit exceeded as a GraphQLError (400, BAD_USER_INPUT, a message naming the limit and
 * what was found), or undefined.
 */
export function checkOperation(input: OperationToCheck, limits: OperationLimits, rules = armorRules(limits)): GraphQLError | undefined {
  const refused = checkDocument(input, limits, rules);
  if (refused) return refused;
  if (input.operation) {
    const cost = pageCost(input.schema, input.document, input.operation, input.variables ?? {});
    if (cost > limits.maxCost) {
      return refusal(
        `Query cost limit of ${limits.maxCost} exceeded, found ${cost} (every field counts 1, times the page size — first, last or limit — of each list above it).`,
      );
    }
  }
  return undefined;
}

/**
 * What a document's limits found, per document and limits: Apollo hands every request of an operation it
 * has seen the same parsed document, so tokens, depth, aliases and directives are counted once per
 * operation and audience, not per request (the cost depends on the variables: it is counted every time).
 */
const documentChecks = new WeakMap<DocumentNode, Map<OperationLimits, string | null>>();

/** The message of the first limit the document exceeds (tokens, depth, aliases, directives), or null. */
function checkDocument(input: OperationToCheck, limits: OperationLimits, rules: ValidationRule[]): GraphQLError | undefined {
  let checks = documentChecks.get(input.document);
  let refused = checks?.get(limits);
  if (refused === undefined) {
    refused = null;
    if (input.source !== undefined && countTokens(input.source, limits.maxTokens) > limits.maxTokens) {
      refused = `Token limit of ${limits.maxTokens} exceeded.`;
    } else {
      const [armorError] = validate(input.schema, input.document, rules);
      if (armorError) refused = armorError.message.replace(/^Syntax Error: /, '');
    }
    if (!checks) documentChecks.set(input.document, (checks = new Map()));
    checks.set(limits, refused);
  }
  return refused === null ? undefined : refusal(refused);
}
