import { Role } from '@ioc-graph/platform';
import { AgenciesDocument, FieldUnitsDocument, UnitByCodeDocument, UnitsDocument, type UnitsQuery } from '../../../__generated__/graphql';
import { codes, execute, startHub, type GraphQLResponse, type Hub } from '../../../test/support/hub';

describe('directory queries through the gateway', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.stop());

  it('shows the public the province with its children, ancestors and centroid', async () => {
    const province = await execute(hub.gatewayUrl, UnitByCodeDocument, { code: '70' });
    expect(province.errors).toBeUndefined();
    const unit = province.data!.administrativeUnitByCode!;
    expect(unit).toMatchObject({ nameVi: 'Tỉnh Bình Phước', level: 'PROVINCE', depth: 0, parent: null, ancestors: [] });
    expect(unit.centroid!.latitude).toBeGreaterThan(11);
    const childCodes = unit.children.map((c) => c.code);
    expect(childCodes).toEqual(expect.arrayContaining(['689', '688', '690']));

    const ward = await execute(hub.gatewayUrl, UnitsDocument, { filter: { search: 'Tan Phu', level: 'COMMUNE' }, first: 5 });
    const tanPhu = ward.data!.administrativeUnits.edges.find((e) => e.node.nameVi === 'Phường Tân Phú')!.node;
    const detail = await execute(hub.gatewayUrl, UnitByCodeDocument, { code: tanPhu.code });
    expect(detail.data!.administrativeUnitByCode!.ancestors.map((a) => a.code)).toEqual(['70', '689']);
    expect(detail.data!.administrativeUnitByCode!.parent!.code).toBe('689');
  });

  it('finds Vietnamese names with or without diacritics', async () => {
    for (const search of ['Dong Xoai', 'đồng xoài', 'ĐỒNG XOÀI']) {
      const result = await execute(hub.gatewayUrl, UnitsDocument, { filter: { search }, first: 10 });
      expect(result.data!.administrativeUnits.edges.map((e) => e.node.nameVi)).toContain('Thành phố Đồng Xoài');
    }
    const none = await execute(hub.gatewayUrl, UnitsDocument, { filter: { search: 'Hà Nội' } });
    expect(none.data!.administrativeUnits.totalCount).toBe(0);
  });

  it('filters a whole subtree and pages through it with cursors, without gaps or repeats', async () => {
    const city = await execute(hub.gatewayUrl, UnitByCodeDocument, { code: '689' });
    const cityId = city.data!.administrativeUnitByCode!.id;
    const all = await execute(hub.gatewayUrl, UnitsDocument, { filter: { withinId: cityId }, first: 100 });
    const total = all.data!.administrativeUnits.totalCount;
    expect(total).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: GraphQLResponse<UnitsQuery> = await execute(hub.gatewayUrl, UnitsDocument, {
        filter: { withinId: cityId },
        first: 2,
        after,
      });
      const connection = result.data!.administrativeUnits;
      expect(connection.totalCount).toBe(total);
      seen.push(...connection.edges.map((e: { node: { code: string } }) => e.node.code));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data!.administrativeUnits.edges.map((e) => e.node.code));
    expect(new Set(seen).size).toBe(total);
  });

  it('lists agencies of a subtree and keeps field units from the public and partners', async () => {
    const city = await execute(hub.gatewayUrl, UnitByCodeDocument, { code: '689' });
    const agencies = await execute(hub.gatewayUrl, AgenciesDocument, { filter: { withinUnitId: city.data!.administrativeUnitByCode!.id } });
    expect(agencies.data!.agencies.totalCount).toBeGreaterThanOrEqual(1);
    for (const edge of agencies.data!.agencies.edges) expect(edge.node.jurisdiction.code).not.toBe('70');

    const anonymous = await execute(hub.gatewayUrl, FieldUnitsDocument, {});
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const partner = await execute(hub.gatewayUrl, FieldUnitsDocument, {}, { token: hub.tokens[Role.PARTNER] });
    expect(codes(partner)).toEqual(['FORBIDDEN']);
    const operator = await execute(
      hub.gatewayUrl,
      FieldUnitsDocument,
      { filter: { kind: 'FIRE_TRUCK' }, first: 50 },
      { token: hub.tokens[Role.OPERATOR] },
    );
    expect(operator.errors).toBeUndefined();
    expect(operator.data!.fieldUnits.totalCount).toBeGreaterThanOrEqual(3);
    expect(operator.data!.fieldUnits.edges.every((e) => e.node.kind === 'FIRE_TRUCK')).toBe(true);
  });

  it('rejects malformed ids and cursors with BAD_USER_INPUT', async () => {
    const badId = await execute(hub.gatewayUrl, UnitsDocument, { filter: { withinId: 'not-an-id' } });
    expect(codes(badId)).toEqual(['BAD_USER_INPUT']);
    const badCursor = await execute(hub.gatewayUrl, UnitsDocument, { after: 'garbage' });
    expect(codes(badCursor)).toEqual(['BAD_USER_INPUT']);
    const tooMany = await execute(hub.gatewayUrl, UnitsDocument, { first: 1000 });
    expect(codes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });
});
