import { STATEMENTS_PER_ENTITY, statementFor, statementKey } from './statementCache';

/** A query builder stand-in that counts what it is asked to write. */
function builder(sql: string, counter: { built: number }) {
  return () => {
    counter.built++;
    return { getKnexQuery: () => ({ toSQL: () => ({ sql, bindings: [sql.length] }) }) };
  };
}

describe('statementCache', () => {
  it('keys only what is plain JSON, values included', () => {
    expect(statementKey({ $and: [{}, { kind: 'FIRE_TRUCK' }] }, 'code', 'ASC', 20)).toBe(
      '[{"$and":[{},{"kind":"FIRE_TRUCK"}]},"code","ASC",20]',
    );
    expect(statementKey({ kind: 'AMBULANCE' })).not.toBe(statementKey({ kind: 'FIRE_TRUCK' }));
    expect(statementKey({ n: 1 })).not.toBe(statementKey({ n: '1' }));
    for (const unkeyed of [
      { at: new Date(0) },
      { name: /xe/ },
      { kind: undefined },
      { n: Number.NaN },
      { n: -0 },
      { id: 1n },
      { ids: Array.from({ length: 200 }, (_, i) => `0f8fad5b-d9cb-469f-a165-${String(i).padStart(12, '0')}`) },
      new (class Filter {})(),
    ]) {
      expect([unkeyed, statementKey(unkeyed)]).toEqual([unkeyed, undefined]);
    }
  });

  it('builds a statement once per key and every time without one', () => {
    const meta = {};
    const counter = { built: 0 };
    const first = statementFor(meta, 'a', builder('select 1', counter));
    expect(statementFor(meta, 'a', builder('select 2', counter))).toBe(first);
    expect(statementFor({}, 'a', builder('select 3', counter)).sql).toBe('select 3');
    expect(statementFor(meta, undefined, builder('select 4', counter)).sql).toBe('select 4');
    expect(statementFor(meta, undefined, builder('select 4', counter)).sql).toBe('select 4');
    expect(counter.built).toBe(4);
    expect(first).toEqual({ sql: 'select 1', bindings: [8] });
  });

  it(`keeps the ${STATEMENTS_PER_ENTITY} statements used last per entity`, () => {
    const meta = {};
    const counter = { built: 0 };
    for (let i = 0; i < STATEMENTS_PER_ENTITY; i++) statementFor(meta, `k${i}`, builder(`select ${i}`, counter));
    statementFor(meta, 'k0', builder('again', counter));
    statementFor(meta, 'new', builder('select new', counter));
    expect(counter.built).toBe(STATEMENTS_PER_ENTITY + 1);
    expect(statementFor(meta, 'k0', builder('again', counter)).sql).toBe('select 0');
    expect(statementFor(meta, 'k1', builder('rebuilt', counter)).sql).toBe('rebuilt');
  });
});
