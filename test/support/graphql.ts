import type { GraphQLResponse } from './hub';

/** The data of a response that must have no errors (the errors are shown when it has some). */
export function ok<T>(response: Pick<GraphQLResponse<T>, 'data' | 'errors'>): T {
  expect(response.errors).toBeUndefined();
  return response.data!;
}
