import { loaderByForeignKey, loaderByUnique } from '@ioc-graph/platform';
import { READ_ONLY, type DirectoryContext } from '../context';
import { Person } from './person';

export const personById = (ctx: DirectoryContext) => loaderByUnique(ctx, Person, 'id', READ_ONLY);
export const personBySubject = (ctx: DirectoryContext) => loaderByUnique(ctx, Person, 'subject', READ_ONLY);
export const peopleByAgency = (ctx: DirectoryContext) => loaderByForeignKey(ctx, Person, 'agency', { fullName: 'ASC' }, READ_ONLY);
