import { AuditEntry, CENTER_ROLES, requireId } from '@ioc-graph/platform';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { DirectoryContext } from '../context';
import { maskChanges } from './history.rules';

@ObjectType({ description: 'One recorded change of a directory record' })
export class ChangeRecord {
  @Field(() => ID, { description: 'Unique id of this change' })
  id!: string;

  @Field({ description: 'When the change was written (UTC)' })
  at!: Date;

  @Field({ description: 'Subject of the caller who made the change' })
  actor!: string;

  @Field({ description: 'Type of the changed record: Agency, Person or FieldUnit' })
  entityType!: string;

  @Field(() => ID, { description: 'Id of the changed record' })
  entityId!: string;

  @Field({ description: 'created or updated' })
  action!: string;

  @Field(() => GraphQLJSONObject, {
    description:
      'Changed fields: { field: [before, after] }. A value the caller may not read on the record itself (a person’s phone or email, unless an operator or that person) reads "[hidden]", before and after',
  })
  changes!: Record<string, [unknown, unknown]>;
}

@Resolver()
export class HistoryResolver {
  @Authorized(...CENTER_ROLES)
  @Query(() => [ChangeRecord], {
    description: 'Who changed a directory record, when, and how; oldest first. Leaders and operators only',
  })
  async changeHistory(
    @Arg('entityId', () => ID, { description: 'Id of an agency, person or field unit' }) entityId: string,
    @Ctx() ctx: DirectoryContext,
  ): Promise<ChangeRecord[]> {
    const entries = await ctx.em.find(AuditEntry, { entityId: requireId(entityId, 'entityId') }, { orderBy: { at: 'ASC', id: 'ASC' } });
    return maskChanges(ctx, entries);
  }
}
