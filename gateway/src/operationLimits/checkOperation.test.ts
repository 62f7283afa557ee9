import { buildSchema, getOperationAST, parse } from 'graphql';
import { checkOperation, type OperationLimits } from './checkOperation';

const schema = buildSchema(`type Unit { name: String children: [Unit!]! } type Query { unit: Unit }`);
const wide: OperationLimits = { maxDepth: 8, maxAliases: 10, maxCost: 1_000, maxTokens: 200, maxDirectives: 10 };
const narrow: OperationLimits = { ...wide, maxDepth: 2 };

describe('checkOperation', () => {
  const source = '{ unit { children { children { name } } } }';
  const document = parse(source);
  const check = (limits: OperationLimits) => checkOperation({ schema, document, source }, limits);

  it('counts a document once per set of limits, and answers each request with its own refusal', () => {
    expect(check(wide)).toBeUndefined();
    const first = check(narrow);
    expect(first?.message).toMatch(/depth/i);
    expect(first?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', http: { status: 400 } });
    // The same document under the same limits: the same verdict, in an error of its own.
    const second = check(narrow);
    expect(second?.message).toBe(first?.message);
    expect(second).not.toBe(first);
    // And the wide limits still let it through: what one audience found is not another's.
    expect(check(wide)).toBeUndefined();
  });

  it('refuses a document over the token limit before counting anything else', () => {
    const long = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: unit { name }`).join(' ')} }`;
    expect(checkOperation({ schema, document: parse(long), source: long }, wide)?.message).toBe('Token limit of 200 exceeded.');
  });

  it('counts the cost with each request’s variables', () => {
    const paged = buildSchema(`type Unit { name: String } type Query { units(first: Int = 10): [Unit!]! }`);
    const query = 'query ($first: Int) { units(first: $first) { name } }';
    const doc = parse(query);
    const operation = getOperationAST(doc);
    const cheap = { ...wide, maxCost: 100 };
    expect(checkOperation({ schema: paged, document: doc, operation, source: query, variables: { first: 5 } }, cheap)).toBeUndefined();
    expect(checkOperation({ schema: paged, document: doc, operation, source: query, variables: { first: 500 } }, cheap)?.message).toMatch(
      /cost limit of 100 exceeded/,
    );
  });
});
