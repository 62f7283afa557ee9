import { subgraphResponseError } from './subgraphErrors';

describe('subgraphResponseError', () => {
  it('passes a subgraph’s request error on with its problems, without stack or URL', () => {
    const body = {
      errors: [
        {
          message: 'Variable "$input" got invalid value',
          extensions: { code: 'BAD_USER_INPUT', problems: [{ field: 'input.occurredAt', message: 'bad' }], stacktrace: ['at x'] },
        },
      ],
    };
    const error = subgraphResponseError('incidents', 400, body);
    expect(error.message).toBe('Variable "$input" got invalid value');
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'input.occurredAt', message: 'bad' }],
      serviceName: 'incidents',
    });
  });

  it('calls anything else INTERNAL, naming only the service and the status', () => {
    for (const [status, body] of [
      [500, { errors: [{ message: 'insert into x', extensions: { code: 'BAD_USER_INPUT' } }] }],
      [400, { errors: [{ message: 'boom', extensions: { code: 'INTERNAL' } }] }],
      [502, '<html>bad gateway</html>'],
    ] as const) {
      const error = subgraphResponseError('incidents', status, body);
      expect([error.message, error.extensions]).toEqual([
        `The incidents service could not answer (HTTP ${status})`,
        { code: 'INTERNAL', serviceName: 'incidents' },
      ]);
    }
  });
});
