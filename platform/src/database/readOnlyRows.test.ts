import { Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { loaderByForeignKey, loaderByUnique, Loaders } from '../federation';
import { createOrm, type Orm } from './orm';
import { findReadOnly, findReadOnlyByKeys, ReadOnlyRowError } from './readOnlyRows';

@Entity({ tableName: 'shelf' })
class Shelf {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @OneToMany(() => Book, (book) => book.shelf)
  books = new Collection<Book>(this);
}

@Entity({ tableName: 'book' })
class Book {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'text' })
  title!: string;

  @ManyToOne(() => Shelf, { ref: true, nullable: true })
  shelf!: Ref<Shelf> | null;

  @Property({ type: 'timestamptz' })
  publishedAt!: Date;

  @Property({ type: 'date', nullable: true })
  acquiredOn!: string | null;

  @Property({ type: 'jsonb' })
  details!: { pages: number; translators: string[] };

  @Property({ type: 'bigint' })
  copiesSold!: string;

  @Property({ type: 'boolean' })
  lent!: boolean;

  @Property({ type: 'text[]' })
  tags!: string[];

  @Property({ type: 'double', nullable: true })
  rating!: number | null;

  /** A method of the class: read-only rows have it too. */
  label(): string {
    return `${this.title} (${this.tags.join(', ')})`;
  }
}

/** Read-only rows alone, compared with the managed entities MikroORM makes of the same rows. */
describe('read-only rows', () => {
  let database: TestDatabase;
  let orm: Orm;
  const statements: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await createOrm({
      url: database.url,
      schema: 'rows',
      entities: [Shelf, Book],
      migrations: [],
      poolSize: 2,
      onQuery: (sql) => void statements.push(sql),
    });
    await orm.em.getConnection().execute('create schema if not exists "rows"');
    await orm.getSchemaGenerator().createSchema();
    const em = orm.em.fork();
    const shelf = em.create(Shelf, { id: 'shelf-1', name: 'Lịch sử' });
    em.create(Book, {
      id: 'book-1',
      title: 'Đất rừng phương Nam',
      shelf,
      publishedAt: new Date('1957-03-01T08:30:00.123Z'),
      acquiredOn: '2026-11-30',
      details: { pages: 412, translators: [] },
      copiesSold: '9007199254740993',
      lent: true,
      tags: ['Đoàn Giỏi', 'Nam Bộ'],
      rating: 4.5,
    });
    em.create(Book, {
      id: 'book-2',
      title: 'Dế Mèn phiêu lưu ký',
      shelf: null,
      publishedAt: new Date('1941-01-01T00:00:00Z'),
      acquiredOn: null,
      details: { pages: 140, translators: ['a', 'b'] },
      copiesSold: '12',
      lent: false,
      tags: [],
      rating: null,
    });
    await em.flush();
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('hold the values a managed entity holds, each relation as its id', async () => {
    const managed = await orm.em.fork().find(Book, {}, { orderBy: { id: 'ASC' } });
    const rows = await findReadOnly(orm.em.fork(), Book, {}, { orderBy: { id: 'ASC' } });
    expect(rows).toHaveLength(2);
    for (const [i, row] of rows.entries()) {
      const entity = managed[i];
      for (const key of ['id', 'title', 'publishedAt', 'acquiredOn', 'details', 'copiesSold', 'lent', 'tags', 'rating'] as const) {
        expect([key, row[key]]).toEqual([key, entity[key]]);
      }
      expect(row.shelf).toEqual(entity.shelf ? { id: entity.shelf.id } : null);
    }
    expect(rows[0].publishedAt).toBeInstanceOf(Date);
    expect(rows[0]).toBeInstanceOf(Book);
    expect(rows[0].label()).toBe('Đất rừng phương Nam (Đoàn Giỏi, Nam Bộ)');
  });

  it('are read by keys in one plain statement, in the order asked for', async () => {
    const em = orm.em.fork();
    const byTitle = await findReadOnlyByKeys(em, Book, 'id', ['book-1', 'book-2', "o'hara"], { title: 'DESC' });
    expect(byTitle.map((row) => row.id)).toEqual(['book-1', 'book-2']);
    expect(byTitle[0]).toEqual((await findReadOnly(em, Book, { id: 'book-1' }))[0]);
    expect(await findReadOnlyByKeys(em, Book, 'copiesSold', ['12'])).toMatchObject([{ id: 'book-2', copiesSold: '12' }]);
    expect(await findReadOnlyByKeys(em, Book, 'id', [])).toEqual([]);
  });

  it('follow the filter, order and limit given', async () => {
    const rows = await findReadOnly(orm.em.fork(), Book, { lent: false }, { orderBy: { title: 'DESC' }, limit: 5 });
    expect(rows.map((row) => row.id)).toEqual(['book-2']);
  });

  it('are not managed: the entity manager refuses them, by name, and to-many collections are not read', async () => {
    const em = orm.em.fork();
    const [row] = await findReadOnly(em, Shelf, { id: 'shelf-1' });
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    expect(() => row.books).toThrow(ReadOnlyRowError);
    expect(() => em.persist(row)).toThrow(/A Shelf read as a read-only row is not managed/);
    await expect(em.find(Book, { shelf: row })).rejects.toThrow(ReadOnlyRowError);
    expect(await em.find(Book, { shelf: row.id })).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(row))).toEqual({ id: 'shelf-1', name: 'Lịch sử' });
  });

  it('come from loaders asked for them, batched as the managed ones, in loaders of their own', async () => {
    const ctx = { em: orm.em.fork(), loaders: new Loaders() };
    statements.splice(0);
    const [one, two, none] = await Promise.all(
      ['book-1', 'book-2', 'book-9'].map((id) => loaderByUnique(ctx, Book, 'id', { readOnly: true }).load(id)),
    );
    const [shelved] = await loaderByForeignKey(ctx, Book, 'shelf', { title: 'ASC' }, { readOnly: true }).loadMany(['shelf-1']);
    expect([one?.title, two?.title, none, statements.length]).toEqual(['Đất rừng phương Nam', 'Dế Mèn phiêu lưu ký', null, 2]);
    expect((shelved as Book[]).map((book) => book.id)).toEqual(['book-1']);
    expect(statements[1]).toMatch(/ select \* from "rows"\."book" where "shelf_id" in \(\$1\) order by "title" asc /);
    expect(ctx.em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    const managed = await loaderByUnique(ctx, Book, 'id').load('book-1');
    expect(managed).not.toBe(one);
    expect(ctx.em.getUnitOfWork().getIdentityMap().values().length).toBeGreaterThan(0);
  });
});
