import { loaderByUnique } from '@ioc-graph/platform';
import type { EgovContext } from '../context';
import { Procedure } from './procedure';

export const procedureById = (ctx: EgovContext) => loaderByUnique(ctx, Procedure, 'id');
export const procedureByCode = (ctx: EgovContext) => loaderByUnique(ctx, Procedure, 'code');
