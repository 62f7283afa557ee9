import { badInput } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Checks that an ID argument is one of ours (a UUID); a BAD_USER_INPUT error names the field otherwise. */
export function requireId(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(`${field} is not a valid id`, [{ field, message: 'must be an id returned by this API' }]);
  return value.toLowerCase();
}
