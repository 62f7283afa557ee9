import { GraphQLError, locatedError, type GraphQLFormattedError } from 'graphql';
import { ValidationError } from 'class-validator';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { ErrorCode } from './codes';
import { badInput, notFound } from './errors';
import { createFormatError } from './formatError';

/** A class-validator failure on `property`, as `validate()` reports it. */
const violation = (property: string, constraints: Record<string, string>, children: ValidationError[] = []) =>
  Object.assign(new ValidationError(), { property, constraints, children });

/** What Apollo hands formatError: the formatted error and the original (here not wrapped by a resolver). */
const format = (error: unknown, exposeInternals = false, onInternal?: (error: unknown) => void) => {
  const formatted: GraphQLFormattedError =
    error instanceof GraphQLError
      ? error.toJSON()
      : {
          message: (error as Error).message,
          path: ['field'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at secret.ts:1'] },
        };
  return createFormatError({ exposeInternals, onInternal })(formatted, error);
};

describe('createFormatError', () => {
  it('passes the project’s own errors on with their code and extensions', () => {
    expect(format(notFound('Incident', 'abc'))).toMatchObject({
      message: 'Incident abc does not exist',
      extensions: { code: ErrorCode.NOT_FOUND, what: 'Incident', key: 'abc' },
    });
    expect(format(badInput('Bad', [{ field: 'title', message: 'empty' }])).extensions).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      problems: [{ field: 'title', message: 'empty' }],
    });
  });

  it('turns class-validator failures into BAD_USER_INPUT with one problem per nested field', () => {
    const error = new ArgumentValidationError([
      violation('input', {}, [violation('title', { isNotEmpty: 'title should not be empty' })]),
      violation('first', { max: 'first must not be greater than 100' }),
    ]);
    expect(format(error)).toMatchObject({
      message: 'The input is not valid',
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        problems: [
          { field: 'input.title', message: 'title should not be empty' },
          { field: 'first', message: 'first must not be greater than 100' },
        ],
      },
    });
  });

  it('maps type-graphql’s authentication and authorization errors to UNAUTHENTICATED and FORBIDDEN', () => {
    expect(format(new AuthenticationError()).extensions).toEqual({ code: ErrorCode.UNAUTHENTICATED });
    expect(format(new AuthorizationError()).extensions).toEqual({ code: ErrorCode.FORBIDDEN });
  });

  it('keeps Apollo’s request codes but drops their stack trace', () => {
    const parse = new GraphQLError('Syntax Error', { extensions: { code: 'GRAPHQL_PARSE_FAILED', stacktrace: ['at parser.ts:1'] } });
    expect(format(parse).extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('hides anything unexpected as INTERNAL, and reports it, unless internals are exposed', () => {
    const reported: unknown[] = [];
    const boom = new Error('Cannot read properties of undefined');
    expect(format(boom, false, (error) => reported.push(error))).toEqual({
      message: 'Internal server error',
      path: ['field'],
      locations: undefined,
      extensions: { code: ErrorCode.INTERNAL },
    });
    expect(reported).toEqual([boom]);
    const exposed = format(boom, true);
    expect(exposed.message).toBe(boom.message);
    expect(exposed.extensions).toMatchObject({ code: ErrorCode.INTERNAL, stacktrace: ['at secret.ts:1'] });
  });

  it('answers UNAVAILABLE, naming nothing internal, when the database or a service is out of reach', () => {
    const reported: unknown[] = [];
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    const wrapped = new Error('select "a0".* from "incidents"."alert" - failed', { cause: refused });
    for (const error of [
      shutdown,
      wrapped,
      new Error('Connection terminated unexpectedly'),
      new Error('Knex: Timeout acquiring a connection'),
      // A bare system error object thrown by a driver, which graphql-js wraps in a NonErrorThrown.
      locatedError({ errno: -111, code: 'ECONNREFUSED', syscall: 'connect' }, undefined, ['field']).originalError,
    ]) {
      const answer = format(error, false, (e) => reported.push(e));
      expect(answer).toEqual({
        message: 'A service this request needs is out of reach; send it again shortly',
        path: ['field'],
        extensions: { code: ErrorCode.UNAVAILABLE },
      });
    }
    expect(reported).toEqual([]);
    // A fault of the request or of the code stays INTERNAL.
    const unique = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(format(unique).extensions).toEqual({ code: ErrorCode.INTERNAL });
  });

  it('shows no SQL statement, value or address even when internals are exposed (development)', () => {
    const driver = new Error(
      'insert into "incidents"."alert" ("place") values (\'12 Trần Hưng Đạo\') - invalid byte sequence for encoding "UTF8": 0x00',
    );
    const formatted = {
      message: driver.message,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        stacktrace: ['Error: request to http://127.0.0.1:4002/graphql failed'],
        exception: { sql: 'x' },
      },
    };
    const exposed = createFormatError({ exposeInternals: true })(formatted, driver);
    expect(exposed).toEqual({
      message: '[SQL statement hidden] - invalid byte sequence for encoding "UTF8": 0x00',
      locations: undefined,
      path: undefined,
      extensions: { code: ErrorCode.INTERNAL, stacktrace: ['Error: request to [address hidden] failed'] },
    });
  });

  it('drops the subgraph response Apollo’s gateway attaches to a wrapped error', () => {
    const wrapped = new GraphQLError('Bad', {
      extensions: { code: ErrorCode.BAD_USER_INPUT, response: { url: 'http://127.0.0.1:4002/graphql', body: {} } },
    });
    expect(format(wrapped, true).extensions).toEqual({ code: ErrorCode.BAD_USER_INPUT });
  });
});
