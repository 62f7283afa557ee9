import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { IncidentsContext } from '../context';
import { RUNNING_STATES, OPEN_STATES, IncidentState } from '../incident/incident.rules';

/** Workload figures of a unit's subtree or an agency, drills excluded. */
@ObjectType({ description: 'Incident figures (drills excluded)' })
export class IncidentStats {
  @Field(() => Int, { description: 'All incidents' })
  total!: number;

  @Field(() => Int, { description: 'Not yet approved, published or closed' })
  open!: number;

  @Field(() => Int, { description: 'Past the deadline without a result' })
  overdue!: number;

  @Field(() => Int, { description: 'Incidents whose result is published (PUBLISHED)' })
  published!: number;

  @Field(() => Float, { nullable: true, description: 'Share of results submitted by their deadline, 0–1; null before any' })
  onTimeRate!: number | null;
}

interface Row {
  key: string;
  total: string;
  open: string;
  overdue: string;
  published: string;
  with_result: string;
  on_time: string;
}

const list = (states: readonly string[]) => states.map((s) => `'${s}'`).join(', ');

// State names come from the enum, never from input, so they are inlined; keys and times are bound.
const FIGURES = `
  count(*) as total,
  count(*) filter (where i.state in (${list(OPEN_STATES)})) as open,
  count(*) filter (where i.state in (${list(RUNNING_STATES)}) and i.deadline <= ?) as overdue,
  count(*) filter (where i.state = '${IncidentState.PUBLISHED}') as published,
  count(*) filter (where i.result_submitted_at is not null and i.deadline is not null) as with_result,
  count(*) filter (where i.result_submitted_at is not null and i.result_submitted_at < i.deadline) as on_time`;

const toStats = (row: Row | undefined): IncidentStats => {
  const n = (value: string | undefined) => Number(value ?? 0);
  return {
    total: n(row?.total),
    open: n(row?.open),
    overdue: n(row?.overdue),
    published: n(row?.published),
    onTimeRate: n(row?.with_result) ? n(row?.on_time) / n(row?.with_result) : null,
  };
};

/** Figures of the subtrees below many units, in one query. */
export const statsByUnit = (ctx: IncidentsContext) =>
  ctx.loaders.get<string, IncidentStats>('stats:unit', async (ids) => {
    const rows = await ctx.em.getConnection().execute<Row[]>(
      `select u.id as key, ${FIGURES}
         from unnest(array[?]::text[]) as u(id)
         join incidents.incident i on i.unit_lineage @> array[u.id] and i.status = 'ACTUAL'
        group by u.id`,
      [ctx.clock.now(), [...ids]],
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return ids.map((id) => toStats(byKey.get(id)));
  });

/** Figures of many agencies, in one query. */
export const statsByAgency = (ctx: IncidentsContext) =>
  ctx.loaders.get<string, IncidentStats>('stats:agency', async (ids) => {
    const rows = await ctx.em.getConnection().execute<Row[]>(
      `select i.agency_id as key, ${FIGURES}
         from incidents.incident i
        where i.agency_id in (?) and i.status = 'ACTUAL'
        group by i.agency_id`,
      [ctx.clock.now(), [...ids]],
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return ids.map((id) => toStats(byKey.get(id)));
  });
