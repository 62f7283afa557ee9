import { loaderByForeignKey, loaderByUnique } from '@ioc-graph/platform';
import type { IncidentsContext } from '../context';
import { PublicWarning } from './publicWarning';
import { PublicWarningMessage } from './publicWarningMessage';

export const publicWarningById = (ctx: IncidentsContext) => loaderByUnique(ctx, PublicWarning, 'id');

/** The CAP messages of every warning of a request, in one query, oldest first. */
export const messagesOfWarning = (ctx: IncidentsContext) => loaderByForeignKey(ctx, PublicWarningMessage, 'warning', { sequence: 'ASC' });
