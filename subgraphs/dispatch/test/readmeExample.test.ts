import {
  AssignFirePoliceDocument,
  CrewAcceptDocument,
  CrewAssignmentDocument,
  CrewClearDocument,
  CrewEnRouteDocument,
  CrewOnSceneDocument,
  DispatchTruckDocument,
  FireResponseDocument,
  RecommendForFireDocument,
  ReportFireDocument,
  VerifyFireDocument,
} from '../../../__generated__/graphql';
import { ok } from '../../../test/support/graphql';
import { execute, startHub, type Hub } from '../../../test/support/hub';

/** The README's walk from a fire alert to a cleared dispatch works as written (examples/dispatchFire.graphql). */
describe('the README’s dispatch example', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.stop());

  it('runs from the fire alarm to the cleared truck with the documented ids and versions', async () => {
    const { gatewayUrl: url, tokens } = hub;
    hub.clock.set('2026-11-25T07:01:00Z');
    const alert = ok(await execute(url, ReportFireDocument, {}, { token: tokens.SYSTEM })).reportAlert;
    const incident = ok(await execute(url, VerifyFireDocument, { alertId: alert.id }, { token: tokens.OPERATOR })).verifyAlert;
    expect(incident.process).toBe('IMMEDIATE');
    const incidentId = incident.id;
    ok(await execute(url, AssignFirePoliceDocument, { incidentId }, { token: tokens.OPERATOR }));
    expect(ok(await execute(url, RecommendForFireDocument, { incidentId }, { token: tokens.OPERATOR })).recommendUnits[0]).toMatchObject({
      kind: 'FIRE_TRUCK',
      fieldUnit: { status: 'AVAILABLE' },
    });
    hub.clock.advance(1);
    ok(await execute(url, DispatchTruckDocument, { incidentId }, { token: tokens.OPERATOR }));
    const crew = tokens.FIELD_OFFICER;
    const { id: assignmentId } = ok(await execute(url, CrewAssignmentDocument, {}, { token: crew })).myAssignment!;
    for (const [document, minutes] of [
      [CrewAcceptDocument, 0.5],
      [CrewEnRouteDocument, 1],
      [CrewOnSceneDocument, 6],
      [CrewClearDocument, 25],
    ] as const) {
      hub.clock.advance(minutes);
      ok(await execute(url, document, { assignmentId }, { token: crew }));
    }
    const view = ok(await execute(url, FireResponseDocument, { incidentId }, { token: tokens.OPERATOR })).incident!;
    expect(view.agency?.nameVi).toBe('Phòng Cảnh sát PCCC và CNCH – Công an tỉnh Bình Phước');
    expect(view.assignments).toMatchObject([
      {
        state: 'CLEARED',
        fieldUnit: { status: 'AVAILABLE' },
        responseTimes: { callProcessingSeconds: 60, turnoutSeconds: 90, travelSeconds: 360, onSceneSeconds: 1500 },
      },
    ]);
  });
});
