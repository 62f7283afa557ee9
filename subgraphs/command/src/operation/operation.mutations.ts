import { checkVersion, conflict, inTransaction, Role } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { CommandContext } from '../context';
import { agenciesForTemplates } from '../federation/directoryLookup';
import { participantsOf, recordStep } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import { nextPhase } from '../playbook/playbook';
import { playbookById } from '../playbook/playbook.loader';
import { actsAs, checkTransition } from '../transitions';
import { activateOperation } from './activateOperation';
import { Operation } from './operation';
import { ActivateOperationInput, OperationStepInput, StandDownInput } from './operation.input';
import { requireOperation } from './operation.loader';
import { OPERATION_TRANSITIONS } from './operation.rules';
import { createPhaseTasks, lockOperation, templatesOf } from './operation.steps';
import { standDown } from './standDown';

/** The life of an operation: activation, phase changes, stand-down. */
@Resolver()
export class OperationMutations {
  @Authorized(Role.LEADER, Role.OPERATOR)
  @Mutation(() => Operation, { description: 'Activates an operation from a playbook for a COMMAND incident (leaders and operators)' })
  activateOperation(@Arg('input', () => ActivateOperationInput) input: ActivateOperationInput, @Ctx() ctx: CommandContext) {
    return activateOperation(ctx, input);
  }

  @Authorized(Role.LEADER, Role.OPERATOR)
  @Mutation(() => Operation, { description: 'Moves the operation to the playbook’s next phase and gives out that phase’s tasks (leaders and operators)' })
  async advancePhase(@Arg('operationId', () => ID) operationId: string, @Arg('input', () => OperationStepInput) input: OperationStepInput, @Ctx() ctx: CommandContext) {
    // Checked on a first read, so that the directory is asked only for a step that can be taken …
    const read = await requireOperation(ctx, operationId, 'operationId');
    checkTransition(OPERATION_TRANSITIONS, 'advancePhase', read.state, (actor) => actsAs(ctx.identity, actor));
    checkVersion(read, input.expectedVersion);
    const playbook = (await playbookById(ctx).load(read.playbook.id))!;
    const next = nextPhase(playbook, read.phaseCode);
    if (!next) throw conflict(`Operation ${read.code} is in the playbook’s last phase`, { phase: read.phaseCode });
    const agencies = await agenciesForTemplates(ctx, templatesOf(playbook, next.code), read.unitId);
    // … and again under the lock, where it counts.
    return inTransaction(ctx.em, async (em) => {
      const operation = await lockOperation(ctx, em, operationId, 'exclusive');
      checkTransition(OPERATION_TRANSITIONS, 'advancePhase', operation.state, (actor) => actsAs(ctx.identity, actor));
      checkVersion(operation, input.expectedVersion);
      const from = operation.phaseCode;
      const now = ctx.clock.now();
      operation.phaseCode = next.code;
      operation.phaseStartedAt = now;
      const tasks = createPhaseTasks(em, operation, playbook, next.code, agencies, now);
      const note = [input.note?.trim(), `${next.nameVi}: ${tasks.length} nhiệm vụ`].filter(Boolean).join(' — ');
      await recordStep(
        ctx,
        em,
        now,
        operation,
        { action: 'advancePhase', event: 'operation.phaseChanged', subjectType: LogSubject.OPERATION, subjectId: operation.id, fromState: from, toState: next.code, note },
        await participantsOf(em, operation.id),
      );
      return operation;
    });
  }

  @Authorized(Role.LEADER)
  @Mutation(() => Operation, { description: 'Stands the operation down (leaders): open tasks are cancelled, allocated resources released' })
  standDownOperation(@Arg('operationId', () => ID) operationId: string, @Arg('input', () => StandDownInput) input: StandDownInput, @Ctx() ctx: CommandContext) {
    return inTransaction(ctx.em, async (em) => {
      const operation = await lockOperation(ctx, em, operationId, 'exclusive');
      checkTransition(OPERATION_TRANSITIONS, 'standDownOperation', operation.state, (actor) => actsAs(ctx.identity, actor));
      checkVersion(operation, input.expectedVersion);
      await standDown(ctx, em, operation, input.afterActionSummary.trim());
      return operation;
    });
  }
}
