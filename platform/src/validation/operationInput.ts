import {
  getNullableType,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from '../errors/codes';
import type { FieldProblem } from '../errors/errors';
import { scalarProblem, textProblem } from './scalarChecks';

/** At most this many problems are listed: enough to fix a form, too few to echo a huge request back. */
const MAX_PROBLEMS = 20;

/**
 * Problems name fields as the subgraphs' input rules do: inside an input object argument (`location.latitude`
 * for `input.location.latitude`), by name for any other argument (`id`, `first`).
 */
const rootPath = (type: GraphQLInputType, name: string) => (isInputObjectType(getNullableType(type)) ? '' : name);
const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

class Collector {
  readonly problems: FieldProblem[] = [];
  add(field: string, message: string) {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ field, message });
  }
  get full() {
    return this.problems.length >= MAX_PROBLEMS;
  }
}

/**
 * Strings anywhere inside a value of a structure-free scalar (JSONObject, federation's _Any), keys
 * included. Problems name the argument only: the keys inside are the caller's, not the schema's.
 */
function checkAnyValue(value: unknown, path: string, out: Collector): void {
  if (out.full) return;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) out.add(path, problem);
  } else if (Array.isArray(value)) {
    for (const item of value) checkAnyValue(item, path, out);
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      checkAnyValue(key, path, out);
      checkAnyValue(item, path, out);
    }
  }
}

/** A runtime value (a variable, before coercion) against its declared type. */
function checkValue(type: GraphQLInputType, value: unknown, path: string, out: Collector): void {
  if (value === null || value === undefined || out.full) return;
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    // A single value where a list is expected is coerced into a list of one.
    if (Array.isArray(value)) value.forEach((item, index) => checkValue(nullable.ofType, item, at(path, index), out));
    else checkValue(nullable.ofType, value, path, out);
  } else if (isInputObjectType(nullable)) {
    if (!isPlainObject(value)) return; // GraphQL's coercion refuses it
    const fields = nullable.getFields();
    for (const [key, item] of Object.entries(value)) {
      if (fields[key]) checkValue(fields[key].type, item, at(path, key), out);
    }
  } else if (isScalarType(nullable) && !['String', 'ID', 'Int', 'Float', 'Boolean', 'DateTimeISO'].includes(nullable.name)) {
    checkAnyValue(value, path, out);
  } else {
    const problem = isEnumType(nullable)
      ? typeof value === 'string'
        ? textProblem(value)
        : undefined
      : scalarProblem(nullable.name, value);
    if (problem) out.add(path, problem);
  }
}

/** A literal written into the document, against the type of its argument; variables in it are checked with their definitions. */
function checkLiteral(type: GraphQLInputType, node: ValueNode, path: string, out: Collector): void {
  if (out.full) return;
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (node.kind === Kind.VARIABLE || node.kind === Kind.NULL) return;
  if (isListType(nullable)) {
    if (node.kind === Kind.LIST) node.values.forEach((item, index) => checkLiteral(nullable.ofType, item, at(path, index), out));
    else checkLiteral(nullable.ofType, node, path, out);
    return;
  }
  if (isInputObjectType(nullable)) {
    if (node.kind !== Kind.OBJECT) return;
    const fields = nullable.getFields();
    for (const field of node.fields) {
      const key = field.name.value;
      if (fields[key]) checkLiteral(fields[key].type, field.value, at(path, key), out);
    }
    return;
  }
  const value =
    node.kind === Kind.INT || node.kind === Kind.FLOAT
      ? Number(node.value)
      : node.kind === Kind.STRING || node.kind === Kind.ENUM
        ? node.value
        : node.kind === Kind.BOOLEAN
          ? node.value
          : undefined;
  if (value === undefined) return; // an object or list literal for a scalar: refused by validation
  const problem = isScalarType(nullable) ? scalarProblem(nullable.name, value) : typeof value === 'string' ? textProblem(value) : undefined;
  if (problem) out.add(path, problem);
}

/**
 * The problems of the literal arguments written in an operation and the document's fragments. They are
 * the same each time the operation runs, and Apollo Server keeps a parsed document for each query it
 * has seen: found once per operation node and schema, not per request.
 */
const literalProblemsOf = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, readonly FieldProblem[]>>();

function literalProblems(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): readonly FieldProblem[] {
  let known = literalProblemsOf.get(schema);
  if (!known) literalProblemsOf.set(schema, (known = new WeakMap()));
  const found = known.get(operation);
  if (found) return found;
  const out = new Collector();
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    // Variable definitions are checked with the variables' values; only the selections' arguments are left.
    VariableDefinition: () => false,
    Argument(node) {
      const argument = typeInfo.getArgument();
      if (argument) checkLiteral(argument.type, node.value, rootPath(argument.type, argument.name), out);
      return false;
    },
  });
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  known.set(operation, out.problems);
  return out.problems;
}

/**
 * Finds input the resolvers and the database must never see: text with NUL or lone surrogates, dates
 * that do not exist or fall outside the years an event may have, ids that are not UUIDs. Checks the operation's variables against their declared types, their
 * defaults, and every literal argument in the operation and the document's fragments (those once per
 * parsed operation). Each node and each variable's value is looked at once: linear in the size of the
 * document and the variables.
 */
export function operationInputProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): FieldProblem[] {
  const out = new Collector();
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const path = rootPath(type, name);
    if (variables[name] !== undefined) checkValue(type, variables[name], path, out);
    else if (definition.defaultValue) checkLiteral(type, definition.defaultValue, path, out);
  }
  for (const { field, message } of literalProblems(schema, document, operation)) out.add(field, message);
  return out.problems;
}

/** The error for {@link operationInputProblems}: BAD_USER_INPUT with one problem per field, answered with HTTP 400. */
export const invalidInputError = (problems: FieldProblem[]) =>
  new GraphQLError(`The input is not valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, problems, http: { status: 400 } },
  });
