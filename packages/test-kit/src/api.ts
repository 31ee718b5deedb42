import { createBoardResponseSchema, type CreateBoardResponse } from '@concord/shared'

/** Creates a board through the HTTP API of the server at `url`. */
export async function createBoard(url: string, title = 'Test board'): Promise<CreateBoardResponse> {
  const response = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`)
  return createBoardResponseSchema.parse(await response.json())
}

/** The token carried in a link's fragment (`/b/<id>#k=<token>`). */
export function linkToken(link: string): string {
  const token = new URL(link, 'http://localhost').hash.match(/^#k=(.+)$/)?.[1]
  if (!token) throw new Error(`no token in link ${link}`)
  return decodeURIComponent(token)
}

/** A request to the API with a link token as `Authorization: Bearer`. */
export function apiRequest(url: string, path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${url}${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } })
}
