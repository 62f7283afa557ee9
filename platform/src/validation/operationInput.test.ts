import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { operationInputProblems } from './operationInput';

const schema = buildSchema(`
  input Place { name: String! near: [ID!] }
  type Query { unit(id: ID!): String units(ids: [ID!], place: Place, search: String): [String] }
`);
const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** The literals of an operation are checked once per parsed operation, its variables every time it runs. */
describe('operationInputProblems', () => {
  const document = parse(`
    query Units($search: String, $place: Place) {
      a: unit(id: "not-an-id")
      b: units(search: $search, place: $place) { ...More }
    }
    fragment More on Query { c: units(place: { name: "x\\u0000", near: ["${UUID}", "nope"] }) }
  `);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const problems = (variables: Record<string, unknown>) => operationInputProblems(schema, document, operation, variables);
  const literals = [
    { field: 'id', message: 'must be an id returned by this API' },
    { field: 'name', message: 'must not contain NUL (\\u0000) characters' },
    { field: 'near.1', message: 'must be an id returned by this API' },
  ];

  it('finds the same problems of literals each time the operation runs, after those of its variables', () => {
    expect(problems({})).toEqual(literals);
    expect(problems({ search: 'bad\u0000' })).toEqual([
      { field: 'search', message: 'must not contain NUL (\\u0000) characters' },
      ...literals,
    ]);
    expect(problems({ search: 'fine', place: { name: 'ok', near: [UUID] } })).toEqual(literals);
    expect(problems({ place: { name: 'ok', near: ['x'] } })).toEqual([
      { field: 'near.0', message: 'must be an id returned by this API' },
      ...literals,
    ]);
  });

  it('lists at most 20 problems, those of the variables first', () => {
    const near = Array.from({ length: 25 }, () => 'nope');
    const found = problems({ place: { name: 'ok', near } });
    expect(found).toHaveLength(20);
    expect(found.every(({ field }) => field.startsWith('near.'))).toBe(true);
  });

  it('finds nothing in an operation whose literals and variables are fine', () => {
    const fine = parse(`query ($ids: [ID!]) { units(ids: $ids, search: "Đồng Xoài") }`);
    const only = fine.definitions[0] as OperationDefinitionNode;
    expect(operationInputProblems(schema, fine, only, { ids: [UUID] })).toEqual([]);
    expect(operationInputProblems(schema, fine, only, { ids: ['x'] })).toEqual([
      { field: 'ids.0', message: 'must be an id returned by this API' },
    ]);
  });
});
