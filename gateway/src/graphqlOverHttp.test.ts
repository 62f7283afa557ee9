import { explicitlyAcceptsJson } from './graphqlOverHttp';

describe('explicitlyAcceptsJson', () => {
  it.each([
    ['application/json', true],
    ['application/json, application/graphql-response+json', true],
    ['application/graphql-response+json, application/json', false],
    // What Apollo Client and graphql-http's client send.
    ['application/graphql-response+json, application/json;q=0.9', false],
    ['application/graphql-response+json', false],
    ['application/json;q=0.5, application/graphql-response+json;q=0.8', false],
    ['application/json;q=0', false],
    ['text/html', false],
  ])('%s → %s', (accept, expected) => {
    expect(explicitlyAcceptsJson(accept)).toBe(expected);
  });

  it('is false when the caller leaves the choice to the server (no Accept, */*, application/*): it keeps its 4xx', () => {
    for (const accept of [undefined, '', '*/*', 'application/*', '*/*;q=0.8, text/html']) expect(explicitlyAcceptsJson(accept)).toBe(false);
  });
});
