import { maskSqlConstants } from './sqlText';

describe('maskSqlConstants', () => {
  it('replaces string and number constants, and keeps names, parameters and casts', () => {
    expect(
      maskSqlConstants(`select "a0".* from "directory"."person" as "a0" where "a0"."phone" in ('0912 345 678', 'O''Brien') limit 10`),
    ).toBe(`select "a0".* from "directory"."person" as "a0" where "a0"."phone" in (?, ?) limit ?`);
    expect(maskSqlConstants(`update t set v = $1::int4, w = E'a\\'b', x = $$raw 'text'$$, y = -2.5e3 where id = $2`)).toBe(
      `update t set v = $1::int4, w = ?, x = ?, y = -? where id = $2`,
    );
    expect(maskSqlConstants(`select date_trunc('day', '2026-12-02T02:27:24Z'::timestamptz at time zone 'Asia/Ho_Chi_Minh')`)).toBe(
      `select date_trunc(?, ?::timestamptz at time zone ?)`,
    );
  });
});
