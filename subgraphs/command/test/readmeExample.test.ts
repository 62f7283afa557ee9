import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { WatchOperationsDocument } from '../../../__generated__/graphql';
import { execute, startHub, type Hub } from '../../../test/support/hub';
import { Subscriber } from '../../../test/support/subscriber';

// The walkthrough's operations, as the README points to them.
const file = resolve(__dirname, '../../../examples/commandOperation.graphql');
const operations = new Map(
  parse(readFileSync(file, 'utf8'))
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => [d.name!.value, print(d)]),
);

/** What the walkthrough reads of its operations' results: the operations are plain text, so codegen does not type them. */
interface Result {
  id: string;
  code: string;
  process: string;
  state: string;
  tasks: { agency: { code: string }; state: string }[];
  openTasks: { id: string }[];
  addressees: { state: string }[];
  phase: { code: string };
  incident: { code: string };
  resourceNeeds: { kind: string; required: number; allocated: number; shortfall: number }[];
}

/** The README's operation walkthrough (examples/commandOperation.graphql) works as written, with its literal ids and versions. */
describe('the README’s command support example', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.stop());

  it('runs from activation to stand-down with the documented ids and versions', async () => {
    const run = async (name: string, role: 'LEADER' | 'OPERATOR' | 'AGENCY_STAFF', variables: Record<string, string> = {}) => {
      const response = await execute<Record<string, Result>, Record<string, string>>(hub.gatewayUrl, operations.get(name)!, variables, {
        token: hub.tokens[role],
      });
      expect(response.errors).toBeUndefined();
      return Object.values(response.data!)[0];
    };
    expect((await run('FloodPlaybook', 'OPERATOR')).id).toBe('39aa9c23-5919-5c50-a5f7-987d44348b39');
    const incident = await run('OpenLandslideIncident', 'OPERATOR');
    expect(incident.process).toBe('COMMAND');
    // The command room follows the operation live, from its activation on.
    const room$ = new Subscriber(
      hub.gatewayUrl,
      WatchOperationsDocument,
      { after: String(hub.gateway.subscriptions.log.head) },
      hub.tokens.LEADER,
    );
    const operation = await run('ActivateFloodOperation', 'OPERATOR', { incidentId: incident.id });
    const operationId = operation.id;
    expect(operation.tasks.map((t: { agency: { code: string } }) => t.agency.code)).toEqual(['SNNMT-BP', 'STTTT-BP', 'UBND-PL', 'SXD-BP']);
    const work = await run('ConstructionDepartmentWork', 'AGENCY_STAFF');
    const taskId = work.openTasks[0].id;
    await run('AcknowledgeOperationTask', 'AGENCY_STAFF', { taskId });
    await run('StartOperationTask', 'AGENCY_STAFF', { taskId });
    expect((await run('CompleteOperationTask', 'AGENCY_STAFF', { taskId })).state).toBe('DONE');
    const directive = await run('DirectEvacuation', 'LEADER', { operationId });
    expect((await run('AcknowledgeEvacuationDirective', 'AGENCY_STAFF', { directiveId: directive.id })).addressees[0].state).toBe(
      'ACKNOWLEDGED',
    );
    expect((await run('StartFloodResponse', 'OPERATOR', { operationId })).phase.code).toBe('RESPONSE');
    const boats = await run('AllocateBoats', 'OPERATOR', { operationId });
    await run('ReportEvacuation', 'AGENCY_STAFF', { operationId });
    const room = await run('OperationRoom', 'LEADER', { operationId });
    expect(room.incident.code).toBe(incident.code);
    expect(room.resourceNeeds).toContainEqual({ kind: 'BOAT', required: 12, allocated: 6, shortfall: 6 });
    expect((await run('ReleaseBoats', 'OPERATOR', { resourceId: boats.id })).state).toBe('RELEASED');
    const stood = await run('StandDownFloodOperation', 'LEADER', { operationId });
    expect(stood.state).toBe('STOOD_DOWN');
    expect(stood.tasks.filter((t: { state: string }) => t.state !== 'CANCELLED')).toHaveLength(1);
    try {
      await room$.until((s) => s.data.some((d) => d.operationChanged.type === 'operation.stoodDown'));
      const types = room$.data.map((d) => d.operationChanged.type);
      expect(types[0]).toBe('operation.activated');
      expect(types).toEqual(
        expect.arrayContaining([
          'directive.issued',
          'directive.acknowledged',
          'operation.phaseChanged',
          'resource.allocated',
          'sitrep.filed',
          'resource.released',
        ]),
      );
      expect(room$.data.at(-1)!.operationChanged.operation).toMatchObject({ code: operation.code, state: 'STOOD_DOWN' });
    } finally {
      await room$.stop();
    }
  });
});
