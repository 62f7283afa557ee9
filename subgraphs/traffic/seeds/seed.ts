import { demoId } from '@ioc-graph/directory';
import type { Logger } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Camera, RoadSegment } from '../src/camera/camera';
import { TrafficRule } from '../src/rule/rule';
import { CameraStatus } from '../src/vocabulary';
import { cameras, segments, unitCodeLineage } from './cameras';
import { defaultRules } from './rules';

const lineage = (unit: string) => unitCodeLineage(unit).map((code) => demoId('unit', code));

/** Adds the demo cameras, road segments and default rules of Bình Phước when missing; the center's own changes stay. */
export async function seedTraffic(em: EntityManager, logger: Logger): Promise<void> {
  const now = new Date();
  const cameraRows = cameras.map((c) => ({
    id: demoId('camera', c.code),
    code: c.code,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    roadName: c.roadName,
    latitude: c.lat,
    longitude: c.lng,
    unitId: demoId('unit', c.unit),
    unitLineage: lineage(c.unit),
    status: CameraStatus.OFFLINE,
    lastHeartbeatAt: null,
    createdAt: now,
  }));
  const segmentRows = segments.map((s) => ({
    id: demoId('roadSegment', s.code),
    code: s.code,
    nameVi: s.nameVi,
    roadName: s.roadName,
    fromPlace: s.fromPlace,
    toPlace: s.toPlace,
    unitId: demoId('unit', s.unit),
    unitLineage: lineage(s.unit),
    createdAt: now,
  }));
  const ruleRows = defaultRules.map((r) => ({ ...r, id: demoId('trafficRule', r.code) }));
  const added = (await em
    .createQueryBuilder(Camera)
    .insert(cameraRows)
    .onConflict('code')
    .ignore()
    .returning('code')
    .execute('all')) as unknown[];
  const addedSegments = (await em
    .createQueryBuilder(RoadSegment)
    .insert(segmentRows)
    .onConflict('code')
    .ignore()
    .returning('code')
    .execute('all')) as unknown[];
  const addedRules = (await em
    .createQueryBuilder(TrafficRule)
    .insert(ruleRows)
    .onConflict('code')
    .ignore()
    .returning('code')
    .execute('all')) as unknown[];
  if (added.length || addedSegments.length || addedRules.length) {
    logger.info({ cameras: added.length, segments: addedSegments.length, rules: addedRules.length }, 'reference data added');
  }
}
