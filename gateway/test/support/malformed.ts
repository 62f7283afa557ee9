import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { randomUUID } from 'node:crypto';

/** One malformed request: the document, its variables, and which argument was made bad with what. */
export interface MalformedRequest {
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

const NUL = 'a\u0000b';
const LONE_HIGH = 'a\ud800b';
const LONE_LOW = '\udc00';
const HUGE = 'x'.repeat(1_000_000);

/** Values that no argument of a named type accepts (null is added for non-null types). */
const BAD_BY_TYPE: Record<string, unknown[]> = {
  String: [NUL, LONE_HIGH, LONE_LOW, HUGE, 42, true, {}],
  ID: ['not-a-uuid', '00000000-0000-0000-0000-00000000000g', `${randomUUID()}\u0000`, LONE_HIGH, 42, "'; drop table x; --", ''],
  DateTimeISO: [
    '2026-02-30T00:00:00Z',
    '2026-11-31T10:00:00+07:00',
    '2026-13-01T00:00:00Z',
    '2026-11-23T24:30:00Z',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '1899-12-31T23:59:59Z',
    '2026-11-23T00:00:00\u0000Z',
    'yesterday',
    '',
    1_700_000_000_000,
  ],
  Int: [-1, -2_147_483_649, 2_147_483_648, 1_000_000, 1.5, '1', 'NaN', 'Infinity', true],
  // Every Float argument of the fuzzed operations is a latitude or longitude.
  Float: [91, -90.0001, 181, -181, 'NaN', '1e999', false],
  Boolean: ['true', 1, NUL],
};
const BAD_ENUM = ['NOT_A_VALUE', 'lowercase', 42, NUL];
const BAD_OBJECT = ['a string', [], 7];

/** A valid value of `type` for a required argument that the baseline leaves out. */
function sample(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isListType(isNonNullType(type) ? type.ofType : type)) return [sample((named as GraphQLInputType) ?? type)];
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) return completed(named, {});
  return { ID: randomUUID(), String: 'x', Int: 1, Float: 10.5, Boolean: true, DateTimeISO: '2026-11-22T00:00:00Z' }[named.name];
}

/** `value` with every required field of `type` it lacks filled in. */
function completed(type: GraphQLInputObjectType, value: Record<string, unknown>): Record<string, unknown> {
  const out = { ...value };
  for (const field of Object.values(type.getFields())) {
    if (isNonNullType(field.type) && field.defaultValue === undefined && !(field.name in out)) out[field.name] = sample(field.type);
  }
  return out;
}

/** Each (path, bad value) pair for an input of `type`: its own bad values, then its fields' (two levels deep). */
function* badValues(type: GraphQLInputType, path: string[], depth = 0): Generator<[string[], unknown]> {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isNonNullType(type)) yield [path, null];
  if (nullable instanceof GraphQLList) {
    yield [path, [null]];
    for (const [inner, value] of badValues(nullable.ofType, path, depth)) if (inner === path && value !== null) yield [path, [value]];
    return;
  }
  if (nullable instanceof GraphQLEnumType) for (const value of BAD_ENUM) yield [path, value];
  if (nullable instanceof GraphQLInputObjectType) {
    for (const value of BAD_OBJECT) yield [path, value];
    yield [path, { notAField: 1 }];
    if (depth < 2) for (const field of Object.values(nullable.getFields())) yield* badValues(field.type, [...path, field.name], depth + 1);
    return;
  }
  for (const value of BAD_BY_TYPE[getNamedType(nullable).name] ?? []) yield [path, value];
}

const setAt = (root: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> => {
  const [head, ...rest] = path;
  if (rest.length === 0) return { ...root, [head]: value };
  const inner = root[head];
  return {
    ...root,
    [head]: setAt(inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {}, rest, value),
  };
};

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…(${text.length})` : text;
};

/**
 * Malformed requests for one root field: the field called with `baseline` arguments (completed with a
 * valid value for every required argument left out), each argument and input field in turn replaced by
 * each value its type must refuse. All pass through variables declared with the arguments' own types.
 */
export function malformedRequests(schema: GraphQLSchema, root: 'query' | 'mutation', fieldName: string, baseline: Record<string, unknown>) {
  const type = root === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field: GraphQLField<unknown, unknown> = type.getFields()[fieldName];
  if (!field) throw new Error(`No ${root} field ${fieldName}`);
  const args: readonly GraphQLArgument[] = field.args;
  const valid: Record<string, unknown> = { ...baseline };
  for (const arg of args) {
    if (isNonNullType(arg.type) && arg.defaultValue === undefined && !(arg.name in valid)) valid[arg.name] = sample(arg.type);
    const named = getNamedType(arg.type);
    if (isInputObjectType(named) && valid[arg.name]) valid[arg.name] = completed(named, valid[arg.name] as Record<string, unknown>);
  }
  const declarations = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isInputObjectType(getNamedType(field.type)) || 'getFields' in getNamedType(field.type) ? ' { __typename }' : '';
  const query = `${root} Fuzz${declarations ? `(${declarations})` : ''} { ${fieldName}${call ? `(${call})` : ''}${selection} }`;
  const requests: MalformedRequest[] = [];
  for (const arg of args) {
    for (const [path, value] of badValues(arg.type, [arg.name])) {
      requests.push({ label: `${fieldName}(${path.join('.')} = ${show(value)})`, query, variables: setAt(valid, path, value) });
    }
  }
  return { valid, query, requests };
}
