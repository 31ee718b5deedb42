/**
 * Identifiers for a board's shape ids that every diagram-as-code format accepts: letters, digits and
 * `_` only, starting with a prefix (so no id is a keyword such as Mermaid's `end` or D2's `shape`),
 * unique (against `taken`, which it extends) even when two shape ids differ only in characters replaced here.
 */
export function exportIdentifiers(ids: Iterable<string>, prefix: string, taken: Set<string>): Map<string, string> {
  const out = new Map<string, string>()
  for (const id of ids) {
    const base = `${prefix}_${id.replace(/^shape:/, '').replace(/[^A-Za-z0-9_]/g, '_')}`
    let candidate = base
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`
    taken.add(candidate)
    out.set(id, candidate)
  }
  return out
}
