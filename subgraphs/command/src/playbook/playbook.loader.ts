import { badInput, loaderByUnique, requireId } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import { Playbook } from './playbook';

/** Playbooks by id and by code, batched per request. */
export const playbookById = (ctx: CommandContext) => loaderByUnique(ctx, Playbook, 'id');
export const playbookByCode = (ctx: CommandContext) => loaderByUnique(ctx, Playbook, 'code');

/** The playbook an input names, or BAD_USER_INPUT naming the field. */
export async function requirePlaybook(ctx: CommandContext, id: string, field: string): Promise<Playbook> {
  const playbook = await playbookById(ctx).load(requireId(id, field));
  if (!playbook) throw badInput(`${field} refers to no playbook`, [{ field, message: 'no such playbook' }]);
  return playbook;
}
