import { badInput, conflict, inTransaction } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import { agenciesForTemplates } from '../foreign/directoryLookup';
import { incidentFacts } from '../foreign/incidentsLookup';
import { participantsOf, recordStep } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import { Playbook } from '../playbook/playbook';
import { requirePlaybook } from '../playbook/playbook.loader';
import { Operation } from './operation';
import type { ActivateOperationInput } from './operation.input';
import { OperationState } from './operation.rules';
import { createPhaseTasks, nextOperationCode, templatesOf } from './operation.steps';

/**
 * Activates an operation for a COMMAND incident from a playbook: ACTIVE, in the playbook's first
 * phase, with that phase's tasks for the agencies found in the directory. One active operation per
 * incident. The incident and the agencies are asked of their subgraphs before the transaction opens.
 */
export async function activateOperation(ctx: CommandContext, input: ActivateOperationInput): Promise<Operation> {
  const playbook = await requirePlaybook(ctx, input.playbookId, 'playbookId');
  const incident = await incidentFacts(ctx, input.incidentId, 'incidentId');
  if (incident.process !== 'COMMAND') {
    throw conflict(`Incident ${incident.code} follows the ${incident.process} process; operations are for COMMAND incidents`, {
      process: incident.process,
    });
  }
  if (incident.state === 'CLOSED') throw conflict(`Incident ${incident.code} is closed`, { state: incident.state });
  const drillIncident = incident.status === 'EXERCISE';
  const exercise = input.exercise ?? drillIncident;
  if (drillIncident && !exercise)
    throw badInput('A drill incident gets drill operations only', [{ field: 'exercise', message: 'must be true for a drill incident' }]);
  const [firstPhase] = playbook.phases;
  const unitId = incident.unit?.id ?? null;
  const agencies = await agenciesForTemplates(ctx, templatesOf(playbook, firstPhase.code), unitId);

  return inTransaction(ctx.em, async (em) => {
    const now = ctx.clock.now();
    const active = await em.findOne(Operation, { incidentId: incident.id, state: OperationState.ACTIVE });
    if (active) throw conflict(`Incident ${incident.code} already has an active operation, ${active.code}`, { operationId: active.id });
    const operation = em.create(Operation, {
      code: await nextOperationCode(em, now),
      name: input.name?.trim() || `${playbook.nameVi} – ${incident.code}`,
      incidentId: incident.id,
      incidentCode: incident.code,
      unitId,
      playbook: em.getReference(Playbook, playbook.id, { wrapped: true }),
      exercise,
      state: OperationState.ACTIVE,
      phaseCode: firstPhase.code,
      phaseStartedAt: now,
      activatedAt: now,
      activatedBy: ctx.identity.subject!,
    });
    em.persist(operation);
    const tasks = createPhaseTasks(em, operation, playbook, firstPhase.code, agencies, now);
    await recordStep(
      ctx,
      em,
      now,
      operation,
      {
        action: 'activateOperation',
        event: 'operation.activated',
        subjectType: LogSubject.OPERATION,
        subjectId: operation.id,
        toState: OperationState.ACTIVE,
        note: `${playbook.code}; ${firstPhase.nameVi}: ${tasks.length} nhiệm vụ`,
      },
      await participantsOf(em, operation.id),
    );
    return operation;
  });
}
