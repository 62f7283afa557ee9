import { ConnectionArgs, ConnectionType, paginate, requireId, STAFF_ROLES } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { CommandContext } from '../context';
import { OperationDirective } from '../directive/directive';
import { directivesByOperation, visibleDirectives } from '../directive/directive.loader';
import { Incident, incidentRef } from '../foreign/entities';
import { readableLog } from '../log/log.loader';
import { OperationLogEntry } from '../log/logEntry';
import { Playbook, phaseOf } from '../playbook/playbook';
import { playbookById } from '../playbook/playbook.loader';
import { PlaybookPhase } from '../playbook/playbook.types';
import { OperationResource } from '../resource/resource';
import { resourcesByOperation } from '../resource/resource.loader';
import { ResourceNeed, resourceNeeds } from '../resource/resourceNeed';
import { SituationReport } from '../situationReport/situationReport';
import { reportsByOperation } from '../situationReport/situationReport.loader';
import { OperationTask } from '../task/task';
import { tasksByOperation } from '../task/task.loader';
import { Operation } from './operation';
import { OperationFilter } from './operation.input';
import { readableOperations, requireOperation } from './operation.loader';

@ObjectType({ description: 'A page of operations' })
export class OperationConnection extends ConnectionType(Operation) {}

/** Operations: the center reads all; an agency or field unit those it takes part in. */
@Resolver(() => Operation)
export class OperationResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => Operation, {
    nullable: true,
    description:
      'An operation by id. NOT_FOUND when there is none, FORBIDDEN when the caller’s agency or field unit takes no part in it. Staff roles only',
  })
  operation(@Arg('id', () => ID, { description: 'Id of the operation' }) id: string, @Ctx() ctx: CommandContext) {
    return requireOperation(ctx, id);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => OperationConnection, {
    description:
      'Operations matching a filter, newest first. Staff roles: the center reads all, an agency or field unit those it takes part in',
  })
  operations(
    @Arg('filter', () => OperationFilter, { nullable: true, description: 'Conditions the operations must meet; omit for all you may read' })
    filter: OperationFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: CommandContext,
  ) {
    const where: FilterQuery<Operation>[] = [readableOperations(ctx.identity)];
    if (filter?.ids) where.push({ id: { $in: filter.ids.map((id) => requireId(id, 'ids')) } });
    if (filter?.state) where.push({ state: filter.state });
    if (typeof filter?.exercise === 'boolean') where.push({ exercise: filter.exercise });
    if (filter?.incidentId) where.push({ incidentId: requireId(filter.incidentId, 'incidentId') });
    return paginate(ctx.em, Operation, { $and: where }, { ...page, orderBy: 'activatedAt', direction: 'DESC' });
  }

  // Nullable: the incidents subgraph shows an incident to its handling agency only, not to every agency
  // taking part in the operation.
  @FieldResolver(() => Incident, {
    nullable: true,
    description: 'The incident it responds to; null for agencies the incidents subgraph does not show it to',
  })
  incident(@Root() operation: Operation) {
    return incidentRef(operation.incidentId);
  }

  @FieldResolver(() => Playbook, { description: 'The playbook it follows' })
  playbook(@Root() operation: Operation, @Ctx() ctx: CommandContext) {
    return playbookById(ctx).load(operation.playbook.id);
  }

  @FieldResolver(() => PlaybookPhase, { description: 'The playbook phase it is in' })
  async phase(@Root() operation: Operation, @Ctx() ctx: CommandContext) {
    const playbook = await playbookById(ctx).load(operation.playbook.id);
    return (
      phaseOf(playbook!, operation.phaseCode) ?? { code: operation.phaseCode, nameVi: operation.phaseCode, nameEn: operation.phaseCode }
    );
  }

  @FieldResolver(() => [OperationTask], { description: 'Its tasks, in playbook order' })
  tasks(@Root() operation: Operation, @Ctx() ctx: CommandContext) {
    return tasksByOperation(ctx).load(operation.id);
  }

  @FieldResolver(() => [OperationDirective], {
    description: 'The leader’s directives, oldest first; an agency reads those addressed to it',
  })
  async directives(@Root() operation: Operation, @Ctx() ctx: CommandContext) {
    return visibleDirectives(ctx, await directivesByOperation(ctx).load(operation.id));
  }

  @FieldResolver(() => [OperationResource], { description: 'Resources allocated to it, released ones included, in allocation order' })
  resources(@Root() operation: Operation, @Ctx() ctx: CommandContext) {
    return resourcesByOperation(ctx).load(operation.id);
  }

  @FieldResolver(() => [ResourceNeed], { description: 'The playbook’s resource requirements against what is allocated now' })
  async resourceNeeds(@Root() operation: Operation, @Ctx() ctx: CommandContext) {
    const [playbook, resources] = await Promise.all([
      playbookById(ctx).load(operation.playbook.id),
      resourcesByOperation(ctx).load(operation.id),
    ]);
    return resourceNeeds(playbook!, resources);
  }

  @FieldResolver(() => [SituationReport], { description: 'Situation reports, newest first' })
  situationReports(@Root() operation: Operation, @Ctx() ctx: CommandContext) {
    return reportsByOperation(ctx).load(operation.id);
  }

  @FieldResolver(() => [OperationLogEntry], { description: 'The running log (nhật ký chỉ huy): every step, oldest first' })
  log(@Root() operation: Operation, @Ctx() ctx: CommandContext) {
    return readableLog(ctx, operation.id);
  }
}
