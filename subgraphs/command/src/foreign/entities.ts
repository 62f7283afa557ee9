import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Entities of other subgraphs, as this subgraph refers to them and extends them: only their keys live
// here; the gateway fetches every other field from the subgraph that owns them.

/** An incident of the incidents subgraph; this subgraph adds its `operation`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Incident {
  @Field(() => ID)
  id!: string;
}

/** An agency of the directory; this subgraph adds its open tasks and unacknowledged directives. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Agency {
  @Field(() => ID)
  id!: string;
}

/** A field unit of the directory; this subgraph adds its unacknowledged directives. */
@ObjectType()
@Directive('@key(fields: "id")')
export class FieldUnit {
  @Field(() => ID)
  id!: string;
}

/** References to other subgraphs' entities, by key (null for no id). */
export const incidentRef = (id: string): Incident => ({ id });
export const agencyRef = (id: string | null): Agency | null => (id ? { id } : null);
export const fieldUnitRef = (id: string | null): FieldUnit | null => (id ? { id } : null);

/** Foreign entities come to this subgraph only as keys; the fields it adds are resolved from them. */
export const foreignReferences = {
  Incident: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Agency: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  FieldUnit: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
