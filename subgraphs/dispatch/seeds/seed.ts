import type { Logger } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CategoryNeed } from '../src/recommend/categoryNeed';
import { categoryNeeds } from './needs';

/** Adds the unit kinds of each dispatched category when missing; the center's own changes stay. */
export async function seedDispatch(em: EntityManager, logger: Logger): Promise<void> {
  const added = await em
    .createQueryBuilder(CategoryNeed)
    .insert(categoryNeeds)
    .onConflict('categoryCode')
    .ignore()
    .returning('categoryCode')
    .execute('all');
  if ((added as unknown[]).length) logger.info({ categoryNeeds: (added as unknown[]).length }, 'reference data added');
}
