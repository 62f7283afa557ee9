import { OutboxEvent } from '@ioc-graph/platform';
import {
  CommandAcknowledgeDirectiveDocument,
  CommandAcknowledgeTaskDocument,
  CommandActivateOperationDocument,
  CommandAdvancePhaseDocument,
  CommandAgencyWorkDocument,
  CommandAllocateResourceDocument,
  CommandCompleteTaskDocument,
  CommandFileSituationReportDocument,
  CommandIncidentOperationDocument,
  CommandIssueDirectiveDocument,
  CommandOperationDocument,
  CommandReleaseResourceDocument,
  CommandStandDownDocument,
  CommandStartTaskDocument,
} from '../../../__generated__/graphql';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';
import { playbookId } from '../seeds/playbooks';
import { ok } from '../../../test/support/graphql';
import { agency, openLandslide, staffTokens } from './helpers';

/** Process 3 of DESIGN.md end to end through the gateway: every step authorised, versioned, logged and announced. */
describe('an emergency operation', () => {
  let hub: Hub;
  let gql: string;
  let staff: Record<string, string>;

  beforeAll(async () => {
    hub = await startHub();
    gql = hub.gatewayUrl;
    staff = await staffTokens(hub, ['PCCC-BP', 'BCHQS-BP', 'SCT-BP']);
  });
  afterAll(() => hub.stop());

  it('runs from activation through phases, tasks, directives, resources and a situation report to stand-down, logging every step', async () => {
    const { tokens } = hub;
    const incident = await openLandslide(hub);

    // The operator activates the flood and landslide playbook: its first phase's tasks go to the agencies.
    const activated = ok(
      await execute(
        gql,
        CommandActivateOperationDocument,
        { input: { incidentId: incident.id, playbookId: playbookId('FLOOD_SONG_BE') } },
        { token: tokens.OPERATOR },
      ),
    ).activateOperation;
    expect(activated).toMatchObject({
      state: 'ACTIVE',
      exercise: false,
      phase: { code: 'ALERT' },
      incident: { id: incident.id, code: incident.code },
      playbook: { code: 'FLOOD_SONG_BE' },
    });
    expect(activated.code).toMatch(/^CH-2026-\d{4}$/);
    // The local people's committee is the nearest above the ward: Phước Long town's.
    expect(activated.tasks.map((t) => `${t.templateCode}:${t.agency?.code}:${t.state}`)).toEqual([
      'ALERT-1:SNNMT-BP:OPEN',
      'ALERT-2:STTTT-BP:OPEN',
      'ALERT-3:UBND-PL:OPEN',
      'ALERT-4:SXD-BP:OPEN',
    ]);
    expect(activated.tasks[3].dueAt).toBe('2026-11-23T04:00:00.000Z');
    const operationId = activated.id;
    // The incident, from the incidents subgraph, shows its operation from this one.
    expect(
      ok(await execute(gql, CommandIncidentOperationDocument, { id: incident.id }, { token: tokens.LEADER })).incident!.operation,
    ).toMatchObject({ code: activated.code, state: 'ACTIVE' });
    expect(
      codes(
        await execute(
          gql,
          CommandActivateOperationDocument,
          { input: { incidentId: incident.id, playbookId: playbookId('STORM_TROPICAL') } },
          { token: tokens.LEADER },
        ),
      ),
    ).toEqual(['CONFLICT']);

    // The construction department sees its task, works it through; another agency can do neither.
    hub.clock.advance(10);
    const sxdWork = ok(await execute(gql, CommandAgencyWorkDocument, { code: 'SXD-BP' }, { token: tokens.AGENCY_STAFF })).agencyByCode!;
    expect(sxdWork.openTasks?.map((t) => t.id)).toEqual([activated.tasks[3].id]);
    // Another agency's staff: each of the agency's command fields is refused (and null), the directory's part stands.
    const otherWork = await execute(gql, CommandAgencyWorkDocument, { code: 'SXD-BP' }, { token: staff['PCCC-BP'] });
    expect(new Set(codes(otherWork))).toEqual(new Set(['FORBIDDEN']));
    expect(otherWork.data?.agencyByCode).toMatchObject({ openTasks: null, unacknowledgedDirectives: null });
    const task = activated.tasks[3];
    expect(
      codes(
        await execute(
          gql,
          CommandAcknowledgeTaskDocument,
          { taskId: task.id, input: { expectedVersion: task.version } },
          { token: staff['PCCC-BP'] },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const acknowledged = ok(
      await execute(
        gql,
        CommandAcknowledgeTaskDocument,
        { taskId: task.id, input: { expectedVersion: task.version } },
        { token: tokens.AGENCY_STAFF },
      ),
    ).acknowledgeTask;
    expect(acknowledged.state).toBe('ACKNOWLEDGED');
    expect(
      codes(
        await execute(
          gql,
          CommandStartTaskDocument,
          { taskId: task.id, input: { expectedVersion: task.version } },
          { token: tokens.AGENCY_STAFF },
        ),
      ),
    ).toEqual(['CONFLICT']);
    const started = ok(
      await execute(
        gql,
        CommandStartTaskDocument,
        { taskId: task.id, input: { expectedVersion: acknowledged.version } },
        { token: tokens.AGENCY_STAFF },
      ),
    ).startTask;
    const done = ok(
      await execute(
        gql,
        CommandCompleteTaskDocument,
        {
          taskId: task.id,
          input: { expectedVersion: started.version, note: 'Trường THCS Thác Mơ an toàn, dùng làm điểm sơ tán 300 người' },
        },
        { token: tokens.AGENCY_STAFF },
      ),
    ).completeTask;
    expect(done).toMatchObject({ state: 'DONE', note: 'Trường THCS Thác Mơ an toàn, dùng làm điểm sơ tán 300 người' });

    // The leader directs; each addressee acknowledges its own part, once; others cannot.
    const text = 'Sơ tán ngay 12 hộ dân khu vực taluy hồ Thác Mơ trước 17 giờ; kiểm tra an toàn điểm sơ tán';
    const directiveInput = { text, agencyIds: [agency('SXD-BP'), agency('BCHQS-BP')], deadline: '2026-11-23T10:00:00.000Z' };
    expect(
      codes(await execute(gql, CommandIssueDirectiveDocument, { operationId, input: directiveInput }, { token: tokens.OPERATOR })),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await execute(gql, CommandIssueDirectiveDocument, { operationId, input: { text } }, { token: tokens.LEADER }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const directive = ok(
      await execute(gql, CommandIssueDirectiveDocument, { operationId, input: directiveInput }, { token: tokens.LEADER }),
    ).issueDirective;
    expect(directive.addressees.map((a) => `${a.agency?.code}:${a.state}`)).toEqual(['SXD-BP:PENDING', 'BCHQS-BP:PENDING']);
    expect(
      ok(
        await execute(gql, CommandAgencyWorkDocument, { code: 'SXD-BP' }, { token: tokens.AGENCY_STAFF }),
      ).agencyByCode!.unacknowledgedDirectives?.map((d) => d.text),
    ).toEqual([text]);
    expect(
      codes(await execute(gql, CommandAcknowledgeDirectiveDocument, { directiveId: directive.id }, { token: staff['PCCC-BP'] })),
    ).toEqual(['FORBIDDEN']);
    const ack = ok(
      await execute(
        gql,
        CommandAcknowledgeDirectiveDocument,
        { directiveId: directive.id, input: { note: 'Đã nhận, triển khai ngay' } },
        { token: tokens.AGENCY_STAFF },
      ),
    ).acknowledgeDirective;
    expect(ack.acknowledged).toBe(false);
    expect(ack.addressees[0]).toMatchObject({
      state: 'ACKNOWLEDGED',
      acknowledgedBy: 'demo-agency',
      acknowledgedAt: '2026-11-23T01:10:00.000Z',
      agency: { code: 'SXD-BP' },
    });
    expect(ack.addressees[1].state).toBe('PENDING');
    expect(
      codes(await execute(gql, CommandAcknowledgeDirectiveDocument, { directiveId: directive.id }, { token: tokens.AGENCY_STAFF })),
    ).toEqual(['CONFLICT']);
    expect(
      ok(await execute(gql, CommandAgencyWorkDocument, { code: 'SXD-BP' }, { token: tokens.AGENCY_STAFF })).agencyByCode!
        .unacknowledgedDirectives,
    ).toEqual([]);

    // The spillway opens: the operation moves to the response phase, whose tasks go out.
    hub.clock.advance(50);
    expect(
      codes(
        await execute(
          gql,
          CommandAdvancePhaseDocument,
          { operationId, input: { expectedVersion: activated.version + 1 } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['CONFLICT']);
    const responding = ok(
      await execute(
        gql,
        CommandAdvancePhaseDocument,
        { operationId, input: { expectedVersion: activated.version, note: 'Thủy điện Thác Mơ xả lũ 1.200 m³/s' } },
        { token: tokens.OPERATOR },
      ),
    ).advancePhase;
    expect(responding.phase.code).toBe('RESPONSE');
    expect(responding.tasks.filter((t) => t.phase === 'RESPONSE').map((t) => t.agency?.code)).toEqual([
      'BCHQS-BP',
      'PCCC-BP',
      'CA-BP',
      'CC115-BP',
      'UBND-PL',
      'PC-BP',
    ]);

    // Resources: the center allocates and releases; a resource is released once.
    const boats = ok(
      await execute(
        gql,
        CommandAllocateResourceDocument,
        {
          operationId,
          input: {
            kind: 'BOAT',
            quantity: 6,
            description: '6 xuồng máy của BCHQS tỉnh tại bến Thác Mơ',
            agencyId: agency('BCHQS-BP'),
            location: { latitude: 11.846, longitude: 107.001 },
          },
        },
        { token: tokens.OPERATOR },
      ),
    ).allocateResource;
    expect(boats).toMatchObject({
      kind: 'BOAT',
      quantity: 6,
      state: 'ALLOCATED',
      agency: { code: 'BCHQS-BP' },
      location: { latitude: 11.846, longitude: 107.001 },
    });
    expect(
      codes(
        await execute(
          gql,
          CommandAllocateResourceDocument,
          { operationId, input: { kind: 'TENT', quantity: 0, description: 'Lều bạt' } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await execute(
          gql,
          CommandAllocateResourceDocument,
          { operationId, input: { kind: 'TENT', quantity: 20, description: 'Lều bạt' } },
          { token: tokens.AGENCY_STAFF },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const shelters = ok(
      await execute(
        gql,
        CommandAllocateResourceDocument,
        { operationId, input: { kind: 'SHELTER', quantity: 2, description: 'Trường THCS Thác Mơ, nhà văn hóa khu phố 3' } },
        { token: tokens.OPERATOR },
      ),
    ).allocateResource;
    expect(
      ok(
        await execute(
          gql,
          CommandReleaseResourceDocument,
          { resourceId: boats.id, input: { note: 'Nước rút, xuồng về đơn vị' } },
          { token: tokens.OPERATOR },
        ),
      ).releaseResource,
    ).toMatchObject({ state: 'RELEASED', releasedBy: 'demo-operator' });
    expect(codes(await execute(gql, CommandReleaseResourceDocument, { resourceId: boats.id }, { token: tokens.OPERATOR }))).toEqual([
      'CONFLICT',
    ]);

    // A situation report, from an agency with a task; an agency without one may not file.
    const sitrep = { summary: 'Đã sơ tán 12 hộ, 47 người đến trường THCS Thác Mơ; chưa có thiệt hại về người', evacuated: 47, deaths: 0 };
    expect(
      codes(await execute(gql, CommandFileSituationReportDocument, { operationId, input: sitrep }, { token: staff['SCT-BP'] })),
    ).toEqual(['FORBIDDEN']);
    expect(
      ok(await execute(gql, CommandFileSituationReportDocument, { operationId, input: sitrep }, { token: tokens.AGENCY_STAFF }))
        .fileSituationReport,
    ).toMatchObject({ evacuated: 47, deaths: 0, filedBy: 'demo-agency', agency: { code: 'SXD-BP' } });
    const during = ok(await execute(gql, CommandOperationDocument, { id: operationId }, { token: tokens.LEADER })).operation!;
    expect(during.resourceNeeds.find((n) => n.kind === 'SHELTER')).toEqual({ kind: 'SHELTER', required: 8, allocated: 2, shortfall: 6 });
    expect(during.resourceNeeds.find((n) => n.kind === 'BOAT')).toEqual({ kind: 'BOAT', required: 12, allocated: 0, shortfall: 12 });

    // Stand-down: the leader only, at the current version; open tasks cancelled, resources released.
    hub.clock.advance(24 * 60);
    const summary = 'Sơ tán an toàn 47 người, không thiệt hại về người; taluy đã được gia cố tạm';
    expect(
      codes(
        await execute(
          gql,
          CommandStandDownDocument,
          { operationId, input: { expectedVersion: responding.version, afterActionSummary: summary } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await execute(
          gql,
          CommandStandDownDocument,
          { operationId, input: { expectedVersion: activated.version, afterActionSummary: summary } },
          { token: tokens.LEADER },
        ),
      ),
    ).toEqual(['CONFLICT']);
    const stood = ok(
      await execute(
        gql,
        CommandStandDownDocument,
        { operationId, input: { expectedVersion: responding.version, afterActionSummary: summary } },
        { token: tokens.LEADER },
      ),
    ).standDownOperation;
    expect(stood).toMatchObject({ state: 'STOOD_DOWN', afterActionSummary: summary, stoodDownAt: '2026-11-24T02:00:00.000Z' });
    expect(stood.tasks.map((t) => t.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'DONE', ...Array(6).fill('CANCELLED')]);
    expect(stood.resources).toEqual([
      { id: boats.id, state: 'RELEASED' },
      { id: shelters.id, state: 'RELEASED' },
    ]);
    // Nothing more happens in it; the pending directive no longer waits on anyone.
    expect(
      codes(await execute(gql, CommandAcknowledgeDirectiveDocument, { directiveId: directive.id }, { token: staff['BCHQS-BP'] })),
    ).toEqual(['CONFLICT']);
    expect(
      codes(
        await execute(
          gql,
          CommandAllocateResourceDocument,
          { operationId, input: { kind: 'TENT', quantity: 20, description: 'Lều bạt' } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['CONFLICT']);
    expect(
      ok(await execute(gql, CommandAgencyWorkDocument, { code: 'BCHQS-BP' }, { token: staff['BCHQS-BP'] })).agencyByCode,
    ).toMatchObject({ openTasks: [], unacknowledgedDirectives: [] });

    // The running log holds every step, in order, with who took it; refused steps left nothing.
    const log = ok(await execute(gql, CommandOperationDocument, { id: operationId }, { token: tokens.LEADER })).operation!.log;
    expect(log.map((e) => `${e.action}:${e.fromState ?? ''}>${e.toState ?? ''}`)).toEqual([
      'activateOperation:>ACTIVE',
      'acknowledgeTask:OPEN>ACKNOWLEDGED',
      'startTask:ACKNOWLEDGED>IN_PROGRESS',
      'completeTask:IN_PROGRESS>DONE',
      'issueDirective:>',
      'acknowledgeDirective:PENDING>ACKNOWLEDGED',
      'advancePhase:ALERT>RESPONSE',
      'allocateResource:>ALLOCATED',
      'allocateResource:>ALLOCATED',
      'releaseResource:ALLOCATED>RELEASED',
      'fileSituationReport:>',
      'standDownOperation:ACTIVE>STOOD_DOWN',
      ...Array(9).fill('cancelTask:OPEN>CANCELLED'),
      'releaseResource:ALLOCATED>RELEASED',
    ]);
    expect(log.map((e) => e.actor).slice(0, 7)).toEqual([
      'demo-operator',
      'demo-agency',
      'demo-agency',
      'demo-agency',
      'demo-leader',
      'demo-agency',
      'demo-operator',
    ]);
    expect(log[1].actorAgency).toEqual({ code: 'SXD-BP' });
    expect(log[4].note).toBe(text);

    // Each step went to the outbox in its transaction, announced to the agencies concerned.
    const events = await hub.command.orm.em.fork().find(OutboxEvent, { entityKey: operationId }, { orderBy: { seq: 'ASC' } });
    expect(events.map((e) => e.type)).toEqual([
      'operation.activated',
      'task.acknowledged',
      'task.started',
      'task.done',
      'directive.issued',
      'directive.acknowledged',
      'operation.phaseChanged',
      'resource.allocated',
      'resource.allocated',
      'resource.released',
      'sitrep.filed',
      'operation.stoodDown',
      ...Array(9).fill('task.cancelled'),
      'resource.released',
    ]);
    expect(events[1].audience.agencyIds).toEqual([agency('SXD-BP')]);
    expect(events[4].audience.agencyIds.sort()).toEqual([agency('SXD-BP'), agency('BCHQS-BP')].sort());
    expect(events[0].audience.agencyIds.sort()).toEqual(['SNNMT-BP', 'STTTT-BP', 'UBND-PL', 'SXD-BP'].map(agency).sort());
  });
});
