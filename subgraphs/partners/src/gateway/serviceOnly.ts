import { forbidden, isService } from '@ioc-graph/platform';
import type { MiddlewareFn } from 'type-graphql';
import type { PartnersContext } from '../context';

/**
 * Lets through only another service of the hub (the gateway, calling with its service identity): no
 * token gives one, so staff, partners and the public are all FORBIDDEN. A middleware, so that it runs
 * before the arguments are validated: a caller without the right learns nothing from the checks.
 */
export const ServiceOnly: MiddlewareFn<PartnersContext> = ({ context }, next) => {
  if (!isService(context.identity)) throw forbidden('Only the hub’s gateways may ask this');
  return next();
};
