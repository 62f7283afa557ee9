import { EnvironmentUnitPictureDocument, type EnvironmentUnitPictureQuery } from '../../__generated__/graphql';
import { execute, type GraphQLResponse } from './hub';

/** The wall's picture of unit 689 (Đồng Xoài): its name (directory), incidents, traffic and air quality, from four subgraphs. */
export const unitPicture = (url: string, token?: string) => execute(url, EnvironmentUnitPictureDocument, { code: '689' }, { token });

/** The field of the picture each subgraph that a degradation test takes away provides. */
const FIELD = { traffic: 'traffic', incidents: 'incidentStats' } as const;

/**
 * Asserts that `response` is the picture `full` with the part `service` provides null, and one
 * SUBGRAPH_UNAVAILABLE error naming that service at that field; the answer names none of `addresses`
 * (their ports) and no socket error.
 */
export function expectPictureWithout(
  response: GraphQLResponse<EnvironmentUnitPictureQuery>,
  full: EnvironmentUnitPictureQuery['administrativeUnitByCode'],
  service: keyof typeof FIELD,
  addresses: string[],
): void {
  const field = FIELD[service];
  expect(response.status).toBe(200);
  expect(response.data?.administrativeUnitByCode).toEqual({ ...full, [field]: null });
  expect(response.errors).toEqual([
    {
      message: expect.stringContaining(`The ${service} service`),
      path: ['administrativeUnitByCode', field],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: service },
    },
  ]);
  const text = JSON.stringify(response);
  for (const address of addresses) expect(text).not.toContain(new URL(address).port);
  expect(text).not.toMatch(/ECONN|socket|abort/i);
}
