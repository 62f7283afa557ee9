import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import {
  CitizenReportStatusDocument,
  DismissAlertDocument,
  IntakeAlertDocument,
  IntakeAlertsDocument,
  IntakeMergeAlertDocument,
  ReportAlertDocument,
  SubmitCitizenReportDocument,
  VerifyAlertDocument,
  type AlertFilter,
  type CitizenReportInput,
  type ReportAlertInput,
} from '../../../__generated__/graphql';
import { codes, execute, startHub, type GraphQLResponse, type Hub } from '../../../test/support/hub';

const tanPhu = demoId('unit', 'BP-689-TANPHU');
const METERS_PER_DEGREE = 111_320;
const P = { latitude: 11.538, longitude: 106.896 };
/** A point `north` and `east` metres from P. */
const near = (north: number, east = 0) => ({
  latitude: P.latitude + north / METERS_PER_DEGREE,
  longitude: P.longitude + east / (METERS_PER_DEGREE * Math.cos((P.latitude * Math.PI) / 180)),
});
const problemFields = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).flatMap((e) => ((e.extensions?.problems ?? []) as { field: string }[]).map((p) => p.field));

let seq = 0;
const alertInput = (over: Partial<ReportAlertInput> = {}): ReportAlertInput => ({
  sourceSystem: 'traffic-camera-ai',
  sourceRef: `evt-${++seq}`,
  categoryId: categoryId('TRF_ACCIDENT'),
  headline: 'Va chạm giữa xe tải và xe máy trên QL14',
  occurredAt: '2026-11-23T00:40:00Z',
  ...over,
});
const citizenInput = (over: Partial<CitizenReportInput> = {}): CitizenReportInput => ({
  categoryId: categoryId('URB_STREET_LIGHT_BROKEN'),
  description: 'Đèn đường trước số 12 Trần Hưng Đạo tắt cả tuần nay, buổi tối rất tối.',
  place: '12 Trần Hưng Đạo, phường Tân Phú',
  ...over,
});

describe('alert intake', () => {
  let hub: Hub;
  let gql: string;

  beforeAll(async () => {
    hub = await startHub();
    gql = hub.gatewayUrl;
  });
  afterAll(() => hub.stop());

  const report = (input: ReportAlertInput, token = hub.tokens.SYSTEM) => execute(gql, ReportAlertDocument, { input }, { token });
  const count = async (filter: AlertFilter = {}) => {
    const response = await execute(gql, IntakeAlertsDocument, { filter, first: 1 }, { token: hub.tokens.OPERATOR });
    expect(response.errors).toBeUndefined();
    return response.data!.alerts.totalCount;
  };
  const alert = async (id: string) => (await execute(gql, IntakeAlertDocument, { id }, { token: hub.tokens.OPERATOR })).data!.alert!;

  it('stores a source event once, also when it is delivered twice or twenty times at once', async () => {
    const first = await report(alertInput({ sourceRef: 'cam-07/2026-11-23T00:40' }));
    expect(first.errors).toBeUndefined();
    expect(first.data!.reportAlert).toMatchObject({ state: 'NEW', version: 1, severity: 'SEVERE', category: { code: 'TRF_ACCIDENT' } });
    // The second delivery returns the alert stored first, not its own (changed) content.
    const again = await report(alertInput({ sourceRef: 'cam-07/2026-11-23T00:40', headline: 'Một tiêu đề khác' }));
    expect(again.errors).toBeUndefined();
    expect(again.data!.reportAlert).toMatchObject({
      id: first.data!.reportAlert.id,
      version: 1,
      headline: first.data!.reportAlert.headline,
    });
    expect(await count({ sourceSystem: 'traffic-camera-ai' })).toBe(1);

    const burst = await Promise.all(
      Array.from({ length: 20 }, () => report(alertInput({ sourceSystem: 'hotline-1022', sourceRef: 'call-5521' }))),
    );
    expect(burst.flatMap(codes)).toEqual([]);
    expect(new Set(burst.map((r) => r.data!.reportAlert.id)).size).toBe(1);
    expect(burst.every((r) => r.data!.reportAlert.version === 1)).toBe(true);
    expect(await count({ sourceSystem: 'hotline-1022' })).toBe(1);
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const before = await count();
    const cases: [Partial<ReportAlertInput>, string][] = [
      [{ sourceSystem: 'Traffic Camera!' }, 'sourceSystem'],
      [{ headline: 'ab' }, 'headline'],
      [{ location: { latitude: 95, longitude: 106.9 } }, 'location.latitude'],
      [{ evidence: ['https://media.binhphuoc.gov.vn/a.jpg', 'ftp://media.binhphuoc.gov.vn/b.jpg'] }, 'evidence'],
      [{ evidence: ['javascript:alert(1)'] }, 'evidence'],
      [{ unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId'],
      [{ unitId: 'phuong-tan-phu' }, 'unitId'],
      [{ categoryId: '00000000-0000-4000-8000-000000000001' }, 'categoryId'],
    ];
    for (const [over, field] of cases) {
      const response = await report(alertInput({ sourceSystem: 'bad-input', ...over }));
      expect({ field, codes: codes(response) }).toEqual({ field, codes: ['BAD_USER_INPUT'] });
      expect(problemFields(response)).toContain(field);
    }
    expect(await count()).toBe(before);
    expect(await count({ sourceSystem: 'bad-input' })).toBe(0);
  });

  it('lets only systems and operators report alerts, and only the center read them', async () => {
    const { tokens } = hub;
    const before = await count();
    expect(codes(await report(alertInput({ sourceSystem: 'partner-app' }), tokens.PARTNER))).toEqual(['FORBIDDEN']);
    expect(codes(await report(alertInput({ sourceSystem: 'partner-app' }), tokens.AGENCY_STAFF))).toEqual(['FORBIDDEN']);
    expect(codes(await execute(gql, ReportAlertDocument, { input: alertInput({ sourceSystem: 'partner-app' }) }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(await count()).toBe(before);
    const byOperator = await report(alertInput({ sourceSystem: 'hotline-1022', sourceRef: 'call-5600' }), tokens.OPERATOR);
    expect(byOperator.errors).toBeUndefined();
    expect(await count()).toBe(before + 1);

    const list = (token?: string) => execute(gql, IntakeAlertsDocument, { first: 5 }, { token });
    expect((await list(tokens.LEADER)).data!.alerts.totalCount).toBe(before + 1);
    expect((await list(tokens.OPERATOR)).data!.alerts.totalCount).toBe(before + 1);
    for (const role of ['SYSTEM', 'PARTNER', 'AGENCY_STAFF'] as const)
      expect({ role, codes: codes(await list(tokens[role])) }).toEqual({ role, codes: ['FORBIDDEN'] });
    expect(codes(await list())).toEqual(['UNAUTHENTICATED']);
  });

  it('copies the unit’s lineage, so that subtree filters find the alert, and keeps a drill a drill', async () => {
    const flood = {
      sourceSystem: 'flood-sensor',
      categoryId: categoryId('URB_FLOODING'),
      headline: 'Mực nước cống vượt ngưỡng',
      unitId: tanPhu,
    };
    const actual = await report(alertInput(flood));
    expect(actual.errors).toBeUndefined();
    expect(actual.data!.reportAlert).toMatchObject({ status: 'ACTUAL', unit: { code: 'BP-689-TANPHU' } });
    const within = (code: string) => count({ sourceSystem: 'flood-sensor', withinUnitId: demoId('unit', code) });
    expect(await within('70')).toBe(1);
    expect(await within('689')).toBe(1);
    expect(await within('BP-689-TANPHU')).toBe(1);
    expect(await within('688')).toBe(0);
    expect(await within('BP-695-TANPHU')).toBe(0);

    const drill = await report(alertInput({ ...flood, status: 'EXERCISE' }));
    expect(drill.data!.reportAlert.status).toBe('EXERCISE');
    expect((await alert(drill.data!.reportAlert.id)).status).toBe('EXERCISE');
    expect(await count({ sourceSystem: 'flood-sensor', status: 'EXERCISE' })).toBe(1);
    expect(await count({ sourceSystem: 'flood-sensor', status: 'ACTUAL', withinUnitId: demoId('unit', '689') })).toBe(1);
  });

  it('suggests duplicates near in space and time, and merges one into the incident of the other', async () => {
    const { tokens } = hub;
    const road = (location: { latitude: number; longitude: number }, occurredAt: string, code = 'TRF_ROAD_DAMAGE') =>
      report(
        alertInput({
          sourceSystem: 'road-ai',
          categoryId: categoryId(code),
          headline: 'Ổ gà lớn trên đường Phú Riềng Đỏ',
          location,
          occurredAt,
        }),
      ).then((r) => {
        expect(r.errors).toBeUndefined();
        return r.data!.reportAlert;
      });
    const a = await road(P, '2026-11-21T15:00:00Z');
    const b = await road(near(100), '2026-11-21T15:40:00Z');
    const far = await road(near(2000), '2026-11-21T15:10:00Z');
    const corner = await road(near(-250, 250), '2026-11-21T15:05:00Z'); // inside a's search box, but ~354 m away
    const other = await road(P, '2026-11-21T15:20:00Z', 'TRF_SIGNAL_FAILURE');
    const later = await road(P, '2026-11-22T21:00:00Z'); // 30 h after a
    const duplicatesOf = async (id: string) => (await alert(id)).possibleDuplicates.map((d) => d.id);

    expect(await duplicatesOf(a.id)).toEqual([b.id]);
    expect(await duplicatesOf(b.id)).toEqual([a.id]);
    for (const lone of [far, corner, other, later]) expect(await duplicatesOf(lone.id)).toEqual([]);

    // A third report 50 m east; once b is dismissed, only c is suggested.
    const c = await road(near(0, 50), '2026-11-21T15:50:00Z');
    expect((await duplicatesOf(a.id)).sort()).toEqual([b.id, c.id].sort());
    const dismissed = await execute(
      gql,
      DismissAlertDocument,
      { id: b.id, input: { expectedVersion: b.version, reason: 'Trùng với phản ánh đã có' } },
      { token: tokens.OPERATOR },
    );
    expect(dismissed.data!.dismissAlert.state).toBe('DISMISSED');
    expect(await duplicatesOf(a.id)).toEqual([c.id]);
    expect(await duplicatesOf(c.id)).toEqual([a.id]);

    // a becomes an incident; c is merged into it.
    const verified = await execute(
      gql,
      VerifyAlertDocument,
      { id: a.id, input: { expectedVersion: a.version } },
      { token: tokens.OPERATOR },
    );
    expect(verified.errors).toBeUndefined();
    const incident = verified.data!.verifyAlert;
    const merge = (id: string, expectedVersion: number) =>
      execute(gql, IntakeMergeAlertDocument, { id, input: { expectedVersion, incidentId: incident.id } }, { token: tokens.OPERATOR });
    const merged = await merge(c.id, c.version);
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergeAlert).toMatchObject({ state: 'MERGED', incident: { id: incident.id, code: incident.code } });
    expect((await alert(c.id)).incident!.code).toBe(incident.code);

    // Merging again (current version, but no longer NEW) and a dismissed alert are CONFLICT; so is a stale version.
    expect(codes(await merge(c.id, merged.data!.mergeAlert.version))).toEqual(['CONFLICT']);
    expect(codes(await merge(b.id, (await alert(b.id)).version))).toEqual(['CONFLICT']);
    expect(codes(await merge(far.id, far.version + 1))).toEqual(['CONFLICT']);
    expect(await alert(far.id)).toMatchObject({ state: 'NEW', version: far.version, incident: null });
    expect(codes(await merge(far.id, far.version))).toEqual([]);
  });

  it('takes citizen reports without a login and shows their public status', async () => {
    const citizens = () => count({ sourceSystem: 'citizen-report' });
    const submitted = await execute(gql, SubmitCitizenReportDocument, { input: citizenInput() });
    expect(submitted.errors).toBeUndefined();
    const { trackingCode } = submitted.data!.submitCitizenReport;
    expect(trackingCode).toMatch(/^PA-[2-9A-HJ-NP-Z]{8}$/);
    expect(submitted.data!.submitCitizenReport.status).toBe('RECEIVED');
    const before = await citizens();

    const notOpen = await execute(gql, SubmitCitizenReportDocument, {
      input: citizenInput({ categoryId: categoryId('ENV_AQI_EXCEEDANCE') }),
    });
    expect(codes(notOpen)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(notOpen)).toEqual(['categoryId']);
    const nowhere = await execute(gql, SubmitCitizenReportDocument, { input: citizenInput({ place: null }) });
    expect(codes(nowhere)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(nowhere)).toEqual(['place']);
    expect(await citizens()).toBe(before);

    // The operator dismisses it; the public reads why, without the phone number in the reason.
    const listed = await execute(
      gql,
      IntakeAlertsDocument,
      { filter: { sourceSystem: 'citizen-report' }, first: 50 },
      { token: hub.tokens.OPERATOR },
    );
    const node = listed.data!.alerts.edges.find((e) => e.node.sourceRef === trackingCode)!.node;
    const reason = 'Đèn đã được thay ngày 22/11/2026; đã gọi lại cho người phản ánh qua số 0912 345 678.';
    const dismissed = await execute(
      gql,
      DismissAlertDocument,
      { id: node.id, input: { expectedVersion: node.version, reason } },
      { token: hub.tokens.OPERATOR },
    );
    expect(dismissed.data!.dismissAlert).toMatchObject({ state: 'DISMISSED', dismissReason: reason });
    const status = (await execute(gql, CitizenReportStatusDocument, { trackingCode: ` ${trackingCode.toLowerCase()} ` })).data!
      .citizenReport!;
    expect(status).toMatchObject({
      trackingCode,
      status: 'DISMISSED',
      category: { code: 'URB_STREET_LIGHT_BROKEN' },
      publicIncident: null,
    });
    expect(status.statusReason).toBe('Đèn đã được thay ngày 22/11/2026; đã gọi lại cho người phản ánh qua số [số điện thoại].');

    const unknown = await execute(gql, CitizenReportStatusDocument, { trackingCode: 'PA-ZZZZ2222' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.citizenReport).toBeNull();
  });

  describe('with a limit of 3 citizen reports per hour', () => {
    let limited: Hub;
    beforeAll(async () => {
      limited = await startHub({ CITIZEN_REPORTS_PER_HOUR: '3' });
    });
    afterAll(() => limited.stop());

    it('refuses the 4th report of a client within the hour, and accepts again an hour later', async () => {
      const submit = () => execute(limited.gatewayUrl, SubmitCitizenReportDocument, { input: citizenInput() });
      for (let i = 0; i < 3; i++) expect(codes(await submit())).toEqual([]);
      const fourth = await submit();
      expect(codes(fourth)).toEqual(['RATE_LIMITED']);
      expect(fourth.errors![0].extensions?.retryAfterSeconds).toBe(3600);
      limited.clock.advance(59);
      expect(codes(await submit())).toEqual(['RATE_LIMITED']);

      limited.clock.advance(2); // 61 minutes after the first three
      expect(codes(await submit())).toEqual([]);
      // A burst cannot slip past the limit: of 4 at once, exactly 2 more fit into this hour.
      const burst = await Promise.all(Array.from({ length: 4 }, submit));
      expect(burst.map(codes).flat().sort()).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
      expect(burst.filter((r) => !r.errors).length).toBe(2);
    });
  });
});
