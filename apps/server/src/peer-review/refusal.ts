/**
 * A peer-review request turned down: `statusCode` is the API's answer (the HTTP error handler
 * maps any 4xx error to `{ error, message }`), so this logic needs nothing of the HTTP layer.
 */
export class PeerReviewRefusal extends Error {
  constructor(
    readonly statusCode: 400 | 404 | 409,
    message: string,
  ) {
    super(message)
    this.name = 'PeerReviewRefusal'
  }
}

/** The answer for an assignment, round or version a student may not see: the same as for one that does not exist. */
export function notFound(what: string): PeerReviewRefusal {
  return new PeerReviewRefusal(404, `${what} not found`)
}
