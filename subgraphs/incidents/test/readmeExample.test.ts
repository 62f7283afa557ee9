import {
  AcceptAssignmentDocument,
  ApproveAndPublishDocument,
  AssignToAgencyDocument,
  FollowReportDocument,
  NewAlertsDocument,
  ReportProblemDocument,
  SubmitAgencyResultDocument,
  VerifyReportDocument,
} from '../../../__generated__/graphql';
import { ok } from '../../../test/support/graphql';
import { execute, startHub, type Hub } from '../../../test/support/hub';

/** The README's walk from a citizen report to a published result works as written (examples/timedProcess.graphql). */
describe('the README’s time-bound process example', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.stop());

  it('runs from a citizen report to a published result with the documented ids and versions', async () => {
    const { gatewayUrl: url, tokens } = hub;
    const { trackingCode } = ok(await execute(url, ReportProblemDocument, {})).submitCitizenReport;
    const alert = ok(await execute(url, NewAlertsDocument, {}, { token: tokens.OPERATOR })).alerts.edges[0].node;
    expect(alert.reporter?.name).toBe('Nguyễn Thị Lan');
    const incident = ok(await execute(url, VerifyReportDocument, { alertId: alert.id }, { token: tokens.OPERATOR })).verifyAlert;
    const incidentId = incident.id;
    expect(ok(await execute(url, AssignToAgencyDocument, { incidentId }, { token: tokens.OPERATOR })).assignAgency.agency?.nameVi).toBe(
      'Sở Xây dựng tỉnh Bình Phước',
    );
    expect(ok(await execute(url, AcceptAssignmentDocument, { incidentId }, { token: tokens.AGENCY_STAFF })).acceptIncident.state).toBe(
      'ACCEPTED',
    );
    expect(ok(await execute(url, SubmitAgencyResultDocument, { incidentId }, { token: tokens.AGENCY_STAFF })).submitResult.state).toBe(
      'RESULT_SUBMITTED',
    );
    const approved = ok(await execute(url, ApproveAndPublishDocument, { incidentId }, { token: tokens.OPERATOR })).approveResult;
    expect(approved.state).toBe('PUBLISHED');
    const followed = ok(await execute(url, FollowReportDocument, { trackingCode })).citizenReport!;
    expect(followed).toMatchObject({ status: 'RESOLVED', publicIncident: { code: incident.code, unit: { nameVi: 'Phường Tân Phú' } } });
  });
});
