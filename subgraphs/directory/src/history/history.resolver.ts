import { AuditEntry, requireId, Role } from '@ioc-graph/platform';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { DirectoryContext } from '../common';

@ObjectType({ description: 'One recorded change of a directory record' })
export class ChangeRecord {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field({ description: 'Subject of the caller who made the change' })
  actor!: string;

  @Field()
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field({ description: 'created or updated' })
  action!: string;

  @Field(() => GraphQLJSONObject, { description: 'Changed fields: { field: [before, after] }' })
  changes!: Record<string, [unknown, unknown]>;
}

@Resolver()
export class HistoryResolver {
  @Authorized(Role.OPERATOR, Role.LEADER)
  @Query(() => [ChangeRecord], { description: 'Who changed a directory record, when, and how; oldest first' })
  changeHistory(@Arg('entityId', () => ID) entityId: string, @Ctx() ctx: DirectoryContext): Promise<ChangeRecord[]> {
    return ctx.em.find(AuditEntry, { entityId: requireId(entityId, 'entityId') }, { orderBy: { at: 'ASC', id: 'ASC' } });
  }
}
