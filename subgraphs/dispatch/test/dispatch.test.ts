import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { Role } from '@ioc-graph/platform';
import {
  AssignAgencyDocument,
  DispatchAcceptDocument,
  DispatchCancelDocument,
  DispatchClearDocument,
  DispatchEnRouteDocument,
  DispatchFieldUnitDocument,
  DispatchIncidentDocument,
  DispatchMyAssignmentDocument,
  DispatchNoteDocument,
  DispatchOnSceneDocument,
  DispatchPositionsDocument,
  DispatchRecommendDocument,
  DispatchStatsDocument,
  DispatchUnitDocument,
  DispatchWatchDocument,
  OpenIncidentDocument,
  ReportAlertDocument,
  VerifyAlertDocument,
} from '../../../__generated__/graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';
import { person } from '../../../test/support/identities';
import { Subscriber } from '../../../test/support/subscriber';

describe('immediate handling: dispatching field units', () => {
  let hub: Hub;
  let gql: string;
  let crew2Token: string;
  let seq = 0;
  const truck1 = demoId('fieldUnit', 'FU-PCCC-01');
  const truck2 = demoId('fieldUnit', 'FU-PCCC-02');
  const tanBinh = demoId('unit', 'BP-689-TANBINH');
  const scene = { latitude: 11.5302, longitude: 106.8881 };

  /** A fire reported by the fire alarm system and verified by an operator: an IMMEDIATE incident. */
  const fire = async (headline: string) => {
    const reported = await execute(
      gql,
      ReportAlertDocument,
      {
        input: {
          sourceSystem: 'fire-alarm-114',
          sourceRef: `fire-${++seq}`,
          categoryId: categoryId('EMG_FIRE'),
          headline,
          occurredAt: hub.clock.now().toISOString(),
          location: scene,
          unitId: tanBinh,
        },
      },
      { token: hub.tokens.SYSTEM },
    );
    const alert = reported.data!.reportAlert;
    const incident = (
      await execute(gql, VerifyAlertDocument, { id: alert.id, input: { expectedVersion: alert.version } }, { token: hub.tokens.OPERATOR })
    ).data!.verifyAlert;
    // The competent authority: the fire police, whose units are dispatched and whose crews then read it.
    await execute(
      gql,
      AssignAgencyDocument,
      { id: incident.id, input: { expectedVersion: incident.version, agencyId: demoId('agency', 'PCCC-BP') } },
      { token: hub.tokens.OPERATOR },
    );
    return incident;
  };

  beforeAll(async () => {
    hub = await startHub();
    gql = hub.gatewayUrl;
    crew2Token = await hub.tokenFor(
      person('crew-pccc-02', Role.FIELD_OFFICER, { agencyId: demoId('agency', 'PCCC-BP'), fieldUnitId: truck2 }),
    );
  });
  afterAll(() => hub.stop());

  it('takes a fire from alert to dispatch to cleared, with every response time, and shows the unit’s status live', async () => {
    hub.clock.set('2026-11-23T14:00:00Z');
    const incident = await fire('Cháy nhà dân tại hẻm 12 đường Phú Riềng Đỏ');
    expect(incident.process).toBe('IMMEDIATE');

    const recommended = (await execute(gql, DispatchRecommendDocument, { incidentId: incident.id }, { token: hub.tokens.OPERATOR })).data!
      .recommendUnits;
    expect(recommended.length).toBeGreaterThan(0);
    expect(recommended[0].kind).toBe('FIRE_TRUCK');
    const trucks = recommended.filter((r) => r.kind === 'FIRE_TRUCK').map((r) => r.distanceKm);
    expect(trucks).toEqual([...trucks].sort((a, b) => a - b));
    expect(recommended[0].fieldUnit?.status).toBe('AVAILABLE');

    const watcher = new Subscriber(
      gql,
      DispatchWatchDocument,
      { after: String(hub.gateway.subscriptions.log.head), filter: { fieldUnitId: truck1 } },
      hub.tokens.OPERATOR,
    );
    try {
      hub.clock.advance(1);
      const dispatched = await execute(
        gql,
        DispatchUnitDocument,
        { input: { incidentId: incident.id, fieldUnitId: truck1, note: 'Xe 01 xuất phát ngay' } },
        { token: hub.tokens.OPERATOR },
      );
      expect(dispatched.errors).toBeUndefined();
      let assignment = dispatched.data!.dispatchUnit;
      const crew = hub.tokens.FIELD_OFFICER;
      expect((await execute(gql, DispatchMyAssignmentDocument, {}, { token: crew })).data!.myAssignment).toMatchObject({
        id: assignment.id,
        incidentTitle: 'Cháy nhà dân tại hẻm 12 đường Phú Riềng Đỏ',
        scene,
        incident: { code: incident.code },
      });
      const step = async (
        document: TypedDocumentNode<Record<string, typeof assignment>, { id: string; input: { expectedVersion: number } }>,
        minutes: number,
      ) => {
        hub.clock.advance(minutes);
        const response = await execute(
          gql,
          document,
          { id: assignment.id, input: { expectedVersion: assignment.version } },
          { token: crew },
        );
        expect(response.errors).toBeUndefined();
        assignment = Object.values(response.data!)[0] as typeof assignment;
      };
      await step(DispatchAcceptDocument, 0.5);
      await step(DispatchEnRouteDocument, 1.5);
      const positions = [0, 1, 2, 3].map((i) => ({
        latitude: 11.5372 - i * 0.0017,
        longitude: 106.8951 - i * 0.0017,
        at: new Date(hub.clock.now().getTime() + i * 60_000).toISOString(),
        speedKmh: 45,
      }));
      expect(
        (await execute(gql, DispatchPositionsDocument, { input: { fieldUnitId: truck1, positions } }, { token: crew })).data!
          .reportPositions,
      ).toBe(4);
      expect((await execute(gql, DispatchFieldUnitDocument, { id: truck1 }, { token: hub.tokens.OPERATOR })).data!.fieldUnit).toMatchObject(
        { status: 'EN_ROUTE', position: { latitude: positions[3].latitude, at: positions[3].at }, activeAssignment: { id: assignment.id } },
      );
      await step(DispatchOnSceneDocument, 8);
      const noted = await execute(
        gql,
        DispatchNoteDocument,
        { id: assignment.id, input: { note: 'Đám cháy đã khống chế', photoUrl: 'https://media.binhphuoc.gov.vn/hien-truong/chay-12.jpg' } },
        { token: crew },
      );
      expect(noted.data!.addAssignmentNote.log.at(-1)).toMatchObject({
        action: 'note',
        photoUrl: 'https://media.binhphuoc.gov.vn/hien-truong/chay-12.jpg',
      });
      await step(DispatchClearDocument, 30);
      expect(assignment.state).toBe('CLEARED');

      // Received 14:00, dispatched +1 min, accepted +30 s, en route +1.5 min, on scene +8 min, cleared +30 min.
      const view = (await execute(gql, DispatchIncidentDocument, { id: incident.id }, { token: hub.tokens.OPERATOR })).data!.incident!;
      expect(view.assignments?.[0].responseTimes).toEqual({
        callProcessingSeconds: 60,
        turnoutSeconds: 120,
        travelSeconds: 480,
        onSceneSeconds: 1800,
        responseSeconds: 660,
        totalSeconds: 2460,
      });
      expect(view.responseTimes).toEqual({ callProcessingSeconds: 60, responseSeconds: 660, totalSeconds: 2460 });
      expect(view.assignments?.[0].fieldUnit).toEqual({ code: 'FU-PCCC-01', agency: { code: 'PCCC-BP' } });
      expect(view.assignments?.[0].log.map((l) => l.action)).toEqual([
        'dispatchUnit',
        'acceptAssignment',
        'reportEnRoute',
        'reportOnScene',
        'note',
        'clearAssignment',
      ]);
      expect((await execute(gql, DispatchFieldUnitDocument, { id: truck1 }, { token: hub.tokens.OPERATOR })).data!.fieldUnit).toMatchObject(
        { status: 'AVAILABLE', activeAssignment: null },
      );

      const stats = await execute(gql, DispatchStatsDocument, { by: 'AGENCY' }, { token: hub.tokens.LEADER });
      expect(stats.data!.responseTimeStats).toEqual([
        {
          key: demoId('agency', 'PCCC-BP'),
          count: 1,
          averageCallProcessingSeconds: 60,
          averageTurnoutSeconds: 120,
          averageTravelSeconds: 480,
          averageResponseSeconds: 660,
          p90ResponseSeconds: 660,
        },
      ]);
      const byDay = await execute(gql, DispatchStatsDocument, { by: 'DAY' }, { token: hub.tokens.LEADER });
      expect(byDay.data!.responseTimeStats.map((b) => b.key)).toEqual(['2026-11-23']);

      // The operator's subscriber saw the unit go through every status, live.
      await watcher.until((s) => s.data.length >= 5);
      expect(watcher.data.map((d) => d.assignmentChanged.unitStatus)).toEqual([
        'DISPATCHED',
        'DISPATCHED',
        'EN_ROUTE',
        'ON_SCENE',
        'AVAILABLE',
      ]);
      expect(watcher.data[0].assignmentChanged.assignment).toMatchObject({
        incidentCode: incident.code,
        fieldUnit: { code: 'FU-PCCC-01' },
      });
    } finally {
      await watcher.stop();
    }
  });

  it('lets only one of two simultaneous dispatches of a unit win', async () => {
    const [a, b] = [await fire('Cháy kho phế liệu đường Hùng Vương'), await fire('Cháy xe máy trước chợ Đồng Xoài')];
    const results = await Promise.all(
      [a, b].map((incident) =>
        execute(gql, DispatchUnitDocument, { input: { incidentId: incident.id, fieldUnitId: truck2 } }, { token: hub.tokens.OPERATOR }),
      ),
    );
    expect(results.map((r) => codes(r)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const won = results.find((r) => !r.errors)!.data!.dispatchUnit;
    // The crew of the other truck cannot act on it; its own crew can.
    expect(
      codes(
        await execute(
          gql,
          DispatchAcceptDocument,
          { id: won.id, input: { expectedVersion: won.version } },
          { token: hub.tokens.FIELD_OFFICER },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      (await execute(gql, DispatchAcceptDocument, { id: won.id, input: { expectedVersion: won.version } }, { token: crew2Token })).data!
        .acceptAssignment.state,
    ).toBe('ACCEPTED');
    // Wrong step for the state, stale version, missing reason.
    expect(
      codes(await execute(gql, DispatchClearDocument, { id: won.id, input: { expectedVersion: won.version + 1 } }, { token: crew2Token })),
    ).toEqual(['CONFLICT']);
    expect(
      codes(
        await execute(
          gql,
          DispatchCancelDocument,
          { id: won.id, input: { expectedVersion: won.version + 1 } },
          { token: hub.tokens.OPERATOR },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const cancelled = await execute(
      gql,
      DispatchCancelDocument,
      { id: won.id, input: { expectedVersion: won.version + 1, note: 'Đã có xe 01 xử lý' } },
      { token: hub.tokens.OPERATOR },
    );
    expect(cancelled.data!.cancelAssignment.state).toBe('CANCELLED');
    expect((await execute(gql, DispatchFieldUnitDocument, { id: truck2 }, { token: hub.tokens.OPERATOR })).data!.fieldUnit!.status).toBe(
      'AVAILABLE',
    );
  });

  it('refuses dispatches to other processes, by other agencies, and positions for another unit', async () => {
    const timed = (
      await execute(
        gql,
        OpenIncidentDocument,
        {
          input: {
            categoryId: categoryId('URB_STREET_LIGHT_BROKEN'),
            title: 'Đèn đường hỏng',
            description: 'Đèn đường hỏng đường Lê Duẩn',
          },
        },
        { token: hub.tokens.OPERATOR },
      )
    ).data!.openIncident;
    expect(
      codes(
        await execute(gql, DispatchUnitDocument, { input: { incidentId: timed.id, fieldUnitId: truck1 } }, { token: hub.tokens.OPERATOR }),
      ),
    ).toEqual(['CONFLICT']);
    const incident = await fire('Cháy bãi cỏ ven hồ Suối Cam');
    // Construction-department staff cannot send a fire truck of the fire police.
    expect(
      codes(
        await execute(
          gql,
          DispatchUnitDocument,
          { input: { incidentId: incident.id, fieldUnitId: truck1 } },
          { token: hub.tokens.AGENCY_STAFF },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await execute(
          gql,
          DispatchUnitDocument,
          { input: { incidentId: incident.id, fieldUnitId: demoId('fieldUnit', 'NO-SUCH') } },
          { token: hub.tokens.OPERATOR },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const positions = [{ latitude: 11.53, longitude: 106.88, at: hub.clock.now().toISOString() }];
    expect(
      codes(
        await execute(gql, DispatchPositionsDocument, { input: { fieldUnitId: truck2, positions } }, { token: hub.tokens.FIELD_OFFICER }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await execute(
          gql,
          DispatchPositionsDocument,
          { input: { fieldUnitId: truck1, positions: [{ ...positions[0], latitude: 120 }] } },
          { token: hub.tokens.FIELD_OFFICER },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });
});
