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

/**
 * What a subscriber selected on an event's entity, as queries of the federated graph that read the
 * entities of many events at once:
 * - `listQuery`: one list field per alias, filtered by the events' ids (`$eventIds`), each node with its
 *   `id` under {@link ENTITY_KEY}: one fetch per subgraph whatever the number of events;
 * - `byIdQuery(n)`: one root field per event and alias (`e0_<alias>: alert(id: $i0)` …): a refusal of
 *   one entity (FORBIDDEN inside it) then nulls that entity only, where in a list it would null the list.
 */
export interface EntitySelection {
  /** Identifies the selection (text and variables): subscribers with equal keys share reads. */
  key: string;
  /** The aliases under which the subscriber selected the entity. */
  aliases: string[];
  listQuery: string;
  byIdQuery(count: number): string;
  /** The subscriber's variables that the queries use. */
  variables: Record<string, unknown>;
}

/** The alias under which a list query reads each node's id, to match nodes to events. */
export const ENTITY_KEY = 'iocEventEntityKey';

/** How a subscription event's entity is read: the root field by id, and the list field with an `ids` filter. */
export interface EntityFields {
  query: string;
  list: string;
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

/** Fields an event answers by itself: its entity's key and type. */
const FROM_EVENT = new Set(['id', '__typename']);

/**
 * The aliases of the entity when every one selects only what the event itself knows (`alert { id }`),
 * else null: such a subscriber needs no read of the graph, and its audience rule alone decides what it
 * receives.
 */
export function keyOnlyAliases(info: GraphQLResolveInfo, entityField: string): string[] | null {
  const eventSelection = info.fieldNodes[0].selectionSet;
  const fields = eventSelection ? entityFields(eventSelection, entityField, info.fragments) : [];
  const keyOnly = fields.every(
    (field) =>
      !field.directives?.length &&
      (field.selectionSet?.selections ?? []).every(
        (s) => s.kind === Kind.FIELD && FROM_EVENT.has(s.name.value) && !s.alias && !s.arguments?.length && !s.directives?.length,
      ),
  );
  return keyOnly ? fields.map((field) => field.alias?.value ?? field.name.value) : null;
}

/**
 * Turns what a subscriber selected on an event's entity into queries of the federated graph: for
 * `incidentChanged { cursor incident { code agency { nameVi } } }` the list query is
 * `query EventEntities($eventIds: [ID!]!, $eventCount: Int!) { incident: incidents(filter: { ids: $eventIds },
 * first: $eventCount) { edges { node { iocEventEntityKey: id code agency { nameVi __typename } __typename } } } }`.
 * Aliases, fragments and variables of the subscription carry over; null when nothing of the entity is selected.
 */
export function buildEntitySelection(info: GraphQLResolveInfo, entityField: string, read: EntityFields): EntitySelection | null {
  const eventSelection = info.fieldNodes[0].selectionSet;
  if (!eventSelection) return null;
  const fields = entityFields(eventSelection, entityField, info.fragments);
  if (!fields.length) return null;
  const used = { fragments: new Set<string>(), variables: new Set<string>() };
  for (const field of fields) if (field.selectionSet) usages(field.selectionSet, info.fragments, used.fragments, used.variables);
  const definitions: VariableDefinitionNode[] = (info.operation.variableDefinitions ?? []).filter((d) =>
    used.variables.has(d.variable.name.value),
  );
  // One selection per alias: the same alias twice (`alert { a } alert { b }`) is one field for GraphQL.
  const byAlias = new Map<string, SelectionSetNode['selections'][number][]>();
  for (const field of fields) {
    const alias = field.alias?.value ?? field.name.value;
    byAlias.set(alias, [...(byAlias.get(alias) ?? []), ...(field.selectionSet?.selections ?? [])]);
  }
  const merged = [...byAlias].map(([alias, selections]) => ({ alias, selections }));
  const fragmentText = [...used.fragments].map((name) => print(withTypename(info.fragments[name]))).join('\n');
  const variableText = definitions.map((d) => print(d)).join(', ');
  const variables = Object.fromEntries([...used.variables].map((name) => [name, info.variableValues[name]]));
  const declare = (ours: string[]) => [...ours, ...(variableText ? [variableText] : [])].join(', ');

  const keyField: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: ENTITY_KEY },
    name: { kind: Kind.NAME, value: 'id' },
  };
  const lists = merged.map(
    ({ alias, selections }) =>
      `${alias}: ${read.list}(filter: { ids: $eventIds }, first: $eventCount) { edges { node ${print(
        withTypename({ kind: Kind.SELECTION_SET, selections: [keyField, ...selections] }),
      )} } }`,
  );
  const listQuery = `query EventEntities(${declare(['$eventIds: [ID!]!', '$eventCount: Int!'])}) {\n${lists.join('\n')}\n}\n${fragmentText}`;

  const texts = new Map<number, string>();
  const byIdQuery = (count: number) => {
    let query = texts.get(count);
    if (!query) {
      const ids = Array.from({ length: count }, (_, k) => `$i${k}: ID!`);
      const roots = Array.from({ length: count }, (_, k) =>
        merged
          .map(
            ({ alias, selections }) =>
              `e${k}_${alias}: ${read.query}(id: $i${k}) ${print(withTypename({ kind: Kind.SELECTION_SET, selections }))}`,
          )
          .join('\n'),
      );
      query = `query EventEntitiesById(${declare(ids)}) {\n${roots.join('\n')}\n}\n${fragmentText}`;
      texts.set(count, query);
    }
    return query;
  };
  return {
    key: `${listQuery}\n${JSON.stringify(variables)}`,
    aliases: merged.map(({ alias }) => alias),
    listQuery,
    byIdQuery,
    variables,
  };
}
