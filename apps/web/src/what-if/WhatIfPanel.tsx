import { capabilitiesOf, findContainerKind, findKind, percent, type WhatIfChoice, type WhatIfEntry, type WhatIfOutcome } from '@concord/shared'
import { useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { useBoard } from '../board/boardContext.ts'
import { useWhatIf } from './whatIfContext.ts'
import { useWhatIfInput } from './whatIfInput.ts'
import type { WhatIfMode } from './whatIfMode.ts'

/**
 * The what-if panel: what to take down (a list beside the clicks on the canvas), each entry's
 * availability and peak load before and after, the request paths that lose service, and for the
 * owner the switch to show the what-if to everyone. Render inside <Tldraw>.
 */
export function WhatIfPanel() {
  const mode = useWhatIf()
  if (!mode) return null
  return <WhatIfPanelFor mode={mode} />
}

function WhatIfPanelFor({ mode }: { mode: WhatIfMode }) {
  const editor = useEditor()
  useWhatIfInput(editor, mode)
  const { session } = useBoard()
  const view = useValue('what-if view', () => mode.view.get(), [mode])
  const outcome = useValue('what-if outcome', () => mode.outcome.get(), [mode])
  const sharedByMe = useValue('what-if shared by me', () => mode.sharedByMe.get(), [mode])
  const following = useValue('what-if following', () => mode.following.get(), [mode])
  const { role } = session.options
  const isOwner = role !== null && capabilitiesOf(role).manageBoard
  if (!view) return null
  const failed = new Set(view.failed)
  const names = new Map([...(outcome?.components ?? []), ...(outcome?.domains ?? [])].map((choice) => [choice.id, choice.name || 'Unnamed']))

  return (
    <aside className="canvas-panel what-if-panel" data-testid="what-if-panel" aria-label="What-if" onKeyDown={(event) => event.key !== 'Escape' && event.stopPropagation()}>
      <header className="what-if-panel__header">
        <h2 className="what-if-panel__title">What-if</h2>
        <p className="what-if-panel__scope" role="status" data-testid="what-if-scope">
          {view.shared
            ? sharedByMe
              ? 'Everyone on the board sees this what-if.'
              : `${view.shared.name || 'The board’s owner'} shows this what-if to everyone.`
            : 'Only you see this; nothing is written to the board.'}
        </p>
      </header>
      {/* Focusable so that keyboard users can scroll it while its choices are disabled (someone else's what-if). */}
      <div className="what-if-panel__body" tabIndex={0} role="region" aria-label="What-if details">
        {outcome === null ? (
          <p className="what-if-panel__hint">Working it out…</p>
        ) : (
          <>
            <Entries outcome={outcome} />
            {outcome.entries.length > 0 && <BrokenPaths outcome={outcome} names={names} />}
            <h3 className="what-if-panel__heading">Take down</h3>
            {!following && <p className="what-if-panel__hint">Tick below, or click a component, zone or region on the canvas. Escape ends the what-if.</p>}
            <Choices title="Failure domains" choices={outcome.domains} failed={failed} disabled={following} mode={mode} empty="No zones or regions on the board." />
            <ComponentChoices outcome={outcome} failed={failed} disabled={following} mode={mode} />
          </>
        )}
      </div>
      {!following && (
        <footer className="what-if-panel__footer">
          {isOwner && !sharedByMe && (
            <button type="button" className="button button--small" data-testid="what-if-share" onClick={() => mode.showToEveryone()}>
              Show to everyone
            </button>
          )}
          <button type="button" className="button button--small button--primary" data-testid="what-if-end" onClick={() => mode.end()}>
            {sharedByMe ? 'End what-if for everyone' : 'End what-if'}
          </button>
        </footer>
      )}
    </aside>
  )
}

interface ChoicesProps {
  title: string
  /** The title is shown by something around the list (a summary): it stays for screen readers only. */
  titleHidden?: boolean
  choices: WhatIfChoice[]
  failed: Set<string>
  disabled: boolean
  mode: WhatIfMode
  empty: string
}

function Choices({ title, titleHidden = false, choices, failed, disabled, mode, empty }: ChoicesProps) {
  return (
    <fieldset className="what-if-panel__choices" disabled={disabled}>
      <legend className={titleHidden ? 'visually-hidden' : undefined}>{title}</legend>
      {choices.length === 0 && <p className="what-if-panel__hint">{empty}</p>}
      {choices.map((choice) => (
        <label key={choice.id} className="what-if-panel__choice">
          <input type="checkbox" checked={failed.has(choice.id)} onChange={() => mode.toggle(choice.id)} data-testid="what-if-choice" data-id={choice.id} />
          <span>{choice.name || 'Unnamed'}</span>
          <span className="what-if-panel__kind">{kindLabel(choice.kind)}</span>
        </label>
      ))}
    </fieldset>
  )
}

/** The components, folded while there are failure domains to choose (the usual drill) and none of them is failed. */
function ComponentChoices({ outcome, failed, disabled, mode }: { outcome: WhatIfOutcome; failed: Set<string>; disabled: boolean; mode: WhatIfMode }) {
  const [open, setOpen] = useState(() => outcome.domains.length === 0 || outcome.components.some((choice) => failed.has(choice.id)))
  return (
    <details className="what-if-panel__components" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Components ({outcome.components.length})</summary>
      <Choices title="Components" titleHidden choices={outcome.components} failed={failed} disabled={disabled} mode={mode} empty="No components on the board yet." />
    </details>
  )
}

/** A kind's name as the library shows it; the id for a kind this version does not know. */
function kindLabel(kind: string): string {
  return findKind(kind)?.label ?? findContainerKind(kind)?.label ?? kind
}

const fraction = (value: number | null) => (value === null ? 'unknown' : percent(value))
/** A utilisation, or why there is none: most designs set no capacity. */
const load = (value: number | null) => (value === null ? 'no capacity set' : percent(value))

function Entries({ outcome }: { outcome: WhatIfOutcome }) {
  if (outcome.entries.length === 0) return <p className="what-if-panel__hint">No request enters the design yet: connect a client to a service.</p>
  return (
    <table className="what-if-panel__entries">
      <caption>Entries: before → after</caption>
      <thead>
        <tr>
          <th scope="col">Entry</th>
          <th scope="col">Availability</th>
          <th scope="col">Peak load</th>
        </tr>
      </thead>
      <tbody>
        {outcome.entries.map((entry) => (
          <EntryRow key={entry.id} entry={entry} />
        ))}
      </tbody>
    </table>
  )
}

function EntryRow({ entry }: { entry: WhatIfEntry }) {
  return (
    <tr data-testid="what-if-entry" data-lost={entry.lost}>
      <th scope="row">
        {entry.name || 'Unnamed'}
        {entry.lost && <span className="what-if-panel__lost">Service lost</span>}
      </th>
      <td>
        {fraction(entry.availabilityBefore)}
        <br />→ {fraction(entry.availabilityAfter)}
      </td>
      <td>
        {entry.utilisationBefore === null && entry.utilisationAfter === null && !entry.lost ? (
          'no capacity set'
        ) : (
          <>
            {load(entry.utilisationBefore)}
            <br />→ {entry.lost ? 'none left' : load(entry.utilisationAfter)}
          </>
        )}
      </td>
    </tr>
  )
}

function BrokenPaths({ outcome, names }: { outcome: WhatIfOutcome; names: Map<string, string> }) {
  return (
    <section className="what-if-panel__paths">
      <h3 className="what-if-panel__heading">Broken request paths</h3>
      {outcome.brokenPaths.length === 0 ? (
        <p className="what-if-panel__hint" data-testid="what-if-no-broken">Every request path still works.</p>
      ) : (
        <ul>
          {outcome.brokenPaths.map((path) => (
            <li key={path.shapes.join(' ')} data-testid="what-if-broken-path">
              {path.shapes.map((id) => names.get(id) ?? id).join(' → ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
