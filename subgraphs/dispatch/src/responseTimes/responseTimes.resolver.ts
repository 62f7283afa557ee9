import { forbidden, hasRole, localDateSql, requireId, Role } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, Field, ID, InputType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { DispatchContext } from '../context';
import { ResponseTimeBucket } from './responseTimes';

export enum ResponseTimeDimension {
  AGENCY = 'AGENCY',
  UNIT_KIND = 'UNIT_KIND',
  UNIT = 'UNIT',
  DAY = 'DAY',
  MONTH = 'MONTH',
}
registerEnumType(ResponseTimeDimension, {
  name: 'ResponseTimeDimension',
  description: 'What to group response times by; keys of the buckets follow it',
  valuesConfig: {
    AGENCY: { description: 'By agency of the unit: keys are Agency ids' },
    UNIT_KIND: { description: 'By kind of field unit: keys are FieldUnitKind values' },
    UNIT: { description: 'By administrative unit just below filter.withinUnitId (or below the province): keys are AdministrativeUnit ids' },
    DAY: { description: 'By local day of dispatch (Asia/Ho_Chi_Minh): keys are YYYY-MM-DD' },
    MONTH: { description: 'By local month of dispatch (Asia/Ho_Chi_Minh): keys are YYYY-MM' },
  },
});

@InputType({ description: 'Which assignments to measure; all given conditions must hold' })
export class ResponseTimeFilter {
  @Field({ nullable: true, description: 'Dispatched at or after' })
  from?: Date;

  @Field({ nullable: true, description: 'Dispatched before' })
  to?: Date;

  @Field(() => ID, { nullable: true, description: 'Only units of this agency' })
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: 'Incidents in this administrative unit or below it' })
  withinUnitId?: string;
}

const KEYS: Record<ResponseTimeDimension, string> = {
  AGENCY: 'agency_id::text',
  UNIT_KIND: 'unit_kind',
  UNIT: 'unit_lineage[coalesce(array_position(unit_lineage, ?), 1) + 1]',
  DAY: localDateSql('dispatched_at'),
  MONTH: localDateSql('dispatched_at', 'YYYY-MM'),
};

const seconds = (from: string, to: string) => `extract(epoch from (${to} - ${from}))`;

/** Aggregated response times for leaders and agencies (drills excluded; only assignments that reached the scene). */
@Resolver()
export class ResponseTimeResolver {
  @Authorized(Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF)
  @Query(() => [ResponseTimeBucket], {
    description: 'Response times grouped by a dimension (drills excluded). Leaders and operators read all, agency staff their own units',
  })
  async responseTimeStats(
    @Arg('by', () => ResponseTimeDimension, { description: 'What to group by' }) by: ResponseTimeDimension,
    @Arg('filter', () => ResponseTimeFilter, {
      nullable: true,
      description: 'Which assignments to measure; all you may read when omitted',
    })
    filter: ResponseTimeFilter | null,
    @Ctx() ctx: DispatchContext,
  ): Promise<ResponseTimeBucket[]> {
    const conditions = ['not exercise', 'on_scene_at is not null'];
    const params: unknown[] = [];
    const within = filter?.withinUnitId ? requireId(filter.withinUnitId, 'withinUnitId') : null;
    const keyParams = by === ResponseTimeDimension.UNIT ? [within] : [];
    let agencyId = filter?.agencyId ? requireId(filter.agencyId, 'agencyId') : null;
    if (!hasRole(ctx.identity, Role.LEADER, Role.OPERATOR)) {
      if (!ctx.identity.agencyId) throw forbidden();
      agencyId = ctx.identity.agencyId;
    }
    const where = (condition: string, param: unknown) => {
      conditions.push(condition);
      params.push(param);
    };
    if (agencyId) where('agency_id = ?', agencyId);
    if (within) where('? = any(unit_lineage)', within);
    if (filter?.from) where('dispatched_at >= ?', filter.from);
    if (filter?.to) where('dispatched_at < ?', filter.to);
    const key = KEYS[by];
    const rows = await ctx.em.getConnection().execute<Record<string, string | null>[]>(
      `select ${key} as key, count(*) as count,
              avg(${seconds('received_at', 'dispatched_at')}) as call_processing,
              avg(${seconds('dispatched_at', 'en_route_at')}) as turnout,
              avg(${seconds('en_route_at', 'on_scene_at')}) as travel,
              avg(${seconds('received_at', 'on_scene_at')}) as response,
              percentile_cont(0.9) within group (order by ${seconds('received_at', 'on_scene_at')}) as p90
         from dispatch.assignment where ${conditions.join(' and ')}
        group by 1 order by 1`,
      [...keyParams, ...params],
    );
    const num = (value: string | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);
    return rows
      .filter((row) => row.key !== null)
      .map((row) => ({
        key: row.key!,
        count: Number(row.count),
        averageCallProcessingSeconds: num(row.call_processing),
        averageTurnoutSeconds: num(row.turnout),
        averageTravelSeconds: num(row.travel),
        averageResponseSeconds: num(row.response),
        p90ResponseSeconds: num(row.p90),
      }));
  }
}
