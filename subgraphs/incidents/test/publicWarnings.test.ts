import { busSettled } from '../../../test/support/settled';
import { demoId } from '@ioc-graph/directory';
import { buildIncidentsSchema, categoryId } from '@ioc-graph/incidents';
import { localDateTimeWithOffset, readCacheHints, Role } from '@ioc-graph/platform';
import {
  CancelPublicWarningDocument,
  DismissAlertDocument,
  IssuePublicWarningDocument,
  PublicWarningDocument,
  PublicWarningMessageDocument,
  PublicWarningsDocument,
  ReportAlertDocument,
  UpdatePublicWarningDocument,
  VerifyAlertDocument,
  WarningAlertTimelineDocument,
  type IssuePublicWarningInput,
  type PublicWarningInput,
  type PublicWarningState,
} from '../../../__generated__/graphql';
import { ok } from '../../../test/support/graphql';
import { codes, execute, startHub, type GraphQLResponse, type Hub } from '../../../test/support/hub';

const HOUR_MS = 3_600_000;
const tanPhu = demoId('unit', 'BP-689-TANPHU');
const problemFields = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).flatMap((e) => ((e.extensions?.problems ?? []) as { field: string }[]).map((p) => p.field));

/**
 * Public warnings (CAP 1.2): the center issues, updates and cancels them on verified alerts; everyone
 * reads them without a token. Each step is one CAP message that references the earlier ones.
 */
describe('public warnings', () => {
  let hub: Hub;
  let gql: string;
  let seq = 0;

  beforeAll(async () => {
    // Without the gateway's response cache, every read reaches the subgraph: the statements are counted.
    hub = await startHub({ RESPONSE_CACHE: 'false' });
    gql = hub.gatewayUrl;
  });
  afterAll(() => hub?.stop());

  const sql = <T>(query: string, params: unknown[] = []) => hub.incidents.orm.em.fork().getConnection().execute<T[]>(query, params);
  const rows = async () =>
    Number(
      (
        await sql<{ n: string }>(
          'select (select count(*) from incidents.public_warning) + (select count(*) from incidents.public_warning_message) as n',
        )
      )[0].n,
    );

  /** A reported alert, verified (or dismissed, or left NEW) by an operator. */
  async function alert(step: 'verify' | 'dismiss' | 'none' = 'verify', status: 'ACTUAL' | 'EXERCISE' = 'ACTUAL') {
    const { reportAlert } = ok(
      await execute(
        gql,
        ReportAlertDocument,
        {
          input: {
            sourceSystem: 'water-level-gauge',
            sourceRef: `gauge-be-river-${++seq}`,
            categoryId: categoryId('EMG_WATER_LEVEL_ALARM'),
            headline: 'Mực nước sông Bé vượt báo động III',
            occurredAt: '2026-11-23T00:30:00Z',
            unitId: tanPhu,
            status,
          },
        },
        { token: hub.tokens.SYSTEM },
      ),
    );
    const token = hub.tokens.OPERATOR;
    if (step === 'verify')
      ok(await execute(gql, VerifyAlertDocument, { id: reportAlert.id, input: { expectedVersion: reportAlert.version } }, { token }));
    if (step === 'dismiss')
      ok(
        await execute(
          gql,
          DismissAlertDocument,
          { id: reportAlert.id, input: { expectedVersion: reportAlert.version, reason: 'Cảm biến lỗi' } },
          { token },
        ),
      );
    return reportAlert.id;
  }

  const content = (over: Partial<PublicWarningInput> = {}): PublicWarningInput => ({
    eventVi: 'Lũ',
    eventEn: 'Flood',
    urgency: 'IMMEDIATE',
    responseType: 'EVACUATE',
    headlineVi: 'Mực nước sông Bé vượt báo động III',
    headlineEn: 'Be River above alarm level III',
    descriptionVi: 'Mực nước tại trạm Phước Hòa lên 40,5 m và còn lên.',
    descriptionEn: 'Water at Phuoc Hoa station at 40.5 m and rising.',
    instructionVi: 'Di chuyển người và tài sản lên vùng cao.',
    instructionEn: 'Move people and belongings to higher ground.',
    expires: new Date(hub.clock.now().getTime() + 24 * HOUR_MS).toISOString(),
    areaDescVi: 'Phường Tân Phú',
    areaDescEn: 'Tan Phu Ward',
    unitIds: [tanPhu],
    circle: { latitude: 11.538, longitude: 106.896, radiusKm: 5 },
    polygon: [
      { latitude: 11.5, longitude: 106.8 },
      { latitude: 11.6, longitude: 106.8 },
      { latitude: 11.6, longitude: 106.9 },
      { latitude: 11.5, longitude: 106.8 },
    ],
    ...over,
  });
  /** Issues as an operator, or with another token; `null`: as the public, without one. */
  const issue = (input: IssuePublicWarningInput, token: string | null = hub.tokens.OPERATOR) =>
    execute(gql, IssuePublicWarningDocument, { input }, { token: token ?? undefined });
  const list = (state?: PublicWarningState, first = 20, token?: string) =>
    execute(gql, PublicWarningsDocument, { state, first }, { token });

  it('issues, updates and cancels a warning: Alert → Update → Cancel, each referencing every earlier message', async () => {
    const alertId = await alert();
    const issued = ok(await issue({ alertId, ...content() })).issuePublicWarning;
    expect(issued).toMatchObject({ alertId, state: 'ACTIVE', version: 1 });
    // From the alert unless given: severity and certainty; the category from the sector (emergency: Rescue).
    expect(issued.content).toMatchObject({ category: 'RESCUE', urgency: 'IMMEDIATE', status: 'ACTUAL', responseType: 'EVACUATE' });
    expect(issued.content.units).toEqual([
      expect.objectContaining({ id: tanPhu, code: expect.any(String), nameVi: expect.stringContaining('Tân Phú') }),
    ]);
    const [first] = issued.messages;
    expect(issued.messages).toHaveLength(1);
    expect(first).toMatchObject({
      sequence: 1,
      msgType: 'ALERT',
      references: null,
      sender: 'ioc@binhphuoc.gov.vn',
      identifier: `urn:ioc-graph:70:warning:${issued.id}:1`,
      warningId: issued.id,
    });

    const updated = ok(
      await execute(
        gql,
        UpdatePublicWarningDocument,
        {
          id: issued.id,
          expectedVersion: issued.version,
          input: content({ headlineEn: 'Be River still rising', severity: 'EXTREME', category: 'MET' }),
        },
        { token: hub.tokens.LEADER },
      ),
    ).updatePublicWarning;
    expect(updated.version).toBeGreaterThan(issued.version);
    expect(updated.content).toMatchObject({ headlineEn: 'Be River still rising', severity: 'EXTREME', category: 'MET' });
    const referenceOf = (m: { sender: string; identifier: string; sent: string }) =>
      `${m.sender},${m.identifier},${localDateTimeWithOffset(new Date(m.sent))}`;
    expect(updated.messages.map((m) => m.msgType)).toEqual(['ALERT', 'UPDATE']);
    expect(updated.messages[1].references).toBe(referenceOf(first));
    expect(updated.messages[1].references).toMatch(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);

    const cancelled = ok(
      await execute(
        gql,
        CancelPublicWarningDocument,
        { id: issued.id, expectedVersion: updated.version, note: 'Nước đã rút' },
        { token: hub.tokens.OPERATOR },
      ),
    ).cancelPublicWarning;
    expect(cancelled.state).toBe('CANCELLED');
    expect(cancelled.messages.map((m) => [m.sequence, m.msgType])).toEqual([
      [1, 'ALERT'],
      [2, 'UPDATE'],
      [3, 'CANCEL'],
    ]);
    expect(cancelled.messages[2]).toMatchObject({
      note: 'Nước đã rút',
      references: `${referenceOf(first)} ${referenceOf(updated.messages[1])}`,
    });

    // Each message keeps what the warning said when it was sent.
    const old = ok(await execute(gql, PublicWarningMessageDocument, { identifier: first.identifier })).publicWarningMessage!;
    expect(old).toEqual(first);
    expect(old.content.headlineEn).toBe('Be River above alarm level III');

    // A step each on the alert's timeline, and an event each for caches and subscribers.
    const timeline = ok(await execute(gql, WarningAlertTimelineDocument, { id: alertId }, { token: hub.tokens.OPERATOR })).alert!.timeline;
    expect(timeline.filter((t) => t.action.startsWith('warning')).map((t) => [t.action, t.fromState, t.toState])).toEqual([
      ['warning issued', null, 'ACTIVE'],
      ['warning updated', 'ACTIVE', 'ACTIVE'],
      ['warning cancelled', 'ACTIVE', 'CANCELLED'],
    ]);
    const events = await sql<{ type: string; payload: { msgType: string; identifier: string }; audience: { public: boolean } }>(
      'select type, payload, audience from incidents.outbox_event where entity_key = ? order by seq',
      [issued.id],
    );
    expect(events.map((e) => [e.type, e.payload.msgType, e.payload.identifier, e.audience.public])).toEqual(
      cancelled.messages.map((m, i) => [
        ['publicWarning.issued', 'publicWarning.updated', 'publicWarning.cancelled'][i],
        m.msgType[0] + m.msgType.slice(1).toLowerCase(),
        m.identifier,
        true,
      ]),
    );

    // Cancelled: no longer among the active ones; listed as cancelled.
    expect(ok(await list('ACTIVE')).publicWarnings.edges.map((e) => e.node.id)).not.toContain(issued.id);
    expect(ok(await list('CANCELLED')).publicWarnings.edges.map((e) => e.node.id)).toContain(issued.id);
  });

  it('marks a drill’s warning as an exercise', async () => {
    const warning = ok(await issue({ alertId: await alert('verify', 'EXERCISE'), ...content() })).issuePublicWarning;
    expect(warning.content.status).toBe('EXERCISE');
    expect(warning.messages[0].content.status).toBe('EXERCISE');
  });

  it('issues only on a verified alert, once while it is active: NEW and DISMISSED alerts are CONFLICT, nothing written', async () => {
    const before = await rows();
    for (const step of ['dismiss', 'none'] as const)
      expect(codes(await issue({ alertId: await alert(step), ...content() }))).toEqual(['CONFLICT']);
    expect(codes(await issue({ alertId: '00000000-0000-4000-8000-00000000000a', ...content() }))).toEqual(['NOT_FOUND']);
    expect(await rows()).toBe(before);

    const alertId = await alert();
    ok(await issue({ alertId, ...content() }));
    expect(codes(await issue({ alertId, ...content() }))).toEqual(['CONFLICT']);
  });

  it('refuses a stale version and steps on a cancelled or expired warning with CONFLICT', async () => {
    const warning = ok(await issue({ alertId: await alert(), ...content() })).issuePublicWarning;
    const token = hub.tokens.OPERATOR;
    const update = (expectedVersion: number, id = warning.id) =>
      execute(gql, UpdatePublicWarningDocument, { id, expectedVersion, input: content() }, { token });
    const before = await rows();
    expect(codes(await update(warning.version + 1))).toEqual(['CONFLICT']);
    expect(codes(await execute(gql, CancelPublicWarningDocument, { id: warning.id, expectedVersion: 0 }, { token }))).toEqual(['CONFLICT']);
    expect(await rows()).toBe(before);

    const cancelled = ok(
      await execute(gql, CancelPublicWarningDocument, { id: warning.id, expectedVersion: warning.version }, { token }),
    ).cancelPublicWarning;
    expect(codes(await update(cancelled.version))).toEqual(['CONFLICT']);

    // Expired by time: read as EXPIRED, takes no step; a new warning may then be issued on its alert.
    const alertId = await alert();
    const short = ok(
      await issue({ alertId, ...content({ expires: new Date(hub.clock.now().getTime() + HOUR_MS).toISOString() }) }),
    ).issuePublicWarning;
    hub.clock.advance(61);
    try {
      expect(ok(await execute(gql, PublicWarningDocument, { id: short.id })).publicWarning!.state).toBe('EXPIRED');
      expect(ok(await list('EXPIRED')).publicWarnings.edges.map((e) => e.node.id)).toContain(short.id);
      expect(ok(await list()).publicWarnings.edges.map((e) => e.node.id)).not.toContain(short.id);
      expect(codes(await update(short.version, short.id))).toEqual(['CONFLICT']);
      const again = ok(await issue({ alertId, ...content() })).issuePublicWarning;
      expect(again.state).toBe('ACTIVE');
      expect(ok(await execute(gql, PublicWarningDocument, { id: short.id })).publicWarning!.state).toBe('EXPIRED');
    } finally {
      hub.clock.advance(-61);
    }
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const alertId = await alert();
    const now = hub.clock.now().getTime();
    const ring = content().polygon!;
    const cases: [Partial<PublicWarningInput>, string][] = [
      [{ headlineVi: 'x'.repeat(161) }, 'headlineVi'],
      [{ headlineEn: '   ' }, 'headlineEn'],
      [{ descriptionEn: 'x'.repeat(2001) }, 'descriptionEn'],
      [{ instructionVi: 'x'.repeat(2001) }, 'instructionVi'],
      [{ expires: new Date(now - 60_000).toISOString() }, 'expires'],
      [{ expires: new Date(now + 7 * 24 * HOUR_MS + 60_000).toISOString() }, 'expires'],
      [{ onset: new Date(now + 48 * HOUR_MS).toISOString() }, 'onset'],
      [{ unitIds: [] }, 'unitIds'],
      [{ unitIds: Array.from({ length: 51 }, () => tanPhu) }, 'unitIds'],
      [{ unitIds: [tanPhu, tanPhu] }, 'unitIds'],
      [{ unitIds: ['00000000-0000-4000-8000-000000000000'] }, 'unitIds'],
      [{ circle: { latitude: 11.5, longitude: 106.9, radiusKm: 201 } }, 'circle.radiusKm'],
      [{ circle: { latitude: 91, longitude: 106.9, radiusKm: 5 } }, 'circle.latitude'],
      [{ polygon: ring.slice(0, 3) }, 'polygon'],
      [{ polygon: [...ring.slice(0, 3), { latitude: 11.55, longitude: 106.85 }] }, 'polygon'],
      [{ polygon: [{ latitude: 11.5, longitude: 181 }, ...ring.slice(1, 3), { latitude: 11.5, longitude: 181 }] }, 'polygon.0.longitude'],
      [
        {
          polygon: Array.from({ length: 501 }, (_, i) =>
            i === 0 || i === 500 ? ring[0] : { latitude: 11.5 + i / 10_000, longitude: 106.8 },
          ),
        },
        'polygon',
      ],
    ];
    const before = await rows();
    for (const [over, field] of cases) {
      const response = await issue({ alertId, ...content(over) });
      expect({ field, codes: codes(response) }).toEqual({ field, codes: ['BAD_USER_INPUT'] });
      expect(problemFields(response)).toContain(field);
    }
    const warning = ok(await issue({ alertId, ...content() })).issuePublicWarning;
    const after = await rows();
    const token = hub.tokens.OPERATOR;
    const badUpdate = await execute(
      gql,
      UpdatePublicWarningDocument,
      { id: warning.id, expectedVersion: warning.version, input: content({ headlineVi: '' }) },
      { token },
    );
    expect(codes(badUpdate)).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await execute(
          gql,
          CancelPublicWarningDocument,
          { id: warning.id, expectedVersion: warning.version, note: 'x'.repeat(1001) },
          { token },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(codes(await execute(gql, PublicWarningMessageDocument, { identifier: 'x'.repeat(201) }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await execute(gql, PublicWarningDocument, { id: 'not-a-uuid' }))).toEqual(['BAD_USER_INPUT']);
    expect(after - before).toBe(2);
    expect(await rows()).toBe(after);
  });

  it('lets only leaders and operators write, and everyone read without a token', async () => {
    const alertId = await alert();
    const before = await rows();
    const writers: Record<string, string[]> = {};
    for (const role of [Role.AGENCY_STAFF, Role.FIELD_OFFICER, Role.PARTNER, Role.SYSTEM])
      writers[role] = codes(await issue({ alertId, ...content() }, hub.tokens[role])) as string[];
    writers.public = codes(await issue({ alertId, ...content() }, null)) as string[];
    expect(writers).toEqual({
      AGENCY_STAFF: ['FORBIDDEN'],
      FIELD_OFFICER: ['FORBIDDEN'],
      PARTNER: ['FORBIDDEN'],
      SYSTEM: ['FORBIDDEN'],
      public: ['UNAUTHENTICATED'],
    });
    expect(await rows()).toBe(before);

    const warning = ok(await issue({ alertId, ...content() }, hub.tokens.LEADER)).issuePublicWarning;
    for (const role of [Role.AGENCY_STAFF, Role.FIELD_OFFICER, Role.PARTNER, Role.SYSTEM]) {
      const token = hub.tokens[role];
      expect(
        codes(
          await execute(
            gql,
            UpdatePublicWarningDocument,
            { id: warning.id, expectedVersion: warning.version, input: content() },
            { token },
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(await execute(gql, CancelPublicWarningDocument, { id: warning.id, expectedVersion: warning.version }, { token })),
      ).toEqual(['FORBIDDEN']);
    }
    expect(codes(await execute(gql, CancelPublicWarningDocument, { id: warning.id, expectedVersion: warning.version }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    // The leader's warning and its Alert message; the refused steps wrote nothing.
    expect(await rows()).toBe(before + 2);

    for (const token of [undefined, ...Object.values(Role).map((role) => hub.tokens[role])]) {
      const page = ok(await list('ACTIVE', 20, token)).publicWarnings;
      expect(page.edges.map((e) => e.node.id)).toContain(warning.id);
      const one = ok(await execute(gql, PublicWarningDocument, { id: warning.id }, { token })).publicWarning!;
      expect(one.version).toBe(warning.version);
      const message = ok(
        await execute(gql, PublicWarningMessageDocument, { identifier: one.messages[0].identifier }, { token }),
      ).publicWarningMessage;
      expect(message?.warningId).toBe(warning.id);
    }
  });

  it('never shows the alert’s reporter: a warning has its own fields and the alert’s id only', async () => {
    const schema = await buildIncidentsSchema();
    const fields = Object.keys((schema.getType('PublicWarning') as import('graphql').GraphQLObjectType).getFields()).sort();
    expect(fields).toEqual(['alertId', 'changedAt', 'content', 'expires', 'id', 'issuedAt', 'messages', 'state', 'version']);
    const { rootFields } = readCacheHints(schema);
    expect([rootFields.get('publicWarnings'), rootFields.get('publicWarning'), rootFields.get('publicWarningMessage')]).toEqual([
      30, 30, 30,
    ]);
  });

  it('loads the messages of a page of warnings in one statement, however many warnings', async () => {
    for (let i = 0; i < 4; i++) ok(await issue({ alertId: await alert(), ...content() }));
    // What the issues set going (events relayed and consumed) is not what a read costs.
    await busSettled(hub.databaseUrl);
    const statementsFor = async (first: number) => {
      hub.resetStatements();
      const page = ok(await list('ACTIVE', first)).publicWarnings;
      expect(page.edges.length).toBe(first);
      return hub.incidentStatements.length;
    };
    await statementsFor(1); // the first read of a statement prepares it
    const few = await statementsFor(2);
    const more = await statementsFor(5);
    expect(more).toBe(few);
    expect(more).toBeLessThanOrEqual(3);
  });
});
