import { CacheHint } from '@ioc-graph/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

// The directory's entities, as this subgraph refers to them and extends them: only their keys live
// here; the gateway fetches every other field from the directory.

@CacheHint(60)
@ObjectType()
@Directive('@key(fields: "id")')
export class AdministrativeUnit {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Agency {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@key(fields: "subject", resolvable: false)')
export class Person {
  @Field(() => String, { nullable: true })
  subject!: string | null;
}

export const unitRef = (id: string | null): AdministrativeUnit | null => (id ? { id } : null);
export const agencyRef = (id: string | null): Agency | null => (id ? { id } : null);
/** Accounts that are not people of the directory (the scheduler, the public) have no reference. */
export const personRef = (subject: string | null): Person | null =>
  subject && subject !== 'public' && subject !== 'scheduler' && !subject.startsWith('service:') ? { subject } : null;

/** Directory entities come to this subgraph only as keys; their own fields come from the directory. */
export const foreignReferences = {
  AdministrativeUnit: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Agency: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};
