import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { Role } from '@ioc-graph/platform';
import { OpenIncidentDocument } from '../../../__generated__/graphql';
import { execute, type GraphQLResponse, type Hub } from '../../../test/support/hub';

/** The data of a response that must have no errors. */
export const ok = <T>(response: GraphQLResponse<T>): T => {
  expect(response.errors).toBeUndefined();
  return response.data!;
};

/** The id of a demo agency, by code. */
export const agency = (code: string) => demoId('agency', code);

/** Tokens for staff of demo agencies other than the demo agency (SXD-BP), by agency code. */
export async function staffTokens(hub: Hub, codes: string[]): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const code of codes) {
    tokens[code] = await hub.tokenFor({ subject: `staff-${code.toLowerCase()}`, roles: [Role.AGENCY_STAFF], agencyId: agency(code), fieldUnitId: null, scopeUnitId: null });
  }
  return tokens;
}

/** Opens a landslide above the Thác Mơ reservoir (operator): its category is handled by command support. */
export async function openLandslide(hub: Hub, title = 'Sạt lở đất bờ hồ Thác Mơ, phường Thác Mơ') {
  const input = {
    categoryId: categoryId('EMG_LANDSLIDE'),
    title,
    description: 'Mưa lớn kéo dài, sạt lở taluy dương ven hồ Thác Mơ, 12 hộ dân có nguy cơ bị vùi lấp',
    unitId: demoId('unit', 'BP-688-THACMO'),
  };
  return ok(await execute(hub.gatewayUrl, OpenIncidentDocument, { input }, { token: hub.tokens.OPERATOR })).openIncident;
}
