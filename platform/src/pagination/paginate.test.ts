import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Orm } from '../database/orm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { createOrm } from '../database/orm';
import type { AppError } from '../errors';
import { encodeCursor, paginate } from './paginate';

@Entity({ tableName: 'item' })
class Item {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'integer' })
  rank!: number;

  @Property({ type: 'text' })
  kind!: string;
}

/** Keyset pagination alone, on a table of ten items whose ranks tie in pairs. */
describe('paginate', () => {
  let database: TestDatabase;
  let orm: Orm;
  const statements: string[] = [];
  const page = (first: number, after?: string | null, direction?: 'ASC' | 'DESC', where = {}) =>
    paginate(orm.em.fork(), Item, where, { first, after, orderBy: 'rank', direction });

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await createOrm({
      url: database.url,
      schema: 'paging',
      entities: [Item],
      migrations: [],
      poolSize: 2,
      onQuery: (sql) => void statements.push(sql),
    });
    await orm.em.getConnection().execute('create schema if not exists "paging"');
    await orm.getSchemaGenerator().createSchema();
    const em = orm.em.fork();
    // Ranks 0,0,1,1,…,4,4: the id breaks every tie.
    for (let i = 0; i < 10; i++) em.create(Item, { id: `item-${i}`, rank: Math.floor(i / 2), kind: i % 3 ? 'b' : 'a' });
    await em.flush();
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('walks the whole list in pages without gaps or repeats, ties broken by id', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result = await page(3, after);
      pages++;
      expect(result.totalCount).toBe(10);
      seen.push(...result.edges.map((e) => e.node.id));
      expect(result.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `item-${i}`));
  });

  it('pages backwards with DESC and counts the filter, not the page', async () => {
    const first = await page(4, null, 'DESC');
    expect(first.edges.map((e) => e.node.id)).toEqual(['item-9', 'item-8', 'item-7', 'item-6']);
    const second = await page(4, first.pageInfo.endCursor, 'DESC');
    expect(second.edges.map((e) => e.node.id)).toEqual(['item-5', 'item-4', 'item-3', 'item-2']);
    const filtered = await page(2, null, 'ASC', { kind: 'a' });
    expect(filtered.totalCount).toBe(4);
    expect(filtered.edges.map((e) => e.node.id)).toEqual(['item-0', 'item-3']);
  });

  it('gives cursors that point at a row, and an empty page with null cursors past the end', async () => {
    const { edges } = await page(2);
    expect(edges[1].cursor).toBe(encodeCursor(0, 'item-1'));
    const past = await page(5, encodeCursor(99, 'zzz'));
    expect(past.edges).toEqual([]);
    expect(past.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('reads a page and its total in one statement, and counts apart only for an empty page after a cursor', async () => {
    statements.splice(0);
    const first = await page(3, null, 'ASC', { kind: 'b' });
    expect(first.totalCount).toBe(6);
    expect(statements).toHaveLength(1);
    statements.splice(0);
    expect((await page(3, first.pageInfo.endCursor, 'ASC', { kind: 'b' })).totalCount).toBe(6);
    expect(statements).toHaveLength(1);
    statements.splice(0);
    const none = await page(3, null, 'ASC', { kind: 'none' });
    expect([none.totalCount, none.edges, statements.length]).toEqual([0, [], 1]);
    statements.splice(0);
    expect((await page(3, encodeCursor(99, 'zzz'), 'ASC', { kind: 'b' })).totalCount).toBe(6);
    expect(statements).toHaveLength(2);
  });

  it('gives the same page as read-only rows: objects of the entity class the entity manager does not manage', async () => {
    const em = orm.em.fork();
    const managed = await paginate(em, Item, { kind: 'b' }, { first: 4, orderBy: 'rank' });
    const rows = await paginate(em, Item, { kind: 'b' }, { first: 4, orderBy: 'rank', readOnly: true });
    expect(rows).toEqual(JSON.parse(JSON.stringify(managed)));
    expect(rows.edges.map((e) => e.cursor)).toEqual(managed.edges.map((e) => e.cursor));
    expect(rows.edges[0].node).toBeInstanceOf(Item);
    expect(rows.edges[0].node).not.toBe(managed.edges[0].node);
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(4);
  });

  it('builds a first page once per filter, its values included, and each page after a cursor anew', async () => {
    const em = orm.em.fork();
    const built = jest.spyOn(em, 'createQueryBuilder');
    const ranks = (ranks: number[], after?: string) => paginate(em, Item, { rank: { $in: ranks } }, { first: 2, after, orderBy: 'rank' });
    const first = await ranks([3, 4]);
    expect([first.totalCount, first.edges.map((e) => e.node.id)]).toEqual([4, ['item-6', 'item-7']]);
    expect((await ranks([3, 4])).edges.map((e) => e.node.id)).toEqual(['item-6', 'item-7']);
    expect(built).toHaveBeenCalledTimes(2); // the page and its count, once
    expect((await ranks([0])).edges.map((e) => e.node.id)).toEqual(['item-0', 'item-1']);
    expect(built).toHaveBeenCalledTimes(4);
    expect((await ranks([3, 4], first.pageInfo.endCursor!)).edges.map((e) => e.node.id)).toEqual(['item-8', 'item-9']);
    expect((await ranks([3, 4], first.pageInfo.endCursor!)).edges.map((e) => e.node.id)).toEqual(['item-8', 'item-9']);
    expect(built).toHaveBeenCalledTimes(8);
  });

  it('refuses a cursor it did not make with BAD_USER_INPUT on `after`', async () => {
    for (const bad of ['not-base64!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1, 2]').toString('base64url')]) {
      await expect(page(2, bad)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', problems: [{ field: 'after' }] },
      } satisfies Partial<AppError>);
    }
  });
});
