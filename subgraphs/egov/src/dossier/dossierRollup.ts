import type { EntityManager } from '@mikro-orm/postgresql';
import { DossierChannel, DossierStatus } from '../vocabulary';

const HOUR_MS = 3_600_000;
const MEASURES = ['received', 'received_online', 'finished', 'finished_on_time', 'returned', 'processing_days'] as const;
type Measure = (typeof MEASURES)[number];

/** What of a dossier the rollups count. */
export interface RollupSide {
  agencyId: string;
  channel: DossierChannel;
  status: DossierStatus;
  receivedAt: Date;
  dueAt: Date;
  finishedAt: Date | null;
  processingDays: number | null;
}

type Row = { agency_id: string; hour: string } & Record<Measure, number>;

/**
 * Adds to the hourly rollups the difference each written dossier makes: its counts now minus its counts
 * before (none for a new one), so that a dossier moving from RECEIVED to FINISHED adds one finished at its
 * result's hour and nothing more. The kit's `upsertHourlyRollups` only adds records; a dossier changes.
 * One statement, grouped by agency and UTC hour here, where the dossiers already are.
 */
export async function addRollupDifferences(tx: EntityManager, changes: { before: RollupSide | null; after: RollupSide }[]): Promise<void> {
  const groups = new Map<string, Row>();
  const add = (side: RollupSide | null, sign: 1 | -1) => {
    if (!side) return;
    const bump = (at: Date, measures: Partial<Record<Measure, number>>) => {
      const hour = new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS).toISOString();
      const key = `${side.agencyId}|${hour}`;
      let row = groups.get(key);
      if (!row) {
        row = {
          agency_id: side.agencyId,
          hour,
          received: 0,
          received_online: 0,
          finished: 0,
          finished_on_time: 0,
          returned: 0,
          processing_days: 0,
        };
        groups.set(key, row);
      }
      for (const [measure, value] of Object.entries(measures) as [Measure, number][]) row[measure] += sign * value;
    };
    bump(side.receivedAt, { received: 1, received_online: side.channel === DossierChannel.ONLINE ? 1 : 0 });
    if (side.status === DossierStatus.FINISHED && side.finishedAt)
      bump(side.finishedAt, {
        finished: 1,
        finished_on_time: side.finishedAt <= side.dueAt ? 1 : 0,
        processing_days: side.processingDays ?? 0,
      });
    if (side.status === DossierStatus.RETURNED && side.finishedAt) bump(side.finishedAt, { returned: 1 });
  };
  for (const change of changes) {
    add(change.before, -1);
    add(change.after, 1);
  }
  const rows = [...groups.values()].filter((r) => MEASURES.some((m) => r[m] !== 0));
  if (!rows.length) return;
  await tx.execute(
    `insert into egov.hourly_dossier as t (agency_id, hour, ${MEASURES.join(', ')})
     select agency_id, hour, ${MEASURES.join(', ')}
     from jsonb_to_recordset(?::jsonb) as x(agency_id uuid, hour timestamptz, received int, received_online int, finished int,
       finished_on_time int, returned int, processing_days double precision)
     on conflict (agency_id, hour) do update set ${MEASURES.map((m) => `${m} = t.${m} + excluded.${m}`).join(', ')}`,
    [JSON.stringify(rows)],
  );
}
