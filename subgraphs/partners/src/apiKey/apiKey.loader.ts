import { loaderByForeignKey } from '@ioc-graph/platform';
import { READ_ONLY, type PartnersContext } from '../context';
import { ApiKey } from './apiKey';

/** The keys of every partner of a request, in one statement. */
export const apiKeysByPartner = (ctx: PartnersContext) => loaderByForeignKey(ctx, ApiKey, 'partner', { createdAt: 'DESC' }, READ_ONLY);
