import { ApolloServer } from '@apollo/server';
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { notFound } from './errors';
import { createFormatError } from './formatError';
import { internalErrorLog } from './internalErrorLog';

describe('internalErrorLog', () => {
  it("logs an unexpected resolver error on the request's own logger, with its request id, and nothing for the vocabulary's errors", async () => {
    const lines: Record<string, unknown>[] = [];
    const root = pino(new Writable({ write: (chunk: Buffer, _encoding, done) => done(void lines.push(JSON.parse(chunk.toString()))) }));
    const internalErrors = internalErrorLog<{ logger: Logger }>(root, 'unexpected error in a resolver');
    const apollo = new ApolloServer<{ logger: Logger }>({
      typeDefs: 'type Query { broken: Int, missing: Int }',
      resolvers: {
        Query: {
          broken: () => {
            throw new TypeError('cannot read properties of undefined');
          },
          missing: () => {
            throw notFound('Incident', 'x');
          },
        },
      },
      formatError: createFormatError({ exposeInternals: false, onInternal: internalErrors.log }),
      plugins: [internalErrors.plugin],
    });
    await apollo.start();
    try {
      const logger = root.child({ requestId: 'req-42' });
      const response = await apollo.executeOperation({ query: '{ broken missing }' }, { contextValue: { logger } });
      expect(response.body.kind === 'single' && response.body.singleResult.errors?.map((e) => e.extensions?.code)).toEqual([
        'INTERNAL',
        'NOT_FOUND',
      ]);
    } finally {
      await apollo.stop();
    }
    expect(lines).toEqual([
      expect.objectContaining({
        requestId: 'req-42',
        msg: 'unexpected error in a resolver',
        err: expect.objectContaining({ message: 'cannot read properties of undefined' }),
      }),
    ]);
  });
});
