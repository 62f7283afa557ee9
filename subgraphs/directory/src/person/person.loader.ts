import { loaderByForeignKey, loaderByUnique } from '@ioc-graph/platform';
import type { DirectoryContext } from '../context';
import { Person } from './person';

export const personById = (ctx: DirectoryContext) => loaderByUnique(ctx, Person, 'id');
export const personBySubject = (ctx: DirectoryContext) => loaderByUnique(ctx, Person, 'subject');
export const peopleByAgency = (ctx: DirectoryContext) => loaderByForeignKey(ctx, Person, 'agency', { fullName: 'ASC' });
