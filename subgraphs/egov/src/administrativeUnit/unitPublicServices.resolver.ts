import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EgovContext } from '../context';
import { AdministrativeUnit } from '../foreign/entities';
import { periodKey, PublicServices, publicServicesOf, publicServicesPeriod } from '../kpi/publicServices';

/** The public service figures of the directory's administrative units. */
@Resolver(() => AdministrativeUnit)
export class UnitPublicServicesResolver {
  @FieldResolver(() => PublicServices, {
    nullable: true,
    description:
      'Public service figures of the agencies serving this unit and the units below it (received, finished, on time, overdue now, online, working days); open data; null when the e-government service is unavailable',
  })
  publicServices(
    @Root() unit: AdministrativeUnit,
    @Ctx() ctx: EgovContext,
    @Arg('from', () => Date, { nullable: true, description: 'Start (inclusive); the start of this year in Asia/Ho_Chi_Minh when omitted' })
    from?: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'End (exclusive); now when omitted' }) to?: Date | null,
  ): Promise<PublicServices> {
    return publicServicesOf(ctx, 'unit').load(periodKey(unit.id, publicServicesPeriod(ctx, from, to)));
  }
}
