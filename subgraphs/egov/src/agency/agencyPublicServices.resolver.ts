import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EgovContext } from '../context';
import { Agency } from '../foreign/entities';
import { periodKey, PublicServices, publicServicesOf, publicServicesPeriod } from '../kpi/publicServices';

/** The public service figures of the directory's agencies. */
@Resolver(() => Agency)
export class AgencyPublicServicesResolver {
  @FieldResolver(() => PublicServices, {
    nullable: true,
    description:
      'Public service figures of this agency’s dossiers (received, finished, on time, overdue now, online, working days); open data; null when the e-government service is unavailable',
  })
  publicServices(
    @Root() agency: Agency,
    @Ctx() ctx: EgovContext,
    @Arg('from', () => Date, { nullable: true, description: 'Start (inclusive); the start of this year in Asia/Ho_Chi_Minh when omitted' })
    from?: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'End (exclusive); now when omitted' }) to?: Date | null,
  ): Promise<PublicServices> {
    return publicServicesOf(ctx, 'agency').load(periodKey(agency.id, publicServicesPeriod(ctx, from, to)));
  }
}
