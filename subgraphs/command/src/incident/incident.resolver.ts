import { loaderByForeignKey } from '@ioc-graph/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CommandContext } from '../context';
import { Operation } from '../operation/operation';
import { mayReadOperation } from '../operation/operation.loader';
import { OperationState } from '../operation/operation.rules';
import { Incident } from '../foreign/entities';

/** The operations of each incident of a request, newest first, in one query. */
const operationsByIncident = (ctx: CommandContext) => loaderByForeignKey(ctx, Operation, 'incidentId', { activatedAt: 'DESC', id: 'DESC' });

/** What command support adds to an incident. */
@Resolver(() => Incident)
export class IncidentOperationResolver {
  @FieldResolver(() => Operation, {
    nullable: true,
    description: 'Its active operation, else its latest one; null when none or when the caller takes no part in it',
  })
  async operation(@Root() incident: Incident, @Ctx() ctx: CommandContext) {
    const operations = await operationsByIncident(ctx).load(incident.id.toLowerCase());
    const operation = operations.find((o) => o.state === OperationState.ACTIVE) ?? operations[0];
    return operation && (await mayReadOperation(ctx, operation)) ? operation : null;
  }
}
