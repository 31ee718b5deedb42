import type { FastifyInstance } from 'fastify'
import { BOARD_REFUSAL, type ApiError as ApiErrorBody } from '@concord/shared'

/** An error with the status and `{ error, message }` body the API answers with. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** Response headers that go with it (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toBody(): ApiErrorBody {
    return { error: this.code, message: this.message }
  }
}

/** The uniform answer for unknown boards and invalid links alike. */
export function boardNotFound(): ApiError {
  return new ApiError(404, 'not_found', BOARD_REFUSAL)
}

/** The answer to an address that presented too many refused links this minute. */
export function tooManyRefusals(retryAfter: number): ApiError {
  return new ApiError(429, 'rate_limited', `Too many invalid links from this address; try again in ${retryAfter} s.`, {
    'retry-after': String(retryAfter),
  })
}

/** Codes for Fastify's own client errors (bad JSON, unsupported media type, body limit, ...). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'too_large',
  409: 'conflict',
  415: 'unsupported_type',
  429: 'rate_limited',
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const status = typeof error === 'object' && error !== null && 'statusCode' in error ? Number(error.statusCode) : 500
  if (status >= 400 && status < 500) {
    const message = error instanceof Error ? error.message : 'bad request'
    return new ApiError(status, CODE_BY_STATUS[status] ?? 'bad_request', message)
  }
  return new ApiError(500, 'internal_error', 'Internal server error')
}

/** Every error becomes `{ error, message }`; server faults are logged, never described to clients. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error)
    if (apiError.statusCode >= 500) request.log.error({ err: error }, 'request failed')
    return reply.code(apiError.statusCode).headers(apiError.headers).send(apiError.toBody())
  })
}
