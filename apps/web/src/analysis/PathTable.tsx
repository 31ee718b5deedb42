import type { AnalysisResult } from '@concord/shared'
import { useEditor, type Editor, type TLShapeId } from 'tldraw'
import { isComponentShape } from '../shapes/componentType.ts'
import { formatAvailability, formatDowntime, formatMs, formatUtilisation } from './displayNumbers.ts'

/** Rows shown per table: a board can have a thousand paths, the panel is for reading. */
const MAX_ROWS = 60

interface Slo {
  availability: number | null
  latencyP50: number | null
  latencyP99: number | null
}

/** An entry's own SLOs, the ones the analysis holds its paths to: its `availability` (percent) and latency properties. */
function sloOf(editor: Editor, id: string): Slo {
  const shape = editor.getShape(id as TLShapeId)
  const properties = isComponentShape(shape) ? shape.props.properties : {}
  const number = (key: string) => (typeof properties[key] === 'number' ? (properties[key] as number) : null)
  const availability = number('availability')
  return { availability: availability === null ? null : availability / 100, latencyP50: number('latencyP50'), latencyP99: number('latencyP99') }
}

/** A value beside its target: the target, and whether the value misses it, in words (not only colour). */
function Target({ text, target, missed }: { text: string; target: string | null; missed: boolean }) {
  return (
    <>
      {text}
      {target !== null && (
        <span className={`path-table__slo${missed ? ' path-table__slo--missed' : ''}`}>
          {missed ? '✕ misses ' : '✓ meets '}
          {target}
        </span>
      )}
    </>
  )
}

function availabilityCell(value: number | null, slo: Slo) {
  return <Target text={formatAvailability(value)} target={slo.availability === null ? null : formatAvailability(slo.availability)} missed={value !== null && slo.availability !== null && value < slo.availability - 1e-7} />
}

function latencyCell(value: number | null, target: number | null) {
  return <Target text={formatMs(value)} target={target === null ? null : formatMs(target)} missed={value !== null && target !== null && value > target} />
}

/**
 * The entries (each with its availability, the downtime a year it allows and its latency, against
 * its SLOs) and the request paths from them (the same, held to their entry's SLOs, and the highest
 * utilisation along the path).
 */
export function PathTable({ result }: { result: AnalysisResult }) {
  const editor = useEditor()
  const names = new Map(result.components.map((component) => [component.id, component.name || component.kind]))
  const name = (id: string) => names.get(id) ?? id
  const slos = new Map(result.entries.map((entry) => [entry.id, sloOf(editor, entry.id)]))
  const none: Slo = { availability: null, latencyP50: null, latencyP99: null }
  const paths = result.paths.slice(0, MAX_ROWS)
  return (
    <>
      <table className="path-table" data-testid="entry-table">
        <caption>Entries</caption>
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">Availability</th>
            <th scope="col">Downtime</th>
            <th scope="col">p50 / p99</th>
          </tr>
        </thead>
        <tbody>
          {result.entries.map((entry) => {
            const slo = slos.get(entry.id) ?? none
            return (
              <tr key={entry.id} data-testid="entry-row" data-entry={entry.id}>
                <th scope="row">{name(entry.id)}</th>
                <td data-testid="entry-availability">{availabilityCell(entry.availability, slo)}</td>
                <td>{formatDowntime(entry.availability)}</td>
                <td>
                  <div>{latencyCell(entry.latencyP50, slo.latencyP50)}</div>
                  <div className="path-table__second">{latencyCell(entry.latencyP99, slo.latencyP99)}</div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {/* A path's names take a row of their own: beside four numbers they would wrap letter by letter. */}
      <table className="path-table" data-testid="path-table">
        <caption>Request paths</caption>
        <thead>
          <tr>
            <th scope="col">Availability</th>
            <th scope="col">Downtime</th>
            <th scope="col">p50 / p99</th>
            <th scope="col">Peak use</th>
          </tr>
        </thead>
        {paths.map((path) => {
          const slo = slos.get(path.from) ?? none
          return (
            <tbody key={path.shapes.join('>')} data-testid="path-row" data-path={path.shapes.join('>')}>
              <tr>
                <th scope="rowgroup" colSpan={4} className="path-table__path">
                  {path.shapes.map(name).join(' → ')}
                </th>
              </tr>
              <tr>
                <td data-testid="path-availability">{availabilityCell(path.availability, slo)}</td>
                <td>{formatDowntime(path.availability)}</td>
                <td>
                  <div>{latencyCell(path.latencyP50, slo.latencyP50)}</div>
                  <div className="path-table__second">{latencyCell(path.latencyP99, slo.latencyP99)}</div>
                </td>
                <td>{formatUtilisation(path.utilisation)}</td>
              </tr>
            </tbody>
          )
        })}
      </table>
      {result.paths.length > paths.length && (
        <p className="analysis-panel__note">
          {result.paths.length - paths.length} more paths are not shown; the availability of each entry above covers them all.
        </p>
      )}
    </>
  )
}
