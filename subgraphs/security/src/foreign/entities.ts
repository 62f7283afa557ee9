import { CacheHint } from '@ioc-graph/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Entities of other subgraphs, as this one refers to them and extends them: only their keys live here.

@CacheHint(60)
@ObjectType()
@Directive('@key(fields: "id")')
export class AdministrativeUnit {
  @Field(() => ID)
  id!: string;
}

export const ref = <T extends { id: string }>(id: string | null): T | null => (id ? ({ id } as T) : null);

export const foreignReferences = {
  AdministrativeUnit: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
