import { bucketedSeries, checkSeriesSpan, withinUnitSql } from '@ioc-graph/platform';
import type { EgovContext } from '../context';
import type { Bucket } from '../vocabulary';
import type { DossierStat } from './dossier';

/**
 * Dossiers received, finished and returned per bucket, from the hourly rollups of the agencies serving a
 * unit's subtree (or of one agency; all without either), over the hours starting in [from, to), bucketed
 * in Asia/Ho_Chi_Minh time; empty buckets are left out.
 */
export async function dossierStats(
  ctx: EgovContext,
  args: { withinUnitId?: string | null; agencyId?: string | null; from: Date; to: Date; bucket: Bucket },
): Promise<DossierStat[]> {
  checkSeriesSpan(args.from, args.to, 'Statistics span');
  const rows = await bucketedSeries<Omit<DossierStat, 'bucketStart'>>(ctx.em, {
    bucket: args.bucket,
    time: 'h.hour',
    source: 'egov.hourly_dossier h join egov.service_agency a on a.id = h.agency_id',
    measures: `sum(h.received)::int as received, sum(h.received_online)::int as "receivedOnline", sum(h.finished)::int as finished,
      sum(h.finished_on_time)::int as "finishedOnTime", sum(h.returned)::int as returned`,
    where: [
      ...(args.withinUnitId ? [{ sql: withinUnitSql('a'), params: [args.withinUnitId.toLowerCase()] }] : []),
      ...(args.agencyId ? [{ sql: 'a.id = ?', params: [args.agencyId.toLowerCase()] }] : []),
    ],
    from: args.from,
    to: args.to,
  });
  return rows.map((r) => ({
    bucketStart: r.bucketStart,
    received: Number(r.received),
    receivedOnline: Number(r.receivedOnline),
    finished: Number(r.finished),
    finishedOnTime: Number(r.finishedOnTime),
    returned: Number(r.returned),
  }));
}
