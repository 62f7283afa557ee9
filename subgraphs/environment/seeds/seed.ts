import { demoId } from '@ioc-graph/directory';
import type { Logger } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Rule } from '../src/rule/rule';
import { Station } from '../src/station/station';
import { defaultRules } from './rules';
import { stations, unitCodeLineage } from './stations';

/** Adds the demo monitoring stations of Bình Phước when missing; the center's own changes stay. */
export async function seedEnvironment(em: EntityManager, logger: Logger): Promise<void> {
  const now = new Date();
  const rows = stations.map((s) => ({
    id: demoId('station', s.code),
    code: s.code,
    nameVi: s.nameVi,
    nameEn: s.nameEn,
    kind: s.kind,
    latitude: s.lat,
    longitude: s.lng,
    unitId: demoId('unit', s.unit),
    unitLineage: unitCodeLineage(s.unit).map((code) => demoId('unit', code)),
    alarmLevel1: s.alarmLevels?.[0] ?? null,
    alarmLevel2: s.alarmLevels?.[1] ?? null,
    alarmLevel3: s.alarmLevels?.[2] ?? null,
    active: true,
    createdAt: now,
  }));
  const added = await em.createQueryBuilder(Station).insert(rows).onConflict('code').ignore().returning('code').execute('all');
  const rules = defaultRules.map((r) => ({ ...r, id: demoId('rule', r.code) }));
  const addedRules = await em.createQueryBuilder(Rule).insert(rules).onConflict('code').ignore().returning('code').execute('all');
  if ((added as unknown[]).length || (addedRules as unknown[]).length)
    logger.info({ stations: (added as unknown[]).length, rules: (addedRules as unknown[]).length }, 'reference data added');
}
