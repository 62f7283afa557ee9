import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import {
  AcceptIncidentDocument,
  AddIncidentNoteDocument,
  AlertReporterDocument,
  AlertsDocument,
  ApproveResultDocument,
  AssignAgencyDocument,
  CitizenReportStatusDocument,
  IncidentDocument,
  IncidentReporterDocument,
  PublicIncidentsDocument,
  RatePublicIncidentDocument,
  ReturnResultDocument,
  StartWorkDocument,
  SubmitCitizenReportDocument,
  SubmitResultDocument,
  VerifyAlertDocument,
  OpenIncidentDocument,
  RequestReassignmentDocument,
  IncidentsDocument,
} from '../../../__generated__/graphql';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';
import { staffOf } from '../../../test/support/identities';

describe('the time-bound process', () => {
  let hub: Hub;
  let otherAgencyToken: string;
  const sxd = demoId('agency', 'SXD-BP');
  const tanPhu = demoId('unit', 'BP-689-TANPHU');

  beforeAll(async () => {
    hub = await startHub();
    otherAgencyToken = await hub.tokenFor(staffOf(demoId('agency', 'PCCC-BP'), 'staff-pccc'));
  });
  afterAll(() => hub.stop());

  it('takes a citizen report through verification, assignment, work, moderation and publication', async () => {
    const { tokens } = hub;
    const gql = hub.gatewayUrl;

    // A citizen reports, without logging in, and gets a tracking code.
    const report = await execute(gql, SubmitCitizenReportDocument, {
      input: {
        categoryId: categoryId('URB_ILLEGAL_CONSTRUCTION'),
        description: 'Nhà số 45 đường Lê Duẩn đang xây thêm tầng 4 không có giấy phép, vật liệu đổ tràn ra vỉa hè. Liên hệ 0912 345 678.',
        place: '45 Lê Duẩn, phường Tân Phú',
        unitId: tanPhu,
        location: { latitude: 11.5381, longitude: 106.8962 },
        photoUrls: ['https://media.binhphuoc.gov.vn/phan-anh/45-le-duan-1.jpg'],
        contact: { name: 'Nguyễn Thị Lan', phone: '0912 345 678', email: 'lan.nguyen@gmail.com' },
      },
    });
    expect(report.errors).toBeUndefined();
    const trackingCode = report.data!.submitCitizenReport.trackingCode;
    expect(trackingCode).toMatch(/^PA-[2-9A-Z]{8}$/);
    expect((await execute(gql, CitizenReportStatusDocument, { trackingCode })).data!.citizenReport!.status).toBe('RECEIVED');

    // The operator sees the alert with the reporter's contact, and verifies it into an incident.
    const alerts = await execute(gql, AlertsDocument, { filter: { states: ['NEW'] } }, { token: tokens.OPERATOR });
    expect(alerts.errors).toBeUndefined();
    const alert = alerts.data!.alerts.edges.find((e) => e.node.sourceRef === trackingCode)!.node;
    expect(alert.reporter).toEqual({ name: 'Nguyễn Thị Lan', phone: '0912 345 678', email: 'lan.nguyen@gmail.com' });
    const verified = await execute(
      gql,
      VerifyAlertDocument,
      { id: alert.id, input: { expectedVersion: alert.version, note: 'Đã xác minh qua camera' } },
      { token: tokens.OPERATOR },
    );
    expect(verified.errors).toBeUndefined();
    const incident = verified.data!.verifyAlert;
    expect(incident).toMatchObject({ state: 'VERIFIED', process: 'TIMED' });
    expect(incident.code).toMatch(/^VV-2026-\d{6}$/);

    // Assigned to the construction department on Monday 08:00 (local): 10 working days end Monday 08:00 two weeks on.
    const assigned = await execute(
      gql,
      AssignAgencyDocument,
      { id: incident.id, input: { expectedVersion: incident.version, agencyId: sxd } },
      { token: tokens.OPERATOR },
    );
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignAgency).toMatchObject({ state: 'ASSIGNED', agency: { code: 'SXD-BP' }, overdue: false });
    expect(assigned.data!.assignAgency.deadline).toBe('2026-12-07T01:00:00.000Z');

    // The agency works: accept, start, note, submit a result.
    let version = assigned.data!.assignAgency.version;
    const step = async (document: typeof AcceptIncidentDocument, input: { expectedVersion: number; note?: string }) => {
      const response = await execute(gql, document, { id: incident.id, input }, { token: tokens.AGENCY_STAFF });
      expect(response.errors).toBeUndefined();
      version = response.data!.acceptIncident.version;
      return response.data!.acceptIncident;
    };
    expect((await step(AcceptIncidentDocument, { expectedVersion: version })).state).toBe('ACCEPTED');
    const started = await execute(
      gql,
      StartWorkDocument,
      { id: incident.id, input: { expectedVersion: version } },
      { token: tokens.AGENCY_STAFF },
    );
    expect(started.data!.startWork.state).toBe('IN_PROGRESS');
    version = started.data!.startWork.version;
    const noted = await execute(
      gql,
      AddIncidentNoteDocument,
      { id: incident.id, input: { note: 'Đã lập biên bản, yêu cầu tạm dừng thi công' } },
      { token: tokens.AGENCY_STAFF },
    );
    expect(noted.errors).toBeUndefined();
    const submitted = await execute(
      gql,
      SubmitResultDocument,
      {
        id: incident.id,
        input: {
          expectedVersion: version,
          result: 'Đã đình chỉ thi công, chủ nhà cam kết tháo dỡ phần sai phép trong 15 ngày.',
          evidence: ['https://media.binhphuoc.gov.vn/ket-qua/bien-ban.pdf'],
        },
      },
      { token: tokens.AGENCY_STAFF },
    );
    expect(submitted.data!.submitResult.state).toBe('RESULT_SUBMITTED');

    // The operator returns it once, the agency resubmits, the operator approves and publishes.
    const returned = await execute(
      gql,
      ReturnResultDocument,
      {
        id: incident.id,
        input: { expectedVersion: submitted.data!.submitResult.version, reason: 'Bổ sung ảnh hiện trường sau khi tháo dỡ' },
      },
      { token: tokens.OPERATOR },
    );
    expect(returned.data!.returnResult.state).toBe('RETURNED');
    const resubmitted = await execute(
      gql,
      SubmitResultDocument,
      {
        id: incident.id,
        input: {
          expectedVersion: returned.data!.returnResult.version,
          result: 'Đã tháo dỡ phần tầng 4 xây sai phép; vỉa hè đã được dọn sạch. Chủ hộ liên hệ 0912 345 678.',
        },
      },
      { token: tokens.AGENCY_STAFF },
    );
    expect(resubmitted.errors).toBeUndefined();
    const approved = await execute(
      gql,
      ApproveResultDocument,
      {
        id: incident.id,
        input: {
          expectedVersion: resubmitted.data!.submitResult.version,
          publicSummary: 'Xây dựng sai phép tại đường Lê Duẩn, phường Tân Phú',
        },
      },
      { token: tokens.OPERATOR },
    );
    expect(approved.errors).toBeUndefined();
    const published = approved.data!.approveResult;
    expect(published.state).toBe('PUBLISHED');
    // Personal data never reaches the public record.
    expect(published.publication!.result).not.toContain('0912');
    expect(published.publication!.result).toContain('[số điện thoại]');

    // The timeline holds every step, in order, with who took it.
    const history = await execute(gql, IncidentDocument, { id: incident.id }, { token: tokens.LEADER });
    const steps = history.data!.incident!.timeline.map((t) => `${t.action}:${t.fromState ?? ''}>${t.toState ?? ''}`);
    expect(steps).toEqual([
      'opened:>VERIFIED',
      'assignAgency:VERIFIED>ASSIGNED',
      'acceptIncident:ASSIGNED>ACCEPTED',
      'startWork:ACCEPTED>IN_PROGRESS',
      'progress note:IN_PROGRESS>IN_PROGRESS',
      'submitResult:IN_PROGRESS>RESULT_SUBMITTED',
      'returnResult:RESULT_SUBMITTED>RETURNED',
      'submitResult:RETURNED>RESULT_SUBMITTED',
      'approveResult:RESULT_SUBMITTED>APPROVED',
      'publishResult:APPROVED>PUBLISHED',
    ]);
    expect(history.data!.incident!.timeline[2].actor).toBe('demo-agency');

    // The public follows the report and reads the result, without the reporter; and rates it.
    const status = await execute(gql, CitizenReportStatusDocument, { trackingCode });
    expect(status.data!.citizenReport).toMatchObject({ status: 'RESOLVED', publicIncident: { title: published.publication!.title } });
    const list = await execute(gql, PublicIncidentsDocument, { filter: { withinUnitId: demoId('unit', '689'), search: 'le duan' } });
    const record = list.data!.publicIncidents.edges[0].node;
    expect(record).toMatchObject({
      code: incident.code,
      agency: { nameVi: 'Sở Xây dựng tỉnh Bình Phước' },
      unit: { nameVi: 'Phường Tân Phú' },
    });
    expect(JSON.stringify(list.data)).not.toMatch(/Nguyễn Thị Lan|lan\.nguyen/);
    const rated = await execute(gql, RatePublicIncidentDocument, { id: record.id, input: { score: 4 } });
    expect(rated.data!.ratePublicIncident.satisfaction).toEqual({ count: 1, average: 4 });
    const rerated = await execute(gql, RatePublicIncidentDocument, { id: record.id, input: { score: 5, comment: 'Xử lý nhanh' } });
    expect(rerated.data!.ratePublicIncident.satisfaction).toEqual({ count: 1, average: 5 });

    // A change to the published result goes back to moderation; the public record keeps the approved text.
    const changed = await execute(
      gql,
      SubmitResultDocument,
      { id: incident.id, input: { expectedVersion: published.version, result: 'Bổ sung: đã xử phạt vi phạm hành chính 40.000.000 đồng.' } },
      { token: tokens.AGENCY_STAFF },
    );
    expect(changed.data!.submitResult.state).toBe('RESULT_SUBMITTED');
    const still = await execute(gql, PublicIncidentsDocument, { filter: { search: 'le duan' } });
    expect(still.data!.publicIncidents.edges[0].node.result).toBe(record.result);
  });

  it('refuses each forbidden step and each forbidden read', async () => {
    const { tokens } = hub;
    const gql = hub.gatewayUrl;
    const report = await execute(gql, SubmitCitizenReportDocument, {
      input: {
        categoryId: categoryId('URB_SIDEWALK_ENCROACHMENT'),
        description: 'Quán cà phê bày bàn ghế kín vỉa hè đường Phú Riềng Đỏ.',
        place: 'Đường Phú Riềng Đỏ',
        contact: { phone: '0987 654 321' },
      },
    });
    const alerts = await execute(gql, AlertsDocument, { filter: { states: ['NEW'] } }, { token: tokens.OPERATOR });
    const alert = alerts.data!.alerts.edges.find((e) => e.node.sourceRef === report.data!.submitCitizenReport.trackingCode)!.node;

    // Only operators read the reporter; agencies and the public do not read alerts at all.
    expect(codes(await execute(gql, AlertReporterDocument, { id: alert.id }, { token: tokens.AGENCY_STAFF }))).toEqual(['FORBIDDEN']);
    expect(codes(await execute(gql, AlertReporterDocument, { id: alert.id }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await execute(gql, AlertReporterDocument, { id: alert.id }, { token: tokens.LEADER }))).toEqual(['FORBIDDEN']);

    // Verification is the operators' job.
    expect(
      codes(
        await execute(
          gql,
          VerifyAlertDocument,
          { id: alert.id, input: { expectedVersion: alert.version } },
          { token: tokens.AGENCY_STAFF },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const incident = (
      await execute(gql, VerifyAlertDocument, { id: alert.id, input: { expectedVersion: alert.version } }, { token: tokens.OPERATOR })
    ).data!.verifyAlert;

    // An agency cannot accept what is not assigned to it; a stale version is CONFLICT; so is a wrong state.
    expect(
      codes(
        await execute(
          gql,
          AcceptIncidentDocument,
          { id: incident.id, input: { expectedVersion: incident.version } },
          { token: tokens.AGENCY_STAFF },
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      codes(
        await execute(
          gql,
          AssignAgencyDocument,
          { id: incident.id, input: { expectedVersion: incident.version + 1, agencyId: sxd } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['CONFLICT']);
    expect(
      codes(
        await execute(
          gql,
          AssignAgencyDocument,
          { id: incident.id, input: { expectedVersion: incident.version, agencyId: demoId('agency', 'NO-SUCH') } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const assigned = (
      await execute(
        gql,
        AssignAgencyDocument,
        { id: incident.id, input: { expectedVersion: incident.version, agencyId: sxd } },
        { token: tokens.OPERATOR },
      )
    ).data!.assignAgency;
    expect(
      codes(
        await execute(
          gql,
          ApproveResultDocument,
          { id: incident.id, input: { expectedVersion: assigned.version } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['CONFLICT']);
    expect(
      codes(
        await execute(
          gql,
          AcceptIncidentDocument,
          { id: incident.id, input: { expectedVersion: assigned.version } },
          { token: tokens.OPERATOR },
        ),
      ),
    ).toEqual(['FORBIDDEN']);

    // Another agency neither reads nor handles it; the handling agency reads it but not the reporter.
    expect(codes(await execute(gql, IncidentDocument, { id: incident.id }, { token: otherAgencyToken }))).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await execute(
          gql,
          AcceptIncidentDocument,
          { id: incident.id, input: { expectedVersion: assigned.version } },
          { token: otherAgencyToken },
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    expect((await execute(gql, IncidentDocument, { id: incident.id }, { token: tokens.AGENCY_STAFF })).data!.incident!.state).toBe(
      'ASSIGNED',
    );
    expect(codes(await execute(gql, IncidentReporterDocument, { id: incident.id }, { token: tokens.AGENCY_STAFF }))).toEqual(['FORBIDDEN']);
    expect(
      (await execute(gql, IncidentReporterDocument, { id: incident.id }, { token: tokens.OPERATOR })).data!.incident!.reporter,
    ).toEqual({ name: null, phone: '0987 654 321' });

    // Nothing of the refused steps was written.
    const timeline = (await execute(gql, IncidentDocument, { id: incident.id }, { token: tokens.OPERATOR })).data!.incident!.timeline.map(
      (t) => t.action,
    );
    expect(timeline).toEqual(['opened', 'assignAgency']);
  });

  it('hands an incident to another agency when the first says it is not competent', async () => {
    const { tokens } = hub;
    const gql = hub.gatewayUrl;
    const opened = (
      await execute(
        gql,
        OpenIncidentDocument,
        {
          input: {
            categoryId: categoryId('ENV_ILLEGAL_DUMPING'),
            title: 'Đổ trộm xà bần ven suối Rạt',
            description: 'Xe tải đổ xà bần ban đêm ven suối Rạt, xã Tiến Hưng',
            unitId: demoId('unit', 'BP-689-TIENHUNG'),
          },
        },
        { token: tokens.OPERATOR },
      )
    ).data!.openIncident;
    const toSxd = (
      await execute(
        gql,
        AssignAgencyDocument,
        { id: opened.id, input: { expectedVersion: opened.version, agencyId: sxd } },
        { token: tokens.OPERATOR },
      )
    ).data!.assignAgency;
    const declined = await execute(
      gql,
      RequestReassignmentDocument,
      { id: opened.id, input: { expectedVersion: toSxd.version, reason: 'Thuộc thẩm quyền Sở Nông nghiệp và Môi trường' } },
      { token: tokens.AGENCY_STAFF },
    );
    expect(declined.data!.requestReassignment.state).toBe('REASSIGNMENT_REQUESTED');
    // A reason is required.
    expect(
      codes(
        await execute(
          gql,
          RequestReassignmentDocument,
          { id: opened.id, input: { expectedVersion: declined.data!.requestReassignment.version, reason: '' } },
          { token: tokens.AGENCY_STAFF },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);

    hub.clock.advance(60);
    const environment = demoId('agency', 'SNNMT-BP');
    const reassigned = await execute(
      gql,
      AssignAgencyDocument,
      { id: opened.id, input: { expectedVersion: declined.data!.requestReassignment.version, agencyId: environment } },
      { token: tokens.OPERATOR },
    );
    expect(reassigned.data!.assignAgency).toMatchObject({ state: 'ASSIGNED', agency: { code: 'SNNMT-BP' } });
    // The deadline starts again from the new assignment.
    expect(Date.parse(reassigned.data!.assignAgency.deadline!)).toBeGreaterThan(Date.parse(toSxd.deadline!));
    // The first agency no longer sees it, in lists or by id; the new one does.
    expect(codes(await execute(gql, IncidentDocument, { id: opened.id }, { token: tokens.AGENCY_STAFF }))).toEqual(['FORBIDDEN']);
    const sxdList = await execute(gql, IncidentsDocument, { first: 100 }, { token: tokens.AGENCY_STAFF });
    expect(sxdList.data!.incidents.edges.map((e) => e.node.id)).not.toContain(opened.id);
    const envToken = await hub.tokenFor(staffOf(environment, 'staff-snnmt'));
    const envList = await execute(gql, IncidentsDocument, { filter: { states: ['ASSIGNED'] } }, { token: envToken });
    expect(envList.data!.incidents.edges.map((e) => e.node.id)).toEqual([opened.id]);
  });

  it('approves a drill without publishing it', async () => {
    const { tokens } = hub;
    const gql = hub.gatewayUrl;
    const drill = (
      await execute(
        gql,
        OpenIncidentDocument,
        {
          input: {
            categoryId: categoryId('URB_FALLEN_TREE'),
            title: 'Diễn tập: cây đổ chắn đường Hùng Vương',
            description: 'Diễn tập ứng phó bão số 9',
            unitId: tanPhu,
            status: 'EXERCISE',
          },
        },
        { token: tokens.OPERATOR },
      )
    ).data!.openIncident;
    let version = (
      await execute(
        gql,
        AssignAgencyDocument,
        { id: drill.id, input: { expectedVersion: drill.version, agencyId: sxd } },
        { token: tokens.OPERATOR },
      )
    ).data!.assignAgency.version;
    version = (
      await execute(gql, AcceptIncidentDocument, { id: drill.id, input: { expectedVersion: version } }, { token: tokens.AGENCY_STAFF })
    ).data!.acceptIncident.version;
    version = (
      await execute(
        gql,
        SubmitResultDocument,
        { id: drill.id, input: { expectedVersion: version, result: 'Đã cưa cây, thông đường trong 40 phút.' } },
        { token: tokens.AGENCY_STAFF },
      )
    ).data!.submitResult.version;
    const approved = await execute(
      gql,
      ApproveResultDocument,
      { id: drill.id, input: { expectedVersion: version } },
      { token: tokens.OPERATOR },
    );
    expect(approved.data!.approveResult).toMatchObject({ state: 'APPROVED', publication: null });
    const list = await execute(gql, PublicIncidentsDocument, { filter: { search: 'hung vuong' } });
    expect(list.data!.publicIncidents.totalCount).toBe(0);
  });
});
