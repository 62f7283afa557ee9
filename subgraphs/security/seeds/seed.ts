import { demoId } from '@ioc-graph/directory';
import type { Logger } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Commune } from '../src/commune/commune';
import { SecurityRule } from '../src/rule/rule';
import { communeCodeLineage, COMMUNES } from './communes';
import { defaultRules } from './rules';

/** Adds the communes of Bình Phước and the default hotspot rules when missing; the center's own changes stay. */
export async function seedSecurity(em: EntityManager, logger: Logger): Promise<void> {
  const communeRows = COMMUNES.map(([code, nameVi, nameEn, parent]) => {
    const lineage = communeCodeLineage(code, parent).map((c) => demoId('unit', c));
    return { id: demoId('unit', code), code, nameVi, nameEn, unitLineage: lineage, districtUnitId: lineage[1]! };
  });
  const ruleRows = defaultRules.map((r) => ({ ...r, id: demoId('securityRule', r.code) }));
  const added = (await em
    .createQueryBuilder(Commune)
    .insert(communeRows)
    .onConflict('code')
    .ignore()
    .returning('code')
    .execute('all')) as unknown[];
  const addedRules = (await em
    .createQueryBuilder(SecurityRule)
    .insert(ruleRows)
    .onConflict('code')
    .ignore()
    .returning('code')
    .execute('all')) as unknown[];
  if (added.length || addedRules.length) logger.info({ communes: added.length, rules: addedRules.length }, 'reference data added');
}
