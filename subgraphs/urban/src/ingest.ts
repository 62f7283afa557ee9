import { badInput, BatchProblems, checkSource } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';

/** The most records one GraphQL call may carry. */
export const MAX_BATCH = 10_000;
/** The most records one bulk request (`POST /ingest/v1/…`) may carry. */
export const MAX_BULK_BATCH = 100_000;

/** What an ingest did: how many records were new and how many were already known. */
@ObjectType({ description: 'What an urban ingest did: how many records were new and how many were already known' })
export class UrbanIngestResult {
  @Field(() => Int, { description: 'Records in the batch' })
  received!: number;

  @Field(() => Int, { description: 'New records written' })
  stored!: number;

  @Field(() => Int, { description: 'Records already known by (source, sourceId), not written again' })
  duplicates!: number;
}

/** Refuses a batch over `max` records naming `list`, and checks the source; the problems of the batch start here. */
export function startBatch(source: unknown, list: string, size: number, max: number): { problems: BatchProblems; source: string } {
  if (size > max) throw badInput(`At most ${max} ${list} per call`, [{ field: list, message: `at most ${max}` }]);
  const problems = new BatchProblems();
  return { problems, source: checkSource(problems, source) };
}

/** The rows (id, code and `extra` columns) of an urban table with these codes, in one statement. */
export async function rowsByCode<R extends { id: string; code: string }>(
  em: EntityManager,
  table: 'lighting_circuit' | 'waste_truck' | 'collection_point',
  codes: unknown[],
  extra = '',
): Promise<Map<string, R>> {
  const unique = [...new Set(codes.filter((c): c is string => typeof c === 'string'))];
  const rows = unique.length ? await em.execute<R[]>(`select id, code${extra} from urban.${table} where code in (?)`, [unique]) : [];
  return new Map(rows.map((r) => [r.code, r]));
}

/** Whether a value is a number within [min, max]. */
export const inRange = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
