import { CENTER_ROLES, checkTransition, checkVersion, conflict, Role, takeStep } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { CommandContext } from '../context';
import { agenciesForTemplates } from '../foreign/directoryLookup';
import { journaled, participantsOf } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import { nextPhase } from '../playbook/playbook';
import { playbookById } from '../playbook/playbook.loader';
import { activateOperation } from './activateOperation';
import { Operation } from './operation';
import { ActivateOperationInput, OperationStepInput, StandDownInput } from './operation.input';
import { requireOperation } from './operation.loader';
import { actsAs, COMMAND_ACTORS, commandTransition, OPERATION_TRANSITIONS } from './operation.rules';
import { createPhaseTasks, lockOperation, templatesOf } from './operation.steps';
import { standDownOperation } from './standDown';

/** The life of an operation: activation, phase changes, stand-down. */
@Resolver()
export class OperationMutations {
  @Authorized(...CENTER_ROLES)
  @Mutation(() => Operation, { description: 'Activates an operation from a playbook for a COMMAND incident (leaders and operators)' })
  activateOperation(
    @Arg('input', () => ActivateOperationInput, { description: 'The incident, the playbook and options' }) input: ActivateOperationInput,
    @Ctx() ctx: CommandContext,
  ) {
    return activateOperation(ctx, input);
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => Operation, {
    description: 'Moves the operation to the playbook’s next phase and gives out that phase’s tasks (leaders and operators)',
  })
  async advancePhase(
    @Arg('operationId', () => ID, { description: 'Id of the active operation' }) operationId: string,
    @Arg('input', () => OperationStepInput, { description: 'Expected version and an optional note' }) input: OperationStepInput,
    @Ctx() ctx: CommandContext,
  ) {
    // Checked on a first read, so that the directory is asked only for a step that can be taken …
    const read = await requireOperation(ctx, operationId, 'operationId');
    checkTransition(OPERATION_TRANSITIONS, 'advancePhase', read.state, (actor) => actsAs(ctx.identity, actor), COMMAND_ACTORS);
    checkVersion(read, input.expectedVersion);
    const playbook = (await playbookById(ctx).load(read.playbook.id))!;
    const next = nextPhase(playbook, read.phaseCode);
    if (!next) throw conflict(`Operation ${read.code} is in the playbook’s last phase`, { phase: read.phaseCode });
    const agencies = await agenciesForTemplates(ctx, templatesOf(playbook, next.code), read.unitId);
    // … and again under the lock, where it counts.
    let operation!: Operation;
    return takeStep(ctx.em, {
      actor: ctx.identity,
      at: ctx.clock.now(),
      requestId: ctx.requestId,
      action: 'advancePhase',
      load: async (em) => (operation = await lockOperation(ctx, em, operationId, 'exclusive')),
      transition: commandTransition(ctx.identity, OPERATION_TRANSITIONS),
      expectedVersion: input.expectedVersion,
      // The log follows the phases: from the phase left to the phase begun.
      apply: (advanced, em, now) => {
        const from = advanced.phaseCode;
        advanced.phaseCode = next.code;
        advanced.phaseStartedAt = now;
        const tasks = createPhaseTasks(em, advanced, playbook, next.code, agencies, now);
        return {
          fromState: from,
          toState: next.code,
          note: [input.note?.trim(), `${next.nameVi}: ${tasks.length} nhiệm vụ`].filter(Boolean).join(' — '),
        };
      },
      ...journaled(
        ctx,
        () => operation,
        (advanced: Operation) => ({ subjectType: LogSubject.OPERATION, subjectId: advanced.id }),
        'operation.phaseChanged',
        (advanced, em) => participantsOf(em, advanced.id),
      ),
    });
  }

  @Authorized(Role.LEADER)
  @Mutation(() => Operation, { description: 'Stands the operation down (leaders): open tasks are cancelled, allocated resources released' })
  standDownOperation(
    @Arg('operationId', () => ID, { description: 'Id of the active operation' }) operationId: string,
    @Arg('input', () => StandDownInput, { description: 'Expected version and the after-action summary' }) input: StandDownInput,
    @Ctx() ctx: CommandContext,
  ) {
    return standDownOperation(ctx, operationId, input.expectedVersion, input.afterActionSummary.trim());
  }
}
