import { isCenterOrService, loaderByForeignKey } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import { directivesByOperation, visibleDirectives } from '../directive/directive.loader';
import { LogSubject, OperationLogEntry } from './logEntry';

/** Each operation's running log, oldest step first, for all operations of a request in one query. */
export const logByOperation = (ctx: CommandContext) => loaderByForeignKey(ctx, OperationLogEntry, 'operationId', { at: 'ASC', id: 'ASC' });

/** The running log as the caller may read it: without the steps of directives not addressed to them. */
export async function readableLog(ctx: CommandContext, operationId: string): Promise<OperationLogEntry[]> {
  const entries = await logByOperation(ctx).load(operationId);
  if (isCenterOrService(ctx.identity)) return entries;
  const visible = new Set((await visibleDirectives(ctx, await directivesByOperation(ctx).load(operationId))).map((d) => d.id));
  return entries.filter((entry) => entry.subjectType !== LogSubject.DIRECTIVE || visible.has(entry.subjectId));
}
