// The documentation check `npm run compose` runs on the API schema (scripts/schemaDocs.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findUndocumented, isMostlyVietnamese } = require('../../scripts/schemaDocs.js') as {
  findUndocumented: (sdl: string) => { missing: string[]; notEnglish: string[] };
  isMostlyVietnamese: (description: string) => boolean;
};

describe('findUndocumented', () => {
  it('lists every type, field, argument, input field and enum value without a description', () => {
    const { missing } = findUndocumented(`
      type Query { "Documented" thing(id: ID!, "Documented" kind: Kind): Thing }
      "A thing" type Thing { id: ID! }
      input Filter { "Documented" a: Int, b: Int }
      "Kinds" enum Kind { "Documented" A, B }
      scalar DateTimeISO
    `);
    expect(missing).toEqual(['DateTimeISO', 'Filter', 'Filter.b', 'Kind.B', 'Query', 'Query.thing(id:)', 'Thing.id']);
  });

  it('passes a fully documented schema and ignores built-in scalars', () => {
    expect(findUndocumented('"Reads" type Query { "A number" n(" Which" k: String): Int }')).toEqual({ missing: [], notEnglish: [] });
  });

  it('flags a description written only in Vietnamese', () => {
    const { notEnglish } = findUndocumented('"Reads" type Query { "Đã tiếp nhận, đang xử lý, đã đóng" s: String }');
    expect(notEnglish).toEqual(['Query.s']);
  });
});

describe('isMostlyVietnamese', () => {
  it('accepts English with Vietnamese terms in parentheses or quotes', () => {
    expect(isMostlyVietnamese('Incident state (trạng thái vụ việc): where an incident stands')).toBe(false);
    expect(isMostlyVietnamese('Position (chức vụ), e.g. “Phó Chủ tịch UBND tỉnh”')).toBe(false);
  });

  it('refuses Vietnamese outside parentheses', () => {
    expect(isMostlyVietnamese('Giờ, ngày, tuần (từ thứ Hai), tháng theo giờ Việt Nam')).toBe(true);
    expect(isMostlyVietnamese('Position, e.g. Phó Chủ tịch UBND tỉnh')).toBe(true);
  });
});
