import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { OpenIncidentDocument } from '../../../__generated__/graphql';
import { ok } from '../../../test/support/graphql';
import { execute, type Hub } from '../../../test/support/hub';
import { staffOf } from '../../../test/support/identities';

/** The id of a demo agency, by code. */
export const agency = (code: string) => demoId('agency', code);

/** Tokens for staff of demo agencies other than the demo agency (SXD-BP), by agency code. */
export async function staffTokens(hub: Hub, codes: string[]): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const code of codes) {
    tokens[code] = await hub.tokenFor(staffOf(agency(code), `staff-${code.toLowerCase()}`));
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
