import { ErrorCode } from '@ioc-graph/platform';
import type { RefusalRenderer } from '../../admission';
import { OpenRequestError } from '../openOperations';

/** The NGSI-LD error types this API answers with (ETSI GS CIM 009 §5.5.2). */
export type NgsiProblemType = 'BadRequestData' | 'InvalidRequest' | 'ResourceNotFound' | 'OperationNotSupported' | 'InternalError';

const TITLES: Record<NgsiProblemType, string> = {
  BadRequestData: 'Bad request data',
  InvalidRequest: 'Invalid request',
  ResourceNotFound: 'Resource not found',
  OperationNotSupported: 'Operation not supported',
  InternalError: 'Internal error',
};

/** A refusal of an NGSI-LD request with its NGSI-LD error type (the hub's `code` travels alongside). */
export class NgsiLdError extends OpenRequestError {
  constructor(
    status: number,
    code: ErrorCode,
    readonly problem: NgsiProblemType,
    message: string,
  ) {
    super(status, code, message);
    this.name = 'NgsiLdError';
  }
}

export const badRequestData = (detail: string) => new NgsiLdError(400, ErrorCode.BAD_USER_INPUT, 'BadRequestData', detail);
export const resourceNotFound = (detail: string) => new NgsiLdError(404, ErrorCode.NOT_FOUND, 'ResourceNotFound', detail);
export const operationNotSupported = (detail: string) => new NgsiLdError(501, ErrorCode.BAD_REQUEST, 'OperationNotSupported', detail);

/** The NGSI-LD type of a refusal that came from elsewhere in the hub (a GraphQL error, admission). */
function problemOf(refusal: OpenRequestError): NgsiProblemType | null {
  if (refusal instanceof NgsiLdError) return refusal.problem;
  if (refusal.code === ErrorCode.BAD_USER_INPUT) return 'BadRequestData';
  if (refusal.code === ErrorCode.NOT_FOUND) return 'ResourceNotFound';
  if (refusal.status >= 500) return 'InternalError';
  if (refusal.code === ErrorCode.BAD_REQUEST) return 'InvalidRequest';
  return null;
}

/**
 * Renders a refusal as NGSI-LD ProblemDetails (RFC 7807, `application/json`). Refusals NGSI-LD has no type
 * for (401, 403, 429 from admission) are `about:blank` with the HTTP reason as title; every problem carries
 * the hub's stable error code as `code`, which is what a client branches on besides `type`.
 */
export const ngsiLdRefusal: RefusalRenderer = (res, refusal) => {
  const problem = problemOf(refusal);
  const title = problem ? TITLES[problem] : (HTTP_TITLES[refusal.status] ?? 'Request refused');
  res
    .status(refusal.status)
    .type('application/json')
    .send(
      JSON.stringify({
        type: problem ? `https://uri.etsi.org/ngsi-ld/errors/${problem}` : 'about:blank',
        title,
        status: refusal.status,
        detail: refusal.message,
        code: refusal.code,
      }),
    );
};

const HTTP_TITLES: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  406: 'Not Acceptable',
  429: 'Too Many Requests',
};
