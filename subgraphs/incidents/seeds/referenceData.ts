import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { CalendarDay, CalendarDayKind } from '../src/calendar/calendarDay';
import { Category } from '../src/category/category';
import { categories } from './categories';
import { calendarDays } from './holidays';

/** A stable id per category code, so that every installation and every test refers to the same ids. */
export function categoryId(code: string): string {
  const hex = createHash('sha256').update(`ioc-graph:category:${code}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The catalogue of categories and the working calendar: reference data every installation needs.
 * Rows are added when missing and never overwritten, so the center's own changes survive upgrades.
 */
export async function seedReferenceData(em: EntityManager): Promise<{ categories: number; calendarDays: number }> {
  const added = { categories: 0, calendarDays: 0 };
  await em.transactional(async (tx) => {
    const categoryRows = categories.map((c) => ({ id: categoryId(c.code), ...c }));
    const dayRows = calendarDays.map((d) => ({ ...d, kind: d.kind as CalendarDayKind }));
    const inserted = await tx.createQueryBuilder(Category).insert(categoryRows).onConflict('code').ignore().returning('id').execute('all');
    const days = await tx.createQueryBuilder(CalendarDay).insert(dayRows).onConflict('date').ignore().returning('date').execute('all');
    added.categories = (inserted as unknown[]).length;
    added.calendarDays = (days as unknown[]).length;
  });
  return added;
}
