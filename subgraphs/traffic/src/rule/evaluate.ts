import { BreachBook, lastedFor, type Identity, type Verdict } from '@ioc-graph/platform';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Camera, RoadSegment } from '../camera/camera';
import { breachAt, cameraPlace, describeAt, placeName, segmentPlace, type Place } from './breachPlace';
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
  const accidentRules = await tx.find(TrafficRule, { kind: TrafficRuleKind.ACCIDENT }, { orderBy: { code: 'ASC' } });
  // Locked: a concurrent ingest that ends one of them first makes it drop out here (no second breachClosed).
  const open = await tx.find(
    TrafficBreach,
    { endedAt: null, rule: { $in: accidentRules.map((r) => r.id) } },
    { populate: ['rule'], lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!open.length && !sightings.length) return;
  const rules = accidentRules.filter((r) => r.active);
  const cameraIds = [...new Set([...open.map((b) => b.subjectId), ...sightings.map((s) => s.cameraId)])];
  const cameras = new Map((await tx.find(Camera, { id: { $in: cameraIds } })).map((c) => [c.id, cameraPlace(c)]));
  const clearMs = (rule: TrafficRule) => (rule.clearAfterMinutes ?? 30) * MINUTE_MS;
  const book = new BreachBook<TrafficBreach>(tx, { sector: 'traffic', actor, now });
  const ended = (place: Place) => describeAt(place, `Hết ghi nhận tai nạn giao thông tại ${placeName(place)}`);

  const openHere = new Map<string, TrafficBreach>();
  for (const breach of open) {
    if (!breach.rule.active || now.getTime() - breach.lastSeenAt.getTime() > clearMs(breach.rule))
      await book.close(breach, ended(cameras.get(breach.subjectId)!));
    else openHere.set(`${breach.rule.id}:${breach.subjectId}`, breach);
  }
  for (const sighting of sightings) {
    for (const rule of rules) {
      if (sighting.confidence < rule.threshold || now.getTime() - sighting.detectedAt.getTime() > clearMs(rule)) continue;
      const key = `${rule.id}:${sighting.cameraId}`;
      const place = cameras.get(sighting.cameraId)!;
      const seen: Verdict = {
        state: 'met',
        value: sighting.confidence,
        severity: rule.severity,
        startedAt: sighting.detectedAt,
        seenAt: sighting.detectedAt,
      };
      let breach = openHere.get(key);
      // A sighting after the breach's quiet time is a new accident: the old breach ends first.
      if (breach && sighting.detectedAt.getTime() - breach.lastSeenAt.getTime() > clearMs(rule)) {
        await book.close(breach, ended(place));
        breach = undefined;
      }
      const describe = describeAt(place, `Tai nạn giao thông tại ${placeName(place)}`, [sighting.imageUrl]);
      openHere.set(key, (await book.apply(breach, seen, { create: breachAt(tx, rule, 'Camera', place), describe }))!);
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
  const open = await tx.find(
    TrafficBreach,
    { endedAt: null, subjectId: { $in: segmentIds }, rule: { kind: TrafficRuleKind.CONGESTION } },
    { populate: ['rule'] },
  );
  const segments = new Map((await tx.find(RoadSegment, { id: { $in: segmentIds } })).map((s) => [s.id, segmentPlace(s)]));
  const book = new BreachBook<TrafficBreach>(tx, { sector: 'traffic', actor, now });
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
      const level = Number(run.level);
      const start = run.start ? new Date(run.start) : null;
      const latestAt = new Date(run.latestAt);
      const verdict: Verdict =
        rule.active && level >= rule.threshold && start && lastedFor(start, latestAt, rule.durationMinutes)
          ? { state: 'met', value: Number(run.peak), severity: rule.severity, startedAt: start, seenAt: latestAt }
          : !rule.active || level < rule.threshold
            ? { state: 'clear' }
            : { state: 'pending' };
      await book.apply(
        open.find((b) => b.rule.id === rule.id && b.subjectId === run.segmentId),
        verdict,
        {
          create: breachAt(tx, rule, 'RoadSegment', place),
          describe: describeAt(place, (step) =>
            step === 'breachClosed' ? `Hết ùn tắc trên ${place.nameVi}: mức ${level}` : `Ùn tắc mức ${level} trên ${place.nameVi}`,
          ),
        },
      );
    }
  }
}
