import { capabilitiesOf, EXPORT_FORMATS, type ExportFormatName } from '@concord/shared'
import { useCallback, useRef, useState } from 'react'
import { exportAs, useEditor, useValue } from 'tldraw'
import { Link, useLocation } from 'wouter'
import { duplicateBoard } from '../api/boardAdmin.ts'
import { fetchDesignExport } from '../api/designExport.ts'
import { setTabOffline, tabOffline } from '../board/sync/socket.ts'
import { useBoard } from '../board/boardContext.ts'
import { rememberBoard } from '../local/recentBoards.ts'
import { ImportMermaidDialog } from '../design-import/ImportMermaidDialog.tsx'
import { DeleteBoardDialog } from './DeleteBoardDialog.tsx'
import { downloadFile } from './downloadFile.ts'
import { RenameBoardDialog } from './RenameBoardDialog.tsx'
import { ReportDialog } from '../report/ReportDialog.tsx'
import { useReview } from '../review/reviewContext.ts'
import { downloadTldr, editorAsTldr } from './tldrFile.ts'
import { useCloseOnOutsidePointer } from '../ui/useCloseOnOutsidePointer.ts'

type OpenDialog = 'rename' | 'delete' | 'import-mermaid' | 'report' | null

/** The design-as-code downloads, as the menu names them. */
const CODE_EXPORTS: ReadonlyArray<{ format: ExportFormatName; label: string }> = [
  { format: 'structurizr', label: 'Structurizr DSL' },
  { format: 'mermaid', label: 'Mermaid' },
  { format: 'c4-plantuml', label: 'C4-PlantUML' },
  { format: 'd2', label: 'D2' },
]

/**
 * The board's "⋯" menu: the design report (of the frozen version when one is shown) and export
 * (PNG, SVG, .tldr and the design as code, named after the board)
 * for everyone; "Import Mermaid…" where the board can be edited; rename, duplicate and delete for
 * the owner; on narrow windows also the offline switch and the lab.
 */
export function BoardMenu() {
  const editor = useEditor()
  const { session, title } = useBoard()
  const [, navigate] = useLocation()
  const [open, setOpen] = useState(false)
  const [dialog, setDialog] = useState<OpenDialog>(null)
  const [error, setError] = useState<string | null>(null)
  const menu = useRef<HTMLDivElement>(null)
  const closeMenu = useCallback(() => setOpen(false), [])
  const { boardId, token, role } = session.options
  const isOwner = role !== null && capabilitiesOf(role).manageBoard
  const review = useReview()
  const version = useValue('viewed version', () => review?.versions.get().find((v) => v.id === review.viewing.get()) ?? null, [review])

  useCloseOnOutsidePointer(open, menu, closeMenu)

  const run = (action: () => Promise<void>) => async () => {
    setOpen(false)
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(err instanceof TypeError ? 'Cannot reach the Concord server.' : err instanceof Error ? err.message : String(err))
    }
  }
  const offline = useValue('tab offline', () => tabOffline.get(), [])
  const readonly = useValue('board readonly', () => editor.getIsReadonly(), [editor])
  const exportFile = run(async () => downloadTldr(title, await editorAsTldr(editor, title)))
  const exportImage = (format: 'png' | 'svg') =>
    run(async () => {
      const ids = [...editor.getCurrentPageShapeIds()]
      if (ids.length === 0) throw new Error('The board is empty: there is nothing to export.')
      await exportAs(editor, ids, { format, name: title, background: true, padding: 32 })
    })
  const exportCode = (format: ExportFormatName) => run(async () => downloadFile(title, EXPORT_FORMATS[format].extension, await fetchDesignExport(boardId, token, format)))
  const duplicate = run(async () => {
    const copy = await duplicateBoard(boardId, token)
    rememberBoard({ id: copy.id, title: copy.title, role: 'owner', link: copy.links.owner })
    navigate(copy.links.owner)
  })
  const closeDialog = useCallback(() => setDialog(null), [])

  return (
    <div className="board-menu" ref={menu}>
      <button
        type="button"
        className="board-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="Board menu"
        title="Board menu"
        data-testid="board-menu"
        onClick={() => setOpen((value) => !value)}
      >
        ⋯
      </button>
      {open && (
        <div className="board-menu__list" role="menu">
          {isOwner && (
            <button type="button" role="menuitem" data-testid="board-rename" onClick={() => (setOpen(false), setDialog('rename'))}>
              Rename…
            </button>
          )}
          {isOwner && (
            <button type="button" role="menuitem" data-testid="board-duplicate" onClick={duplicate}>
              Duplicate
            </button>
          )}
          <button type="button" role="menuitem" data-testid="board-report" onClick={() => (setOpen(false), setDialog('report'))}>
            Design report…
          </button>
          <button type="button" role="menuitem" data-testid="board-export-png" onClick={exportImage('png')}>
            Export as PNG image
          </button>
          <button type="button" role="menuitem" data-testid="board-export-svg" onClick={exportImage('svg')}>
            Export as SVG image
          </button>
          <button type="button" role="menuitem" data-testid="board-export" onClick={exportFile}>
            Export as .tldr file
          </button>
          <hr />
          {CODE_EXPORTS.map(({ format, label }) => (
            <button key={format} type="button" role="menuitem" data-testid={`board-export-${format}`} onClick={exportCode(format)}>
              Export as {label}
            </button>
          ))}
          {!readonly && (
            <button type="button" role="menuitem" data-testid="board-import-mermaid" onClick={() => (setOpen(false), setDialog('import-mermaid'))}>
              Import Mermaid…
            </button>
          )}
          <hr className="board-menu__narrow" />
          <button
            type="button"
            role="menuitem"
            className="board-menu__narrow"
            data-testid="board-menu-offline"
            onClick={() => (setOpen(false), setTabOffline(!offline))}
          >
            {offline ? 'Go online' : 'Go offline'}
          </button>
          <Link role="menuitem" className="board-menu__narrow" href={`/b/${boardId}/lab${location.hash}`} data-testid="board-menu-lab">
            Replication lab
          </Link>
          {isOwner && (
            <button
              type="button"
              role="menuitem"
              className="board-menu__danger"
              data-testid="board-delete"
              onClick={() => (setOpen(false), setDialog('delete'))}
            >
              Delete board…
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="board-menu__error" role="alert">
          {error}
        </p>
      )}
      {dialog === 'rename' && <RenameBoardDialog boardId={boardId} token={token} title={title} onClose={closeDialog} />}
      {dialog === 'import-mermaid' && <ImportMermaidDialog editor={editor} onClose={closeDialog} />}
      {dialog === 'delete' && <DeleteBoardDialog boardId={boardId} token={token} title={title} onClose={closeDialog} />}
      {dialog === 'report' && <ReportDialog boardId={boardId} token={token} title={title} version={version} onClose={closeDialog} />}
    </div>
  )
}
