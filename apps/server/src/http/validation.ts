import type { z } from 'zod'
import { ApiError } from './errors.ts'

/** Parses a request body, or throws a 400 whose message is the schema's reason (e.g. "title must not be empty"). */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const parsed = schema.safeParse(body)
  if (parsed.success) return parsed.data
  const message = parsed.error.issues
    .map((issue) => {
      const path = issue.path.join('.')
      return path && !issue.message.includes(path) ? `${path}: ${issue.message}` : issue.message
    })
    .join('; ')
  throw new ApiError(400, 'invalid_request', message)
}
