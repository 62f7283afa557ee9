import {
  getNamedType,
  isCompositeType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Arguments that say how many items a list field returns (`first`/`last` of a connection, `limit`). */
const PAGE_SIZE_ARGUMENTS = ['first', 'last', 'limit'];

/**
 * An upper bound of what an operation costs: every field selected counts 1, times the page size of
 * every list field above it (`first`, `last` or `limit`, taken from the literal, the request's variables
 * or the argument's default, so `incidents { … }` counts its default page of 20). Aliases count as the
 * separate fields they are, so 100 aliases of a root page are 100 pages.
 *
 * Linear in the document's size: a fragment's cost does not depend on where it is spread (the page sizes
 * above it multiply it), so each fragment is costed once and every further spread reuses the number. A
 * spread of a fragment being costed (a cycle, refused by validation anyway) counts 0.
 */
export function pageCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableValues: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    variableValues[name] = name in variables ? variables[name] : definition.defaultValue && valueFromASTUntyped(definition.defaultValue);
  }
  const fragmentCosts = new Map<string, number>();

  const pageSize = (field: GraphQLField<unknown, unknown> | undefined, node: FieldNode) => {
    if (!field) return 1;
    for (const argument of field.args) {
      if (!PAGE_SIZE_ARGUMENTS.includes(argument.name)) continue;
      const given = node.arguments?.find((a) => a.name.value === argument.name);
      const value =
        given === undefined
          ? argument.defaultValue
          : given.value.kind === Kind.VARIABLE
            ? (variableValues[given.value.name.value] ?? argument.defaultValue)
            : valueFromASTUntyped(given.value, variableValues);
      if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, value);
    }
    return 1;
  };

  const costOf = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') continue;
        const field = parent && 'getFields' in parent ? parent.getFields()[selection.name.value] : undefined;
        cost += 1;
        if (selection.selectionSet) {
          const type = field ? getNamedType(field.type) : undefined;
          cost += pageSize(field, selection) * costOf(selection.selectionSet, type && isCompositeType(type) ? type : undefined);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += costOf(selection.selectionSet, type && isCompositeType(type) ? type : undefined);
      } else {
        cost += costOfFragment(selection.name.value);
      }
    }
    return cost;
  };

  const costOfFragment = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment) return 0;
    fragmentCosts.set(name, 0);
    const type = schema.getType(fragment.typeCondition.name.value);
    const cost = costOf(fragment.selectionSet, type && isCompositeType(type) ? type : undefined);
    fragmentCosts.set(name, cost);
    return cost;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return costOf(operation.selectionSet, root);
}
