import { GraphQLError } from 'graphql';
import { ErrorCode } from './codes';

/** A problem with one field of the input: its path and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error a client is meant to see, with a stable `extensions.code`. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'AppError';
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const badInput = (message: string, problems: FieldProblem[] = []) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, problems.length ? { problems } : {});
export const unauthenticated = (message = 'A valid token is required') => new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this') => new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string, key: string) => new AppError(ErrorCode.NOT_FOUND, `${what} ${key} does not exist`, { what, key });
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, message, extensions);
export const rateLimited = (retryAfterSeconds: number) => new AppError(ErrorCode.RATE_LIMITED, 'Too many requests', { retryAfterSeconds });
