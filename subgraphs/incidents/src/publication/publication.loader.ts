import { loaderByUnique } from '@ioc-graph/platform';
import type { IncidentsContext } from '../context';
import { Publication } from './publication';

export const publicationById = (ctx: IncidentsContext) => loaderByUnique(ctx, Publication, 'id');
export const publicationByIncident = (ctx: IncidentsContext) => loaderByUnique(ctx, Publication, 'incidentId');
