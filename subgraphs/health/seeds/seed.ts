import { demoId } from '@ioc-graph/directory';
import { foldVietnamese, SERVICE_IDENTITY, type Clock, type Logger } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Facility, ReportingUnit } from '../src/facility/facility';
import { HealthRule } from '../src/rule/rule';
import { ingestCaseReports } from '../src/surveillance/ingestCases';
import { facilities } from './facilities';
import { dengueHistory } from './history';
import { defaultRules } from './rules';
import { REPORTING_COMMUNES, unitCodeLineage } from './units';

const lineage = (unit: string) => unitCodeLineage(unit).map((code) => demoId('unit', code));

/** The sending system of the seeded history. */
export const HISTORY_SOURCE = 'giam-sat-benh-truyen-nhiem-lich-su';

/**
 * Adds the demo facilities, reporting communes and default rules of Bình Phước when missing (the
 * center's own changes stay), and the communes' dengue history (idempotent by source id, no rule judged).
 */
export async function seedHealth(em: EntityManager, clock: Clock, logger: Logger): Promise<void> {
  const now = clock.now();
  const facilityRows = facilities.map((f) => ({
    id: demoId('facility', f.code),
    code: f.code,
    nameVi: f.nameVi,
    nameEn: f.nameEn,
    searchText: foldVietnamese(`${f.nameVi} ${f.nameEn} ${f.address}`),
    kind: f.kind,
    level: f.level,
    address: f.address,
    unitId: demoId('unit', f.unit),
    unitLineage: lineage(f.unit),
    latitude: f.lat,
    longitude: f.lng,
    beds: f.beds,
    emergencyCapacity: f.emergencyCapacity,
    ambulances: f.ambulances,
    active: true,
    createdAt: now,
  }));
  const unitRows = REPORTING_COMMUNES.map((c) => ({
    unitId: demoId('unit', c.code),
    code: c.code,
    nameVi: c.nameVi,
    unitLineage: lineage(c.code),
  }));
  const ruleRows = defaultRules.map((r) => ({ ...r, id: demoId('healthRule', r.code) }));
  const insert = async <T extends object>(entity: new () => T, rows: object[], key: string) =>
    ((await em.createQueryBuilder(entity).insert(rows).onConflict(key).ignore().returning(key).execute('all')) as unknown[]).length;
  const added = {
    facilities: await insert(Facility, facilityRows, 'code'),
    communes: await insert(ReportingUnit, unitRows, 'code'),
    rules: await insert(HealthRule, ruleRows, 'code'),
  };
  const history = await ingestCaseReports(em, clock, HISTORY_SOURCE, dengueHistory(now), SERVICE_IDENTITY('health'), {
    max: 100_000,
    evaluate: false,
  });
  if (added.facilities || added.communes || added.rules || history.stored)
    logger.info({ ...added, dengueHistory: history.stored }, 'reference data added');
}
