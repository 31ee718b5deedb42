import { apiErrorSchema } from '@concord/shared'

/** An error response of the Concord API, carrying the server's own message for the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Reads an error body (`{ error, message }`); falls back to the HTTP status when it is not one. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null)
  const parsed = apiErrorSchema.safeParse(body)
  if (parsed.success) return new ApiError(response.status, parsed.data.error, parsed.data.message)
  return new ApiError(response.status, 'http_error', `The server answered ${response.status} ${response.statusText}`.trim())
}
