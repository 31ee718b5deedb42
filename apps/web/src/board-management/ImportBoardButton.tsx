import { useRef, useState, type ChangeEvent } from 'react'
import { useLocation } from 'wouter'
import { createBoard } from '../api/boards.ts'
import { rememberBoard } from '../local/recentBoards.ts'
import { readTldrFile } from './tldrFile.ts'
import { FormError } from '../ui/FormError.tsx'

/** Imports a `.tldr` file (exported from Concord or tldraw) as a new board owned by this browser. */
export function ImportBoardButton() {
  const input = useRef<HTMLInputElement>(null)
  const [, navigate] = useLocation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      const { title, records } = await readTldrFile(file)
      const board = await createBoard(title, records)
      rememberBoard({ id: board.id, title: board.title, role: 'owner', link: board.links.owner })
      navigate(board.links.owner)
    } catch (err) {
      setError(err instanceof TypeError ? 'Cannot reach the Concord server. Importing needs a connection.' : (err as Error).message)
      setBusy(false)
    }
  }

  return (
    <div className="import-board">
      <input ref={input} type="file" accept=".tldr,application/json" hidden onChange={onFile} data-testid="import-board-file" />
      <button type="button" className="button button--quiet" onClick={() => input.current?.click()} disabled={busy}>
        {busy ? 'Importing…' : 'Import a .tldr file as a new board'}
      </button>
      <FormError error={error} testId="import-board-error" />
    </div>
  )
}
