import { useState, type FormEvent } from 'react'
import type { Editor } from 'tldraw'
import { Dialog } from '../ui/Dialog.tsx'
import { importMermaid } from './importMermaid.ts'
import { FormActions } from '../ui/FormActions.tsx'

const EXAMPLE = `%% For example:
flowchart LR
  web[Browser] --> lb[Load balancer]
  subgraph zone[Zone a]
    api[Orders API] --> db[(Postgres)]
  end
  lb --> api
  api -.-> bus[Kafka]`

/** "Import Mermaid…": a flowchart typed or pasted here becomes components and connections; a parse error is shown and nothing is created. */
export function ImportMermaidDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() === '') {
      setError('Paste or type a Mermaid flowchart first.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await importMermaid(editor, text)
      onClose()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setBusy(false)
    }
  }

  return (
    <Dialog title="Import Mermaid flowchart" onClose={onClose} testId="import-mermaid-dialog" wide>
      <form onSubmit={submit} noValidate>
        <p className="dialog__text">
          Nodes become components of the kind their label names (“Redis cache”, “Kafka”, “Postgres”), other nodes stateless services; subgraphs become
          failure domains; dashed edges asynchronous connections.
        </p>
        <label htmlFor="import-mermaid-text" className="field-label">
          Flowchart
        </label>
        <textarea
          id="import-mermaid-text"
          className="input input--mono import-mermaid__text"
          data-testid="import-mermaid-text"
          rows={10}
          spellCheck={false}
          placeholder={EXAMPLE}
          value={text}
          autoFocus
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'import-mermaid-error' : undefined}
        />
        {error && (
          <pre id="import-mermaid-error" className="form-error import-mermaid__error" role="alert" data-testid="import-mermaid-error">
            {error}
          </pre>
        )}
        <FormActions onCancel={onClose} label="Import" busyLabel="Importing…" busy={busy} testId="import-mermaid-submit" />
      </form>
    </Dialog>
  )
}
