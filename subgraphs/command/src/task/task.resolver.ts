import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CommandContext } from '../context';
import { Agency, agencyRef } from '../foreign/entities';
import { Operation } from '../operation/operation';
import { operationById } from '../operation/operation.loader';
import { OperationTask } from './task';
import { OPEN_TASK_STATES } from './task.rules';

/** The relations of a task: its agency (a directory reference) and its operation (batched). */
@Resolver(() => OperationTask)
export class TaskResolver {
  @FieldResolver(() => Agency, { nullable: true, description: 'The agency doing it; null until the center assigns one' })
  agency(@Root() task: OperationTask) {
    return agencyRef(task.agencyId);
  }

  @FieldResolver(() => Operation, { description: 'The operation it belongs to' })
  operation(@Root() task: OperationTask, @Ctx() ctx: CommandContext) {
    return operationById(ctx).load(task.operation.id);
  }

  @FieldResolver({ description: 'Past its deadline and still open' })
  overdue(@Root() task: OperationTask, @Ctx() ctx: CommandContext): boolean {
    return task.dueAt !== null && task.dueAt <= ctx.clock.now() && OPEN_TASK_STATES.includes(task.state);
  }
}
