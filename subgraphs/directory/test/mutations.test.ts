import { Role } from '@ioc-graph/platform';
import {
  AgencyByCodeDocument,
  ChangeHistoryDocument,
  CreateAgencyDocument,
  CreateFieldUnitDocument,
  CreatePersonDocument,
  UnitByCodeDocument,
  UpdateAgencyDocument,
  UpdatePersonDocument,
  type CreateAgencyInput,
} from '../../../__generated__/graphql';
import { codes, execute, startHub, type Hub } from '../../../test/support/hub';

describe('directory mutations', () => {
  let hub: Hub;
  let jurisdictionId: string;
  const validAgency = (): CreateAgencyInput => ({
    code: 'UBND-TANBINH',
    kind: 'PEOPLES_COMMITTEE',
    nameVi: 'UBND phường Tân Bình',
    nameEn: 'Tan Binh Ward People’s Committee',
    jurisdictionId,
    phone: '0271 3881 234',
    email: 'tanbinh@binhphuoc.gov.vn',
  });

  beforeAll(async () => {
    hub = await startHub();
    const unit = await execute(hub.gatewayUrl, UnitByCodeDocument, { code: '689' });
    jurisdictionId = unit.data!.administrativeUnitByCode!.id;
  });
  afterAll(() => hub.stop());

  const asOperator = { token: () => hub.tokens[Role.OPERATOR] };
  const agencyCount = async () =>
    Number((await hub.directory.orm.em.fork().getConnection().execute('SELECT count(*) AS n FROM directory.agency'))[0].n);
  const auditCount = async () =>
    Number((await hub.directory.orm.em.fork().getConnection().execute('SELECT count(*) AS n FROM directory.audit_entry'))[0].n);

  it('lets an operator create and update an agency, recording who changed what', async () => {
    const created = await execute(hub.gatewayUrl, CreateAgencyDocument, { input: validAgency() }, { token: asOperator.token() });
    expect(created.errors).toBeUndefined();
    const agency = created.data!.createAgency;
    expect(agency).toMatchObject({ code: 'UBND-TANBINH', version: 1, jurisdiction: { code: '689' } });

    const updated = await execute(
      hub.gatewayUrl,
      UpdateAgencyDocument,
      { id: agency.id, input: { expectedVersion: 1, phone: '0271 3881 999', address: null } },
      { token: asOperator.token() },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateAgency).toMatchObject({ phone: '0271 3881 999', version: 2 });

    const history = await execute(hub.gatewayUrl, ChangeHistoryDocument, { entityId: agency.id }, { token: asOperator.token() });
    expect(history.data!.changeHistory).toEqual([
      expect.objectContaining({ actor: 'demo-operator', action: 'created', entityType: 'Agency' }),
      expect.objectContaining({ actor: 'demo-operator', action: 'updated', changes: { phone: ['0271 3881 234', '0271 3881 999'] } }),
    ]);
    const search = await execute(hub.gatewayUrl, AgencyByCodeDocument, { code: 'UBND-TANBINH' });
    expect(search.data!.agencyByCode!.phone).toBe('0271 3881 999');
  });

  it('refuses changes to anyone but operators', async () => {
    const before = await agencyCount();
    const input = { ...validAgency(), code: 'UBND-NOTALLOWED' };
    expect(codes(await execute(hub.gatewayUrl, CreateAgencyDocument, { input }))).toEqual(['UNAUTHENTICATED']);
    for (const role of [Role.AGENCY_STAFF, Role.LEADER, Role.PARTNER, Role.FIELD_OFFICER]) {
      expect(codes(await execute(hub.gatewayUrl, CreateAgencyDocument, { input }, { token: hub.tokens[role] }))).toEqual(['FORBIDDEN']);
    }
    expect(await agencyCount()).toBe(before);
  });

  it('answers bad input with BAD_USER_INPUT naming the fields, and changes nothing', async () => {
    const before = [await agencyCount(), await auditCount()];
    const cases: Partial<CreateAgencyInput>[] = [
      { code: 'lower case!' },
      { nameVi: '' },
      { email: 'not-an-email' },
      { phone: 'call me' },
      { jurisdictionId: 'nope' },
      { jurisdictionId: '00000000-0000-4000-8000-000000000000' },
    ];
    for (const change of cases) {
      const result = await execute(
        hub.gatewayUrl,
        CreateAgencyDocument,
        { input: { ...validAgency(), code: 'UBND-BAD', ...change } },
        { token: asOperator.token() },
      );
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions!.problems).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: expect.any(String) })]),
      );
      expect(JSON.stringify(result.errors)).not.toMatch(/at \w+ \(|node_modules|\.ts:/);
    }
    const existing = await execute(hub.gatewayUrl, AgencyByCodeDocument, { code: 'UBND-TANBINH' });
    const nulled = await execute(
      hub.gatewayUrl,
      UpdateAgencyDocument,
      { id: existing.data!.agencyByCode!.id, input: { nameVi: null } },
      { token: asOperator.token() },
    );
    expect(codes(nulled)).toEqual(['BAD_USER_INPUT']);
    expect([await agencyCount(), await auditCount()]).toEqual(before);
  });

  it('answers a duplicate code and a stale version with CONFLICT', async () => {
    const duplicate = await execute(hub.gatewayUrl, CreateAgencyDocument, { input: validAgency() }, { token: asOperator.token() });
    expect(codes(duplicate)).toEqual(['CONFLICT']);
    const existing = await execute(hub.gatewayUrl, AgencyByCodeDocument, { code: 'UBND-TANBINH' });
    const stale = await execute(
      hub.gatewayUrl,
      UpdateAgencyDocument,
      { id: existing.data!.agencyByCode!.id, input: { expectedVersion: 1, nameEn: 'Stale' } },
      { token: asOperator.token() },
    );
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions!.currentVersion).toBe(existing.data!.agencyByCode!.version);
    const missing = await execute(
      hub.gatewayUrl,
      UpdateAgencyDocument,
      { id: '00000000-0000-4000-8000-000000000000', input: { nameEn: 'Nobody' } },
      { token: asOperator.token() },
    );
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });

  it('creates field units and people, keeping a field officer inside their agency', async () => {
    const pccc = await execute(hub.gatewayUrl, AgencyByCodeDocument, { code: 'PCCC-BP' });
    const pcccId = pccc.data!.agencyByCode!.id;
    const unit = await execute(
      hub.gatewayUrl,
      CreateFieldUnitDocument,
      {
        input: {
          code: 'FU-PCCC-99',
          callSign: 'PCCC-99',
          kind: 'FIRE_TRUCK',
          nameVi: 'Xe chữa cháy 93CD-099',
          nameEn: 'Fire engine 93CD-099',
          agencyId: pcccId,
          capacity: 6,
          homeBase: { unitId: jurisdictionId, address: 'Số 1 Trần Hưng Đạo, Đồng Xoài', location: { latitude: 11.54, longitude: 106.89 } },
        },
      },
      { token: asOperator.token() },
    );
    expect(unit.errors).toBeUndefined();
    expect(unit.data!.createFieldUnit).toMatchObject({
      code: 'FU-PCCC-99',
      agency: { code: 'PCCC-BP' },
      homeBase: { unit: { code: '689' } },
    });

    const badLocation = await execute(
      hub.gatewayUrl,
      CreateFieldUnitDocument,
      {
        input: {
          code: 'FU-X',
          callSign: 'X-1',
          kind: 'AMBULANCE',
          nameVi: 'Xe',
          nameEn: 'Car',
          agencyId: pcccId,
          capacity: 0,
          homeBase: { unitId: jurisdictionId, address: 'Đồng Xoài', location: { latitude: 95, longitude: 106 } },
        },
      },
      { token: asOperator.token() },
    );
    expect(codes(badLocation)).toEqual(['BAD_USER_INPUT']);
    const fields = (badLocation.errors![0].extensions!.problems as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['capacity', 'homeBase.location.latitude']));

    const otherAgency = await execute(hub.gatewayUrl, AgencyByCodeDocument, { code: 'UBND-TANBINH' });
    const mismatch = await execute(
      hub.gatewayUrl,
      CreatePersonDocument,
      {
        input: {
          fullName: 'Lê Văn Tâm',
          roles: ['FIELD_OFFICER'],
          agencyId: otherAgency.data!.agencyByCode!.id,
          fieldUnitId: unit.data!.createFieldUnit.id,
        },
      },
      { token: asOperator.token() },
    );
    expect(codes(mismatch)).toEqual(['BAD_USER_INPUT']);
    const officer = await execute(
      hub.gatewayUrl,
      CreatePersonDocument,
      {
        input: {
          fullName: 'Lê Văn Tâm',
          roles: ['FIELD_OFFICER'],
          agencyId: pcccId,
          fieldUnitId: unit.data!.createFieldUnit.id,
          phone: '0913 222 333',
        },
      },
      { token: asOperator.token() },
    );
    expect(officer.errors).toBeUndefined();
    expect(officer.data!.createPerson).toMatchObject({
      fullName: 'Lê Văn Tâm',
      agency: { code: 'PCCC-BP' },
      fieldUnit: { code: 'FU-PCCC-99' },
    });
    const renamed = await execute(
      hub.gatewayUrl,
      UpdatePersonDocument,
      { id: officer.data!.createPerson.id, input: { fullName: 'Lê Văn Tâm (Đội 2)', expectedVersion: 1 } },
      { token: asOperator.token() },
    );
    expect(renamed.data!.updatePerson).toMatchObject({ fullName: 'Lê Văn Tâm (Đội 2)', version: 2 });
  });
});
