import { serializeError } from './logger';

describe('serializeError', () => {
  it('keeps what says what went wrong, and drops the connection a pool hangs on the error', () => {
    const error = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      client: { connectionParameters: { host: '127.0.0.1', port: 5432 }, _queryQueue: [] },
    });
    const line = serializeError(error) as Record<string, unknown>;
    expect(line).toMatchObject({ type: 'Error', message: 'terminating connection due to administrator command', code: '57P01' });
    expect(line.stack).toEqual(expect.stringContaining('logger.test'));
    expect(line).not.toHaveProperty('client');
    expect(serializeError('not an error')).toBe('not an error');
  });
});
