import * as Y from 'yjs'
import type { DocumentLimits } from './document-limits.ts'

/** Why an update is refused before it is applied anywhere, or null when it may be tried. */
export type UpdateProblem = { malformed: string } | { limit: string } | null

/**
 * Decodes an update and checks what needs no document: that it decodes, that its struct count
 * stays within one frame's budget, that its strings are within bounds, that its JSON values nest
 * no deeper than the depth limit, and that it creates no subdocuments (Concord uses none).
 * Every walk here is iterative.
 */
export function inspectUpdate(update: Uint8Array, limits: DocumentLimits, maxStructs = limits.maxStructsPerUpdate): UpdateProblem {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return { malformed: 'update does not decode' }
  }
  let ranges = 0
  for (const deletes of decoded.ds.clients.values()) ranges += deletes.length
  if (decoded.structs.length + ranges > maxStructs) {
    return { limit: `update holds more than ${maxStructs} operations` }
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    if (typeof struct.parentSub === 'string' && struct.parentSub.length > limits.maxStringLength) {
      return { limit: `a key is longer than ${limits.maxStringLength} characters` }
    }
    const problem = contentProblem(struct.content, limits)
    if (problem) return problem
  }
  return null
}

function contentProblem(content: Y.Item['content'], limits: DocumentLimits): UpdateProblem {
  if (content instanceof Y.ContentDoc) return { limit: 'subdocuments are not accepted' }
  if (content instanceof Y.ContentString) {
    return content.str.length > limits.maxStringLength ? { limit: `a string is longer than ${limits.maxStringLength} characters` } : null
  }
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return valuesProblem(content.arr, limits)
  if (content instanceof Y.ContentEmbed) return valuesProblem([content.embed], limits)
  if (content instanceof Y.ContentFormat) return valuesProblem([content.key, content.value], limits)
  return null
}

/** Depth and string length of plain JSON values, walked with an explicit stack. */
function valuesProblem(values: unknown[], limits: DocumentLimits): UpdateProblem {
  const stack: Array<[value: unknown, depth: number]> = values.map((value) => [value, 1])
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) return { limit: `a string is longer than ${limits.maxStringLength} characters` }
    } else if (value !== null && typeof value === 'object') {
      if (depth > limits.maxDepth) return { limit: `a value nests deeper than ${limits.maxDepth} levels` }
      if (Array.isArray(value)) {
        for (const item of value) stack.push([item, depth + 1])
      } else if (!(value instanceof Uint8Array)) {
        for (const [key, item] of Object.entries(value)) {
          if (key.length > limits.maxStringLength) return { limit: `a key is longer than ${limits.maxStringLength} characters` }
          stack.push([item, depth + 1])
        }
      }
    }
  }
  return null
}
