import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import {
  CommandActivateOperationDocument,
  CommandAdvancePhaseDocument,
  CommandAssignTaskDocument,
  CommandCancelTaskDocument,
  CommandOperationsDocument,
  CommandPlaybooksDocument,
  OpenIncidentDocument,
} from '../../../__generated__/graphql';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';
import { playbookId } from '../seeds/playbooks';
import { ok } from '../../../test/support/graphql';
import { agency, openLandslide } from './helpers';

describe('activating an operation', () => {
  let hub: Hub;
  let gql: string;

  beforeAll(async () => {
    hub = await startHub();
    gql = hub.gatewayUrl;
  });
  afterAll(() => hub.stop());

  it('is activated only by the center, only for a known COMMAND incident, and marks drills', async () => {
    const { tokens } = hub;
    const flood = playbookId('FLOOD_SONG_BE');
    const timed = ok(
      await execute(
        gql,
        OpenIncidentDocument,
        {
          input: {
            categoryId: categoryId('URB_FALLEN_TREE'),
            title: 'Cây đổ chắn đường Phú Riềng Đỏ',
            description: 'Cây dầu cổ thụ gãy đổ sau mưa dông',
          },
        },
        { token: tokens.OPERATOR },
      ),
    ).openIncident;
    expect(
      codes(
        await execute(
          gql,
          CommandActivateOperationDocument,
          { input: { incidentId: timed.id, playbookId: flood } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['CONFLICT']);
    const landslide = await openLandslide(hub, 'Sạt lở bờ sông Bé, xã Long Giang');
    expect(
      codes(
        await execute(
          gql,
          CommandActivateOperationDocument,
          { input: { incidentId: landslide.id, playbookId: flood } },
          { token: tokens.AGENCY_STAFF },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await execute(gql, CommandActivateOperationDocument, { input: { incidentId: landslide.id, playbookId: flood } }))).toEqual(
      ['UNAUTHENTICATED'],
    );
    const unknownIncident = await execute(
      gql,
      CommandActivateOperationDocument,
      { input: { incidentId: '0190d3a4-0000-7000-8000-000000000000', playbookId: flood } },
      { token: tokens.OPERATOR },
    );
    expect(unknownIncident.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'incidentId', message: 'no such incident' }],
    });
    expect(
      codes(
        await execute(
          gql,
          CommandActivateOperationDocument,
          { input: { incidentId: landslide.id, playbookId: playbookId('NO_SUCH_PLAYBOOK') } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    // An id that is not a UUID is refused by the gateway's input check, before the subgraph; a name too
    // short is the subgraph's own validation. Both name their field.
    const fieldsOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => {
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      return (response.errors?.[0].extensions?.problems as { field: string }[]).map((p) => p.field).sort();
    };
    const badId = await execute(
      gql,
      CommandActivateOperationDocument,
      { input: { incidentId: 'not-an-id', playbookId: flood, name: 'ab' } },
      { token: tokens.OPERATOR },
    );
    expect(fieldsOf(badId)).toEqual(['incidentId']);
    const badName = await execute(
      gql,
      CommandActivateOperationDocument,
      { input: { incidentId: landslide.id, playbookId: flood, name: 'ab' } },
      { token: tokens.OPERATOR },
    );
    expect(fieldsOf(badName)).toEqual(['name']);

    // A drill incident gets a drill operation, and only one: lists tell drills from real operations.
    const drill = ok(
      await execute(
        gql,
        OpenIncidentDocument,
        {
          input: {
            categoryId: categoryId('HLT_DISEASE_OUTBREAK'),
            title: 'Diễn tập: ổ dịch sốt xuất huyết phường Tân Phú',
            description: 'Diễn tập xử lý ổ dịch',
            unitId: demoId('unit', 'BP-689-TANPHU'),
            status: 'EXERCISE',
          },
        },
        { token: tokens.OPERATOR },
      ),
    ).openIncident;
    const dengue = playbookId('EPIDEMIC_DENGUE');
    expect(
      codes(
        await execute(
          gql,
          CommandActivateOperationDocument,
          { input: { incidentId: drill.id, playbookId: dengue, exercise: false } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const exercise = ok(
      await execute(
        gql,
        CommandActivateOperationDocument,
        { input: { incidentId: drill.id, playbookId: dengue, name: 'Diễn tập phòng chống sốt xuất huyết 2026' } },
        { token: tokens.LEADER },
      ),
    ).activateOperation;
    expect(exercise).toMatchObject({ exercise: true, name: 'Diễn tập phòng chống sốt xuất huyết 2026', phase: { code: 'INVESTIGATE' } });
    // In a ward with its own people's committee, that one gets the local task.
    expect(exercise.tasks.map((t) => t.agency?.code)).toEqual(['SYT-BP', 'UBND-TANPHU', 'STTTT-BP']);
    const drills = ok(await execute(gql, CommandOperationsDocument, { filter: { exercise: true } }, { token: tokens.LEADER })).operations;
    expect(drills.edges.map((e) => e.node.id)).toEqual([exercise.id]);
    const real = ok(
      await execute(gql, CommandOperationsDocument, { filter: { exercise: false, state: 'ACTIVE' } }, { token: tokens.LEADER }),
    ).operations;
    expect(real.edges.map((e) => e.node.id)).not.toContain(exercise.id);
  });

  it('finds an agency for every task of every seeded playbook, phase after phase', async () => {
    const { tokens } = hub;
    const playbooks = ok(await execute(gql, CommandPlaybooksDocument, {}, { token: tokens.AGENCY_STAFF })).playbooks;
    expect(playbooks.map((p) => p.emergencyType).sort()).toEqual(['EPIDEMIC', 'FLOOD', 'LARGE_FIRE', 'MASS_DISORDER', 'STORM']);
    for (const playbook of playbooks) {
      const incident = await openLandslide(hub, `Kiểm tra kịch bản ${playbook.code}`);
      let operation = ok(
        await execute(
          gql,
          CommandActivateOperationDocument,
          { input: { incidentId: incident.id, playbookId: playbook.id, exercise: true } },
          { token: tokens.OPERATOR },
        ),
      ).activateOperation;
      for (const _phase of playbook.phases.slice(1)) {
        operation = ok(
          await execute(
            gql,
            CommandAdvancePhaseDocument,
            { operationId: operation.id, input: { expectedVersion: operation.version } },
            { token: tokens.OPERATOR },
          ),
        ).advancePhase;
      }
      expect(operation.phase.code).toBe(playbook.phases.at(-1)!.code);
      // Every template became a task, in playbook order, each for the agency the template names.
      expect(operation.tasks.map((t) => t.templateCode)).toEqual(playbook.taskTemplates.map((t) => t.code));
      for (const [i, template] of playbook.taskTemplates.entries()) {
        expect(operation.tasks[i].agency?.code ?? `none for ${template.code}`).toBe(template.agencyCode ?? 'UBND-PL');
      }
      expect(
        codes(
          await execute(
            gql,
            CommandAdvancePhaseDocument,
            { operationId: operation.id, input: { expectedVersion: operation.version } },
            { token: tokens.OPERATOR },
          ),
        ),
      ).toEqual(['CONFLICT']);
    }
  });

  it('leaves a task it cannot place to the center, which assigns or cancels it', async () => {
    const { tokens } = hub;
    // Reported without its place: no local people's committee can be found for it.
    const incident = ok(
      await execute(
        gql,
        OpenIncidentDocument,
        {
          input: {
            categoryId: categoryId('EMG_LANDSLIDE'),
            title: 'Sạt lở ven sông Bé, chưa rõ vị trí',
            description: 'Người dân báo sạt lở bờ sông, chưa xác định được xã',
          },
        },
        { token: tokens.OPERATOR },
      ),
    ).openIncident;
    const operation = ok(
      await execute(
        gql,
        CommandActivateOperationDocument,
        { input: { incidentId: incident.id, playbookId: playbookId('FLOOD_SONG_BE') } },
        { token: tokens.OPERATOR },
      ),
    ).activateOperation;
    const [bulletin, , unplaced] = operation.tasks;
    expect(unplaced).toMatchObject({ templateCode: 'ALERT-3', agency: null });
    expect(
      codes(
        await execute(
          gql,
          CommandAssignTaskDocument,
          { taskId: unplaced.id, input: { expectedVersion: unplaced.version, agencyId: agency('UBND-PL') } },
          { token: tokens.AGENCY_STAFF },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await execute(
          gql,
          CommandAssignTaskDocument,
          { taskId: unplaced.id, input: { expectedVersion: unplaced.version, agencyId: agency('NO-SUCH') } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const assigned = ok(
      await execute(
        gql,
        CommandAssignTaskDocument,
        { taskId: unplaced.id, input: { expectedVersion: unplaced.version, agencyId: agency('UBND-PL') } },
        { token: tokens.OPERATOR },
      ),
    ).assignTask;
    expect(assigned).toMatchObject({ state: 'OPEN', version: unplaced.version + 1, agency: { code: 'UBND-PL' } });
    const reason = 'Đài Khí tượng thủy văn đã phát bản tin';
    const cancelled = ok(
      await execute(
        gql,
        CommandCancelTaskDocument,
        { taskId: bulletin.id, input: { expectedVersion: bulletin.version, reason } },
        { token: tokens.OPERATOR },
      ),
    ).cancelTask;
    expect(cancelled).toMatchObject({ state: 'CANCELLED', note: reason });
    expect(
      codes(
        await execute(
          gql,
          CommandCancelTaskDocument,
          { taskId: bulletin.id, input: { expectedVersion: cancelled.version, reason } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['CONFLICT']);
  });
});
