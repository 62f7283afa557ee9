import { demoId } from '@ioc-graph/directory';
import type { Logger } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Procedure, ServiceAgency } from '../src/procedure/procedure';
import { EgovRule } from '../src/rule/rule';
import { serviceAgencies, unitCodeLineage } from './agencies';
import { procedures } from './procedures';
import { defaultRules } from './rules';

/** Adds the demo agencies, procedures and default rule of Bình Phước when missing; the center's own changes stay. */
export async function seedEgov(em: EntityManager, logger: Logger): Promise<void> {
  const insert = async <T extends object>(entity: new () => T, rows: object[], key: string) =>
    ((await em.createQueryBuilder(entity).insert(rows).onConflict(key).ignore().returning(key).execute('all')) as unknown[]).length;
  const agencies = await insert(
    ServiceAgency,
    serviceAgencies.map((a) => ({
      id: demoId('agency', a.code),
      code: a.code,
      nameVi: a.nameVi,
      unitId: demoId('unit', a.unit),
      unitLineage: unitCodeLineage(a.unit).map((code) => demoId('unit', code)),
    })),
    'code',
  );
  const added = await insert(
    Procedure,
    procedures.map((p) => ({
      id: demoId('procedure', p.code),
      code: p.code,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      level: p.level,
      processingDays: p.processingDays,
      agencyId: demoId('agency', p.agency),
    })),
    'code',
  );
  const rules = await insert(
    EgovRule,
    defaultRules.map((r) => ({ ...r, id: demoId('egovRule', r.code) })),
    'code',
  );
  if (agencies || added || rules) logger.info({ agencies, procedures: added, rules }, 'reference data added');
}
