import {
  Kind,
  print,
  visit,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

export interface EntityQuery {
  /** A query reading the entity under each alias the subscriber chose, by `$__id`. */
  query: string;
  /** The subscriber's variables that the query uses. */
  variables: Record<string, unknown>;
}

/** The entity field's nodes in the event's selection set, through inline fragments and spreads. */
function entityFields(selectionSet: SelectionSetNode, entityField: string, fragments: GraphQLResolveInfo['fragments']): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD && selection.name.value === entityField) found.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) found.push(...entityFields(selection.selectionSet, entityField, fragments));
    else if (selection.kind === Kind.FRAGMENT_SPREAD)
      found.push(...entityFields(fragments[selection.name.value].selectionSet, entityField, fragments));
  }
  return found;
}

/** Fragment names and variable names used below a node, fragments followed. */
function usages(
  node: SelectionSetNode,
  fragments: GraphQLResolveInfo['fragments'],
  seen = new Set<string>(),
  variables = new Set<string>(),
) {
  visit(node, {
    Variable: (variable) => void variables.add(variable.name.value),
    FragmentSpread: (spread) => {
      if (seen.has(spread.name.value)) return;
      seen.add(spread.name.value);
      usages(fragments[spread.name.value].selectionSet, fragments, seen, variables);
    },
  });
  return { fragments: seen, variables };
}

// Every selection set also asks for __typename, so that interfaces and unions resolve in the result.
const withTypename = <T extends SelectionSetNode | FragmentDefinitionNode>(node: T): T =>
  visit(node, {
    SelectionSet: (set) =>
      set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias)
        ? undefined
        : { ...set, selections: [...set.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] },
  });

/**
 * Turns what a subscriber selected on an event's entity into a query of the federated graph: for
 * `incidentChanged { cursor incident { code agency { nameVi } } }` it is
 * `query ($__id: ID!) { incident: incident(id: $__id) { code agency { nameVi __typename } __typename } }`.
 * Aliases, fragments and variables of the subscription carry over; null when nothing is selected.
 */
export function buildEntityQuery(info: GraphQLResolveInfo, entityField: string, rootQuery: string): EntityQuery | null {
  const eventSelection = info.fieldNodes[0].selectionSet;
  if (!eventSelection) return null;
  const fields = entityFields(eventSelection, entityField, info.fragments);
  if (!fields.length) return null;
  const used = { fragments: new Set<string>(), variables: new Set<string>() };
  for (const field of fields) if (field.selectionSet) usages(field.selectionSet, info.fragments, used.fragments, used.variables);
  const definitions: VariableDefinitionNode[] = (info.operation.variableDefinitions ?? []).filter((d) =>
    used.variables.has(d.variable.name.value),
  );
  const selections = fields
    .map(
      (field) =>
        `${field.alias?.value ?? field.name.value}: ${rootQuery}(id: $__id) ${field.selectionSet ? print(withTypename(field.selectionSet)) : ''}`,
    )
    .join('\n');
  const fragmentText = [...used.fragments].map((name) => print(withTypename(info.fragments[name]))).join('\n');
  const variableText = ['$__id: ID!', ...definitions.map((d) => print(d))].join(', ');
  return {
    query: `query EventEntity(${variableText}) {\n${selections}\n}\n${fragmentText}`,
    variables: Object.fromEntries([...used.variables].map((name) => [name, info.variableValues[name]])),
  };
}
