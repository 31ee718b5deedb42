import { useEffect, useRef, useState } from 'react'
import { fetchReport, type ReportFormat } from '../api/report.ts'
import { Dialog } from '../ui/Dialog.tsx'

const MEDIA_TYPES: Record<ReportFormat, string> = { md: 'text/markdown', html: 'text/html' }

function messageOf(error: unknown): string {
  return error instanceof TypeError ? 'Cannot reach the Concord server.' : error instanceof Error ? error.message : String(error)
}

function download(text: string, format: ReportFormat, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${MEDIA_TYPES[format]};charset=utf-8` }))
  Object.assign(document.createElement('a'), { href: url, download: `${name}.${format}` }).click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * The design report of the board (or of the frozen version on screen) as the server renders it,
 * previewed in a frame that runs no script, with its downloads and the browser's print dialog
 * (the report's print stylesheet lays it out for paper, so "Save as PDF" makes the PDF).
 */
export function ReportDialog({
  boardId,
  token,
  title,
  version,
  onClose,
}: {
  boardId: string
  token: string
  title: string
  version: { id: string; name: string } | null
  onClose(): void
}) {
  const versionId = version?.id ?? null
  // The preview (or why there is none) of the report asked for last: stale answers are ignored.
  const [loaded, setLoaded] = useState<{ versionId: string | null; html: string | null; error: string | null } | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)
  const frame = useRef<HTMLIFrameElement>(null)
  const current = loaded?.versionId === versionId ? loaded : null
  const html = current?.html ?? null
  const error = saveError ?? current?.error ?? null
  const fileName = `${title}${version ? ` – ${version.name}` : ''} – design report`

  useEffect(() => {
    const abort = new AbortController()
    fetchReport(boardId, token, versionId, 'html', abort.signal).then(
      (text) => setLoaded({ versionId, html: text, error: null }),
      (err: unknown) => abort.signal.aborted || setLoaded({ versionId, html: null, error: messageOf(err) }),
    )
    return () => abort.abort()
  }, [boardId, token, versionId])

  const save = (format: ReportFormat) => async () => {
    setSaveError(null)
    try {
      download(format === 'html' && html !== null ? html : await fetchReport(boardId, token, versionId, format), format, fileName)
    } catch (err) {
      setSaveError(messageOf(err))
    }
  }

  return (
    <Dialog title={version ? `Design report of “${version.name}”` : 'Design report'} onClose={onClose} testId="report-dialog" className="report-dialog">
      <p className="dialog__text">
        Generated from the {version ? 'frozen version' : 'board as it is now'}: its diagram, building blocks, connections, quality
        requirements checked against the analysis, risks and changes since the last submitted version.
      </p>
      <div className="report-dialog__actions">
        <button type="button" className="button" onClick={save('md')} data-testid="report-download-md">
          Download Markdown
        </button>
        <button type="button" className="button" onClick={save('html')} disabled={html === null} data-testid="report-download-html">
          Download HTML
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => frame.current?.contentWindow?.print()}
          disabled={html === null}
          data-testid="report-print"
        >
          Print / Save as PDF
        </button>
        <button type="button" className="button button--quiet report-dialog__close" onClick={onClose}>
          Close
        </button>
      </div>
      {error && (
        <p className="report-dialog__error" role="alert">
          {error}
        </p>
      )}
      {html === null && !error && (
        <p className="report-dialog__loading" role="status">
          Generating the report…
        </p>
      )}
      {html !== null && (
        <iframe
          ref={frame}
          className="report-dialog__frame"
          title="Design report preview"
          // No scripts run in it; same origin only so the print button can reach its window.
          sandbox="allow-same-origin allow-modals"
          srcDoc={html}
          data-testid="report-frame"
        />
      )}
    </Dialog>
  )
}
