import { describe, expect, it } from 'vitest'
import { boardDocumentName, capabilitiesOf } from '@concord/shared'
import { LinkSigner } from '../src/access/link-signer.ts'
import { acknowledged, synced } from './helpers/collab.ts'
import { createBoard, tokenOf } from './helpers/server.ts'
import { waitFor } from './helpers/wait.ts'
import { testResources } from './helpers/resources.ts'

const SECRET = 'a test secret that is long enough'

const { start, open } = testResources()

describe('roles that may not edit the design', () => {
  it('a reviewer link connects read-only: it sees edits, its own never reach the board', async () => {
    expect(capabilitiesOf('reviewer').editDesign).toBe(false)
    const server = await start({ secret: SECRET })
    const board = await createBoard(server.url)
    // The server does not issue reviewer links yet; sign one as it would, with the configured secret.
    const reviewerToken = new LinkSigner(Buffer.from(SECRET)).issue(board.id, 'reviewer', 0)

    const editor = open(server.url, board.id, tokenOf(board.links.editor))
    const reviewer = open(server.url, board.id, reviewerToken)
    await Promise.all([synced(editor), synced(reviewer)])
    expect(reviewer.provider.authorizedScope).toBe('readonly')

    const info = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${reviewerToken}` } })
    expect(((await info.json()) as { role: string }).role).toBe('reviewer')

    reviewer.doc.getMap('test').set('from-reviewer', 'nope')
    await waitFor(() => reviewer.refusedUpdates > 0, { what: 'the server to refuse the reviewer update' })
    editor.doc.getMap('test').set('from-editor', 'yes')
    await acknowledged(editor)
    await waitFor(() => reviewer.doc.getMap('test').get('from-editor') === 'yes', { what: "the editor's edit at the reviewer" })
    const document = server.server.hocuspocus.documents.get(boardDocumentName(board.id))
    expect(document?.getMap('test').get('from-reviewer')).toBeUndefined()
    expect(editor.doc.getMap('test').get('from-reviewer')).toBeUndefined()

    const upload = await fetch(`${server.url}/api/boards/${board.id}/assets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reviewerToken}`, 'content-type': 'image/png' },
      body: new Uint8Array([1, 2, 3]),
    })
    expect(upload.status).toBe(403)
  })
})
