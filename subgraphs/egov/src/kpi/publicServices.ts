import { badInput, checkSeriesSpan, isUuid, startOfLocalYear } from '@ioc-graph/platform';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { EgovContext } from '../context';

/** The public service figures of an agency or of the agencies serving a unit's subtree: open data (provinces publish them). */
@ObjectType({ description: 'Public service figures (chỉ số giải quyết thủ tục hành chính) over a period: open data, no dossier' })
export class PublicServices {
  @Field({ description: 'Start of the period (inclusive; hours of the rollups starting at or after it)' })
  from!: Date;

  @Field({ description: 'End of the period (exclusive)' })
  to!: Date;

  @Field(() => Int, { description: 'Dossiers received in the period (tiếp nhận)' })
  received!: number;

  @Field(() => Int, { description: 'Dossiers finished in the period (đã giải quyết)' })
  finished!: number;

  @Field(() => Int, { description: 'Dossiers returned unhandled in the period (trả lại, rút)' })
  returned!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the finished dossiers finished by their due time, 0 to 1 (tỷ lệ đúng hạn); null when none finished',
  })
  onTimeRate!: number | null;

  @Field(() => Int, { description: 'Dossiers being handled past their due time now, whatever the period (đang quá hạn)' })
  overdue!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the received dossiers filed online, 0 to 1 (tỷ lệ trực tuyến); null when none received',
  })
  onlineRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Average processing time of the finished dossiers in working days (office hours, weekends and holidays off); null when none finished',
  })
  averageProcessingDays!: number | null;
}

/** The period of a `publicServices` field: [from, to), by default from the start of this local year to now. */
export function publicServicesPeriod(ctx: EgovContext, from?: Date | null, to?: Date | null): { from: Date; to: Date } {
  const now = ctx.clock.now();
  const period = { from: from ?? startOfLocalYear(to ?? now), to: to ?? now };
  checkSeriesSpan(period.from, period.to, 'A period spans');
  return period;
}

interface Row {
  key: string;
  received: number;
  finished: number;
  returned: number;
  onTime: number;
  online: number;
  days: number;
  overdue: number;
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/**
 * The figures of every agency (`by: 'agency'`) or unit subtree (`by: 'unit'`) asked for in a request,
 * one SQL statement per period asked: hourly rollups for the period, dossiers overdue now.
 */
export const publicServicesOf = (ctx: EgovContext, by: 'agency' | 'unit') =>
  ctx.loaders.get<string, PublicServices>(`publicServices:${by}`, async (keys) => {
    const periods = new Map<string, string[]>();
    for (const key of keys) {
      const [id, from, to] = key.split('|') as [string, string, string];
      if (isUuid(id)) periods.set(`${from}|${to}`, [...(periods.get(`${from}|${to}`) ?? []), id]);
    }
    const match = by === 'agency' ? 'a.id = k.key::uuid' : 'a.unit_lineage @> array[k.key]';
    const now = ctx.clock.now().toISOString();
    const found = new Map<string, Row>();
    for (const [period, ids] of periods) {
      const [from, to] = period.split('|') as [string, string];
      const rows = await ctx.em.getConnection().execute<Row[]>(
        `select k.key, coalesce(r.received, 0)::int as received, coalesce(r.finished, 0)::int as finished,
           coalesce(r.returned, 0)::int as returned, coalesce(r.on_time, 0)::int as "onTime", coalesce(r.online, 0)::int as online,
           coalesce(r.days, 0)::float8 as days, o.overdue
         from unnest(?::text[]) as k(key)
         left join lateral (
           select sum(h.received) as received, sum(h.finished) as finished, sum(h.returned) as returned,
             sum(h.finished_on_time) as on_time, sum(h.received_online) as online, sum(h.processing_days) as days
           from egov.hourly_dossier h join egov.service_agency a on a.id = h.agency_id
           where ${match} and h.hour >= ?::timestamptz and h.hour < ?::timestamptz
         ) r on true
         left join lateral (
           select count(*)::int as overdue from egov.dossier d join egov.service_agency a on a.id = d.agency_id
           where ${match} and d.status = 'RECEIVED' and d.due_at < ?::timestamptz
         ) o on true`,
        [`{${[...new Set(ids)].join(',')}}`, from, to, now],
      );
      for (const row of rows) found.set(`${row.key}|${period}`, row);
    }
    return keys.map((key) => {
      const [id, from, to] = key.split('|') as [string, string, string];
      const row = found.get(key) ?? found.get(`${id.toLowerCase()}|${from}|${to}`);
      const finished = Number(row?.finished ?? 0);
      const received = Number(row?.received ?? 0);
      return {
        from: new Date(from),
        to: new Date(to),
        received,
        finished,
        returned: Number(row?.returned ?? 0),
        onTimeRate: rate(Number(row?.onTime ?? 0), finished),
        overdue: Number(row?.overdue ?? 0),
        onlineRate: rate(Number(row?.online ?? 0), received),
        averageProcessingDays: finished > 0 ? Math.round((Number(row!.days) / finished) * 100) / 100 : null,
      };
    });
  });

/** The loader key of an agency's or unit's figures over a period. */
export const periodKey = (id: string, period: { from: Date; to: Date }) => {
  if (id.includes('|')) throw badInput('Not an id', [{ field: 'id', message: 'must be a UUID' }]);
  return `${id.toLowerCase()}|${period.from.toISOString()}|${period.to.toISOString()}`;
};
