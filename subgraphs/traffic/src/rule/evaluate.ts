import { emitEvent, type Identity } from '@ioc-graph/platform';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Camera, RoadSegment } from '../camera/camera';
import { CameraStatus, TIME_ZONE } from '../vocabulary';
import { TrafficBreach, TrafficRule, TrafficRuleKind } from './rule';

const MINUTE_MS = 60_000;

/** A new ACCIDENT detection, as the ingest returns it. */
export interface AccidentSighting {
  id: string;
  cameraId: string;
  confidence: number;
  imageUrl: string;
  detectedAt: Date;
}

/** Where a breach is, for its event payload (`BreachPayload` of subgraphs/incidents/src/alert/sectorAlerts.ts). */
interface Place {
  id: string;
  code: string;
  nameVi: string;
  unitId: string;
  unitLineage: string[];
  latitude: number | null;
  longitude: number | null;
}

const cameraPlace = (c: Camera): Place => ({ id: c.id, code: c.code, nameVi: c.nameVi, unitId: c.unitId, unitLineage: c.unitLineage, latitude: c.latitude, longitude: c.longitude });
const segmentPlace = (s: RoadSegment): Place => ({ id: s.id, code: s.code, nameVi: `${s.nameVi} (${s.fromPlace} – ${s.toPlace})`, unitId: s.unitId, unitLineage: s.unitLineage, latitude: null, longitude: null });
/** The camera's name without a trailing parenthesis. */
const placeName = (place: Place) => place.nameVi.replace(/\s*\([^)]*\)\s*$/, '');
const num = (v: number, digits = 2) => v.toLocaleString('vi-VN', { maximumFractionDigits: digits });

function emitBreach(tx: EntityManager, actor: Identity, now: Date, step: 'breachOpened' | 'breachUpdated' | 'breachClosed', breach: TrafficBreach, place: Place, headline: string, evidence: string[] = []) {
  const rule = breach.rule;
  return emitEvent(tx, actor, now, {
    type: `traffic.${step}`,
    entityType: 'Breach',
    entityKey: breach.id,
    payload: {
      categoryCode: rule.categoryCode!,
      severity: breach.severity,
      headline,
      description: `Quy tắc ${rule.code} (${rule.nameVi}) tại ${breach.subjectType === 'Camera' ? 'camera' : 'đoạn đường'} ${place.code}; đỉnh ${num(breach.peakValue)}`,
      unitId: place.unitId,
      unitLineage: place.unitLineage,
      latitude: place.latitude,
      longitude: place.longitude,
      place: place.nameVi,
      startedAt: breach.startedAt.toISOString(),
      status: 'ACTUAL',
      ...(evidence.length ? { evidence } : {}),
    },
  });
}

/**
 * The accident rules, inside the ingest's transaction:
 * - an open accident breach whose camera has seen no qualifying accident for the rule's
 *   `clearAfterMinutes` (or whose rule was switched off) is closed (`traffic.breachClosed`);
 * - a new ACCIDENT detection with confidence ≥ the threshold, not older than `clearAfterMinutes`
 *   (a backfill of history raises nothing), opens a breach at its camera (`traffic.breachOpened`,
 *   with the image as evidence) unless one is open there: then it only extends that breach
 *   (lastSeenAt, peak confidence), no event; one accident is one alert, however many frames see it.
 */
export async function evaluateAccidents(tx: EntityManager, now: Date, actor: Identity, sightings: AccidentSighting[]): Promise<void> {
  // Locked: a concurrent ingest that ends one of them first makes it drop out here (no second breachClosed).
  const accidentRules = await tx.find(TrafficRule, { kind: TrafficRuleKind.ACCIDENT }, { orderBy: { code: 'ASC' } });
  const open = await tx.find(TrafficBreach, { endedAt: null, rule: { $in: accidentRules.map((r) => r.id) } }, { populate: ['rule'], lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!open.length && !sightings.length) return;
  const rules = accidentRules.filter((r) => r.active);
  const cameraIds = [...new Set([...open.map((b) => b.subjectId), ...sightings.map((s) => s.cameraId)])];
  const cameras = new Map((await tx.find(Camera, { id: { $in: cameraIds } })).map((c) => [c.id, cameraPlace(c)]));
  const clearMs = (rule: TrafficRule) => (rule.clearAfterMinutes ?? 30) * MINUTE_MS;
  const close = async (breach: TrafficBreach) => {
    breach.endedAt = now;
    const place = cameras.get(breach.subjectId)!;
    if (breach.rule.categoryCode) await emitBreach(tx, actor, now, 'breachClosed', breach, place, `Hết ghi nhận tai nạn giao thông tại ${placeName(place)}`);
    // The end must reach the database before a new breach of the camera (one open per rule and camera).
    await tx.flush();
  };

  const openHere = new Map<string, TrafficBreach>();
  for (const breach of open) {
    if (!breach.rule.active || now.getTime() - breach.lastSeenAt.getTime() > clearMs(breach.rule)) await close(breach);
    else openHere.set(`${breach.rule.id}:${breach.subjectId}`, breach);
  }
  for (const sighting of sightings) {
    for (const rule of rules) {
      if (sighting.confidence < rule.threshold || now.getTime() - sighting.detectedAt.getTime() > clearMs(rule)) continue;
      const key = `${rule.id}:${sighting.cameraId}`;
      const breach = openHere.get(key);
      if (breach && sighting.detectedAt.getTime() - breach.lastSeenAt.getTime() <= clearMs(rule)) {
        if (sighting.detectedAt > breach.lastSeenAt) breach.lastSeenAt = sighting.detectedAt;
        if (sighting.detectedAt < breach.startedAt) breach.startedAt = sighting.detectedAt;
        breach.peakValue = Math.max(breach.peakValue, sighting.confidence);
        continue;
      }
      if (breach) await close(breach);
      const place = cameras.get(sighting.cameraId)!;
      const opened = tx.create(TrafficBreach, {
        rule,
        subjectType: 'Camera',
        subjectId: place.id,
        subjectCode: place.code,
        startedAt: sighting.detectedAt,
        lastSeenAt: sighting.detectedAt,
        endedAt: null,
        peakValue: sighting.confidence,
        severity: rule.severity,
      });
      openHere.set(key, opened);
      if (rule.categoryCode) {
        await emitBreach(tx, actor, now, 'breachOpened', opened, place, `Tai nạn giao thông tại ${placeName(place)}`, [sighting.imageUrl]);
      }
    }
  }
}

interface SegmentRun {
  segmentId: string;
  level: number;
  latestAt: Date;
  start: Date;
  peak: number;
}

/**
 * The congestion rules at the segments an ingest gave new measurements: the run of a segment is its
 * measurements since the last one below the threshold. A rule is met when the latest level is at or
 * above the threshold and the run has lasted `durationMinutes` (from its first to its latest
 * measurement); a met rule without an open breach opens one (`traffic.breachOpened`, started at the
 * run's start); an open breach is extended while met and closed at the first measurement below the
 * threshold (`traffic.breachClosed`). One query per rule for all the segments.
 */
export async function evaluateCongestion(tx: EntityManager, now: Date, actor: Identity, segmentIds: string[]): Promise<void> {
  const rules = await tx.find(TrafficRule, { kind: TrafficRuleKind.CONGESTION }, { orderBy: { code: 'ASC' } });
  const open = await tx.find(TrafficBreach, { endedAt: null, subjectId: { $in: segmentIds }, rule: { kind: TrafficRuleKind.CONGESTION } }, { populate: ['rule'] });
  const segments = new Map((await tx.find(RoadSegment, { id: { $in: segmentIds } })).map((s) => [s.id, segmentPlace(s)]));
  for (const rule of rules) {
    const runs = await tx.execute<SegmentRun[]>(
      `select s.id as "segmentId", l.level, l.measured_at as "latestAt", r.start, r.peak
       from unnest(?::uuid[]) as s(id)
       join lateral (select c.level, c.measured_at from traffic.congestion_reading c where c.segment_id = s.id order by c.measured_at desc limit 1) l on true
       left join lateral (select max(c.measured_at) as last_low from traffic.congestion_reading c where c.segment_id = s.id and c.level < ?) lo on true
       join lateral (
         select min(c.measured_at) as start, max(c.level) as peak from traffic.congestion_reading c
         where c.segment_id = s.id and (lo.last_low is null or c.measured_at > lo.last_low)
       ) r on true`,
      [`{${segmentIds.join(',')}}`, rule.threshold],
    );
    for (const run of runs) {
      const place = segments.get(run.segmentId)!;
      const breach = open.find((b) => b.rule.id === rule.id && b.subjectId === run.segmentId);
      const level = Number(run.level);
      const start = run.start ? new Date(run.start) : null;
      const latestAt = new Date(run.latestAt);
      const met = rule.active && level >= rule.threshold && start !== null && latestAt.getTime() - start.getTime() >= rule.durationMinutes * MINUTE_MS;
      const headline = `Ùn tắc mức ${level} trên ${place.nameVi}`;
      if (met && !breach) {
        const opened = tx.create(TrafficBreach, {
          rule,
          subjectType: 'RoadSegment',
          subjectId: place.id,
          subjectCode: place.code,
          startedAt: start!,
          lastSeenAt: latestAt,
          endedAt: null,
          peakValue: Number(run.peak),
          severity: rule.severity,
        });
        if (rule.categoryCode) await emitBreach(tx, actor, now, 'breachOpened', opened, place, headline);
      } else if (met && breach) {
        if (latestAt > breach.lastSeenAt) breach.lastSeenAt = latestAt;
        breach.peakValue = Math.max(breach.peakValue, Number(run.peak));
      } else if (breach && (!rule.active || level < rule.threshold)) {
        breach.endedAt = now;
        if (rule.categoryCode) await emitBreach(tx, actor, now, 'breachClosed', breach, place, `Hết ùn tắc trên ${place.nameVi}: mức ${level}`);
      }
    }
  }
}

const localDay = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: TIME_ZONE });
/** "09:12", or "09:12 ngày 24/11" when not on the same Asia/Ho_Chi_Minh day as `now`. */
function localTime(at: Date, now: Date): string {
  const hm = at.toLocaleTimeString('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
  if (localDay(at) === localDay(now)) return hm;
  return `${hm} ngày ${at.toLocaleDateString('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit' })}`;
}

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
  const open = await tx.find(TrafficBreach, { endedAt: null, rule: { $in: offlineRules.map((r) => r.id) } }, { populate: ['rule'], lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!open.length && !wentOffline.length) return;
  const cameraIds = [...new Set([...open.map((b) => b.subjectId), ...wentOffline])];
  const cameras = new Map((await tx.find(Camera, { id: { $in: cameraIds } }, { refresh: true })).map((c) => [c.id, c]));
  const openHere = new Set<string>();
  for (const breach of open) {
    const camera = cameras.get(breach.subjectId)!;
    const heard = camera.lastHeartbeatAt ? new Date(camera.lastHeartbeatAt) : null;
    if (breach.rule.active && !(camera.status === CameraStatus.ONLINE && heard && heard > breach.startedAt)) {
      openHere.add(`${breach.rule.id}:${breach.subjectId}`);
      continue;
    }
    breach.endedAt = now;
    breach.lastSeenAt = now;
    const silentUntil = heard && heard > breach.startedAt ? heard : now;
    breach.peakValue = Math.max(breach.peakValue, Math.round((silentUntil.getTime() - breach.startedAt.getTime()) / MINUTE_MS));
    const place = cameraPlace(camera);
    if (breach.rule.categoryCode) await emitBreach(tx, actor, now, 'breachClosed', breach, place, `${placeName(place)} đã kết nối lại`);
  }
  // The ends must reach the database before new breaches (one open per rule and camera).
  await tx.flush();
  for (const id of wentOffline) {
    const camera = cameras.get(id);
    if (!camera?.lastHeartbeatAt || camera.status !== CameraStatus.OFFLINE) continue;
    const lastHeard = new Date(camera.lastHeartbeatAt);
    const place = cameraPlace(camera);
    for (const rule of offlineRules) {
      if (!rule.active || openHere.has(`${rule.id}:${id}`)) continue;
      const opened = tx.create(TrafficBreach, {
        rule,
        subjectType: 'Camera',
        subjectId: camera.id,
        subjectCode: camera.code,
        startedAt: lastHeard,
        lastSeenAt: now,
        endedAt: null,
        peakValue: Math.round((now.getTime() - lastHeard.getTime()) / MINUTE_MS),
        severity: rule.severity,
      });
      if (rule.categoryCode) await emitBreach(tx, actor, now, 'breachOpened', opened, place, `${placeName(place)} mất kết nối từ ${localTime(lastHeard, now)}`);
    }
  }
}
