import { BreachBook, type Identity } from '@ioc-graph/platform';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Camera } from '../camera/camera';
import { CameraStatus } from '../vocabulary';
import { breachAt, cameraPlace, describeAt, localTimeOf, placeName } from './breachPlace';
import { TrafficBreach, TrafficRule, TrafficRuleKind } from './rule';

const MINUTE_MS = 60_000;
const minutesBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / MINUTE_MS);

/**
 * The CAMERA_OFFLINE rules, inside an ingest's transaction, after the status refresh:
 * - an open offline breach whose camera reads ONLINE again (heard from within the offline minutes), or
 *   whose rule was switched off, is closed (`traffic.breachClosed`; peak: the minutes of silence);
 * - a camera the refresh turned OFFLINE (it was ONLINE: a camera never seen online raises nothing, nor
 *   does a backfill of old heartbeats) opens a breach for each active rule (`traffic.breachOpened`,
 *   started at its last heartbeat), unless one is open there.
 */
export async function evaluateOffline(tx: EntityManager, now: Date, actor: Identity, wentOffline: string[]): Promise<void> {
  const offlineRules = await tx.find(TrafficRule, { kind: TrafficRuleKind.CAMERA_OFFLINE }, { orderBy: { code: 'ASC' } });
  if (!offlineRules.length) return;
  // Locked: a concurrent ingest that ends one of them first makes it drop out here (no second breachClosed).
  const open = await tx.find(
    TrafficBreach,
    { endedAt: null, rule: { $in: offlineRules.map((r) => r.id) } },
    { populate: ['rule'], lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!open.length && !wentOffline.length) return;
  const cameraIds = [...new Set([...open.map((b) => b.subjectId), ...wentOffline])];
  const cameras = new Map((await tx.find(Camera, { id: { $in: cameraIds } }, { refresh: true })).map((c) => [c.id, c]));
  const book = new BreachBook<TrafficBreach>(tx, { sector: 'traffic', actor, now });
  const openHere = new Set<string>();
  for (const breach of open) {
    const camera = cameras.get(breach.subjectId)!;
    const heard = camera.lastHeartbeatAt ? new Date(camera.lastHeartbeatAt) : null;
    if (breach.rule.active && !(camera.status === CameraStatus.ONLINE && heard && heard > breach.startedAt)) {
      openHere.add(`${breach.rule.id}:${breach.subjectId}`);
      continue;
    }
    const silentUntil = heard && heard > breach.startedAt ? heard : now;
    const place = cameraPlace(camera);
    await book.close(breach, describeAt(place, `${placeName(place)} đã kết nối lại`), {
      state: 'clear',
      value: minutesBetween(breach.startedAt, silentUntil),
      seenAt: now,
    });
  }
  for (const id of wentOffline) {
    const camera = cameras.get(id);
    if (!camera?.lastHeartbeatAt || camera.status !== CameraStatus.OFFLINE) continue;
    const lastHeard = new Date(camera.lastHeartbeatAt);
    const place = cameraPlace(camera);
    for (const rule of offlineRules) {
      if (!rule.active || openHere.has(`${rule.id}:${id}`)) continue;
      await book.apply(
        undefined,
        { state: 'met', value: minutesBetween(lastHeard, now), severity: rule.severity, startedAt: lastHeard, seenAt: now },
        {
          create: breachAt(tx, rule, 'Camera', place),
          describe: describeAt(place, `${placeName(place)} mất kết nối từ ${localTimeOf(lastHeard, now)}`),
        },
      );
    }
  }
}
