import { formatPropertyValue, parsePropertyInput, type PropertyDef, type PropertyValue } from '@concord/shared'
import { useId, useState } from 'react'
import type { PropertyTarget } from './propertyTargets.ts'

/** The value the selection shares, `mixed` when selected shapes differ, or unset. */
export type SharedValue<T> = { state: 'unset' } | { state: 'mixed' } | { state: 'set'; value: T }

export function sharedValue<T>(maps: Array<Record<string, T>>, id: string): SharedValue<T> {
  const values = maps.map((map) => map[id])
  const first = values[0]
  if (values.some((value) => value !== first)) return { state: 'mixed' }
  return first === undefined ? { state: 'unset' } : { state: 'set', value: first }
}

/** One property: its typed editor, what is wrong with the input if anything, and its rationale. */
export function PropertyField({ def, target }: { def: PropertyDef; target: PropertyTarget }) {
  const id = useId()
  const value = sharedValue(target.values(), def.id)
  const rationale = sharedValue(target.rationales(), def.id)
  const [error, setError] = useState<string | null>(null)
  const errorId = `${id}-error`
  return (
    <div className="inspector-field" data-testid={`property-${def.id}`}>
      <label className="inspector-field__label" htmlFor={id} title={def.help}>
        {def.label}
      </label>
      <div className="inspector-field__editor">
        <ValueEditor
          def={def}
          inputId={id}
          value={value}
          invalid={error !== null}
          describedBy={error ? errorId : undefined}
          onCommit={(next) => {
            setError(null)
            target.setValue(def.id, next)
          }}
          onInvalid={setError}
        />
      </div>
      {error && (
        <p className="inspector-field__error" id={errorId} role="alert" data-testid={`property-${def.id}-error`}>
          {error}
        </p>
      )}
      <RationaleEditor
        label={`Rationale for ${def.label}`}
        value={rationale}
        testId={`rationale-${def.id}`}
        onCommit={(text) => target.setRationale(def.id, text)}
      />
    </div>
  )
}

interface ValueEditorProps {
  def: PropertyDef
  inputId: string
  value: SharedValue<PropertyValue>
  invalid: boolean
  describedBy: string | undefined
  onCommit(value: PropertyValue | null): void
  onInvalid(reason: string): void
}

function ValueEditor({ def, inputId, value, invalid, describedBy, onCommit, onInvalid }: ValueEditorProps) {
  const { valueType } = def
  if (valueType.type === 'enum' || valueType.type === 'boolean') {
    const options =
      valueType.type === 'enum'
        ? valueType.options
        : [
            { value: 'true', label: 'yes' },
            { value: 'false', label: 'no' },
          ]
    const current = value.state === 'set' ? String(value.value) : value.state === 'mixed' ? '__mixed' : ''
    return (
      <select
        id={inputId}
        className="input inspector-field__select"
        value={current}
        onChange={(event) => {
          const picked = event.currentTarget.value
          if (picked === '__mixed') return
          if (picked === '') onCommit(null)
          else onCommit(valueType.type === 'boolean' ? picked === 'true' : picked)
        }}
      >
        {value.state === 'mixed' && (
          <option value="__mixed" disabled>
            Mixed
          </option>
        )}
        <option value="">Not specified</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    )
  }
  return (
    <TextValueEditor
      def={def}
      inputId={inputId}
      value={value}
      invalid={invalid}
      describedBy={describedBy}
      onCommit={onCommit}
      onInvalid={onInvalid}
    />
  )
}

/** Typed text input: parsed on Enter or when focus leaves; a refused value stays for correction. */
function TextValueEditor({ def, inputId, value, invalid, describedBy, onCommit, onInvalid }: ValueEditorProps) {
  const shown = value.state === 'set' ? formatPropertyValue(def, value.value) : ''
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft === null) return
    const text = draft.trim()
    if (text === '') {
      setDraft(null)
      if (value.state !== 'unset') onCommit(null)
      return
    }
    const parsed = parsePropertyInput(def, text)
    if (!parsed.ok) {
      onInvalid(parsed.reason)
      return
    }
    setDraft(null)
    onCommit(parsed.value)
  }
  const multiline = def.valueType.type === 'text' && def.valueType.multiline
  const common = {
    id: inputId,
    className: 'input inspector-field__input',
    value: draft ?? shown,
    placeholder: value.state === 'mixed' ? 'Mixed' : placeholderFor(def),
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    onBlur: commit,
  }
  return multiline ? (
    <textarea {...common} rows={2} onChange={(event) => setDraft(event.currentTarget.value)} />
  ) : (
    <input
      {...common}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit()
        if (event.key === 'Escape') setDraft(null)
      }}
    />
  )
}

function placeholderFor(def: PropertyDef): string {
  switch (def.valueType.type) {
    case 'percent':
      return 'e.g. 99.95'
    case 'duration':
      return 'e.g. 250 ms or 2 s'
    case 'number':
      return def.valueType.unit ? `in ${def.valueType.unit}` : 'a number'
    default:
      return 'Not specified'
  }
}

function RationaleEditor({
  label,
  value,
  testId,
  onCommit,
}: {
  label: string
  value: SharedValue<string>
  testId: string
  onCommit(text: string): void
}) {
  const shown = value.state === 'set' ? value.value : ''
  const [draft, setDraft] = useState<string | null>(null)
  return (
    <textarea
      className="input inspector-field__rationale"
      aria-label={label}
      data-testid={testId}
      rows={1}
      maxLength={2000}
      placeholder={value.state === 'mixed' ? 'Mixed rationales' : 'Why this value?'}
      value={draft ?? shown}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={() => {
        if (draft !== null && draft !== shown) onCommit(draft)
        setDraft(null)
      }}
    />
  )
}
