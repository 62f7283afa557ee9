import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The minutes after which a silent camera is OFFLINE: the active CAMERA_OFFLINE rule's duration (15 by
 * default, and when no such rule is active).
 */
export const OFFLINE_MINUTES_SQL = `coalesce((select r.duration_minutes from traffic.rule r where r.kind = 'CAMERA_OFFLINE' and r.active order by r.code limit 1), 15)`;

/** SQL true when the camera aliased `alias` was heard from within the offline minutes before `?` (now). */
export const onlineSql = (alias: string) =>
  `(${alias}.last_heartbeat_at is not null and ${alias}.last_heartbeat_at > ?::timestamptz - make_interval(mins => ${OFFLINE_MINUTES_SQL}))`;

/**
 * Brings the stored status of every camera up to date with the clock (ONLINE when heard from within the
 * offline minutes). Run by every heartbeat and detection ingest; the GraphQL `status` and the unit
 * counts apply the same test at query time, so a camera that fell silent reads OFFLINE without waiting
 * for the next ingest. Answers the ids of the cameras this refresh turned OFFLINE (ONLINE before: a
 * camera never seen online, or one already OFFLINE, is not among them), for the CAMERA_OFFLINE rules.
 */
export async function refreshCameraStatus(tx: EntityManager, now: Date): Promise<string[]> {
  const changed = await tx.execute<{ id: string; status: string }[]>(
    `update traffic.camera c set status = case when ${onlineSql('c')} then 'ONLINE' else 'OFFLINE' end
     where c.status is distinct from (case when ${onlineSql('c')} then 'ONLINE' else 'OFFLINE' end)
     returning c.id, c.status`,
    [now.toISOString(), now.toISOString()],
  );
  return changed.filter((c) => c.status === 'OFFLINE').map((c) => c.id);
}
