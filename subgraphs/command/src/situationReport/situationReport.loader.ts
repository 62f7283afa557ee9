import { loaderByForeignKey } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import { SituationReport } from './situationReport';

/** Each operation's situation reports, newest first: the latest is what the command room reads. */
export const reportsByOperation = (ctx: CommandContext) =>
  loaderByForeignKey(ctx, SituationReport, 'operation', { filedAt: 'DESC', id: 'DESC' });
