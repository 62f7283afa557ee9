import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { PUBLIC, Role, type Identity } from '@ioc-graph/platform';
import type { GatewayContext } from './context';
import { rightsKey, SharedFetches } from './sharedFetches';

type Answer = { data: { unit: { name: string; tags: string[] } } };

const caller = (identity: Identity) =>
  ({
    context: { identity, requestId: 'r' },
    request: { query: 'query Q { unit { name tags } }', variables: { code: '689' } },
  }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
const mutation = (identity: Identity) =>
  ({
    context: { identity, requestId: 'r' },
    request: { query: 'mutation M { touch }', variables: {} },
  }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
const leader: Identity = { subject: 'leader-1', roles: [Role.LEADER], agencyId: null, fieldUnitId: null, scopeUnitId: null };

/** A request to a subgraph that answers when the test says, counting how many went out. */
function subgraph() {
  const pending: ((answer: Answer) => void)[] = [];
  const failing: ((error: Error) => void)[] = [];
  return {
    sent: () => pending.length,
    send: () =>
      new Promise<Answer>((resolve, reject) => {
        pending.push(resolve);
        failing.push(reject);
      }),
    answer: () => pending.forEach((resolve) => resolve({ data: { unit: { name: 'Đồng Xoài', tags: ['city'] } } })),
    fail: () => failing.forEach((reject) => reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))),
  };
}

describe('SharedFetches', () => {
  it('shares one request between identical queries of the same rights, each caller with its own copy', async () => {
    let shared = 0;
    const fetches = new SharedFetches<Answer>(() => shared++);
    const service = subgraph();
    const answers = [
      fetches.run(caller(leader), service.send),
      fetches.run(caller({ ...leader, client: 'another-address' }), service.send),
    ];
    expect(service.sent()).toBe(1);
    expect(shared).toBe(1);
    service.answer();
    const [first, second] = await Promise.all(answers);
    expect(second).toEqual(first);
    first.data.unit.tags.push('changed by the first caller');
    expect(second.data.unit.tags).toEqual(['city']);
    expect(fetches.size).toBe(0);
  });

  it('never shares between different persons or rights, nor a mutation, nor a request without a caller', () => {
    const fetches = new SharedFetches<Answer>();
    const service = subgraph();
    for (const identity of [
      leader,
      { ...leader, subject: 'leader-2' },
      { ...leader, roles: [Role.OPERATOR] },
      { ...leader, agencyId: 'a1' },
      PUBLIC,
    ])
      void fetches.run(caller(identity), service.send);
    expect(service.sent()).toBe(5);
    void fetches.run(mutation(leader), service.send);
    void fetches.run(mutation(leader), service.send);
    expect(service.sent()).toBe(7);
    const anonymous = { context: {}, request: caller(leader).request } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
    void fetches.run(anonymous, service.send);
    void fetches.run(anonymous, service.send);
    expect(service.sent()).toBe(9);
  });

  it('hands a failure to every caller that shared the request, and sends the next query anew', async () => {
    const fetches = new SharedFetches<Answer>();
    const service = subgraph();
    const answers = [fetches.run(caller(leader), service.send), fetches.run(caller(leader), service.send)];
    service.fail();
    for (const answer of answers) await expect(answer).rejects.toMatchObject({ code: 'ECONNRESET' });
    void fetches.run(caller(leader), service.send);
    expect(service.sent()).toBe(2);
  });

  it('keys rights on the person, roles in any order, agency, unit and scope, never the address', () => {
    const twoRoles = { ...leader, roles: [Role.LEADER, Role.OPERATOR] };
    expect(rightsKey(twoRoles)).toBe(rightsKey({ ...twoRoles, roles: [Role.OPERATOR, Role.LEADER], client: 'x' }));
    expect(rightsKey(leader)).not.toBe(rightsKey({ ...leader, scopeUnitId: 'u1' }));
    expect(rightsKey(leader)).not.toBe(rightsKey({ ...leader, fieldUnitId: 'f1' }));
  });
});
