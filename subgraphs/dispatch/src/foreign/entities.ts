import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Entities of other subgraphs, as this one refers to them and extends them: only their keys live here.

@ObjectType()
@Directive('@key(fields: "id")')
export class FieldUnit {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Incident {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Agency {
  @Field(() => ID)
  id!: string;
}

export const ref = <T extends { id: string }>(id: string | null): T | null => (id ? ({ id } as T) : null);

export const foreignReferences = {
  FieldUnit: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Incident: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
