// `pnpm exec tsx bench/heap-summary.ts <before.heapsnapshot> <after.heapsnapshot> <added> [top]`:
// what a server holds for each connection (or board) added between two heap snapshots of the
// memory scenario (`pnpm bench --only=memory --heap-snapshots`): the growth of V8's heap, grouped
// by node type and constructor (objects), function (closures) or kind (arrays, strings, code),
// per added item, the largest first. Arrays, closures, contexts and other unnamed nodes are
// attributed to the nearest named object or property that retains them ("held by").
import { readFileSync } from 'node:fs'

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } }
  nodes: number[]
  edges: number[]
  strings: string[]
}

interface Group {
  bytes: number
  count: number
}

const [beforeFile, afterFile, addedArg, topArg] = process.argv.slice(2)
if (!beforeFile || !afterFile || !addedArg) throw new Error('usage: heap-summary.ts <before.heapsnapshot> <after.heapsnapshot> <added> [top]')
const added = Number(addedArg)
const top = Number(topArg ?? 30)

/** Node types that name what they are (a constructor); the others are attributed to a holder. */
const NAMED = new Set(['object', 'native'])
/** Node types whose names are their contents, and whose holders change between snapshots: keyed by type alone. */
const CONTENTS = new Set(['string', 'concatenated string', 'sliced string', 'code', 'number', 'regexp'])
/** Internal holders that say nothing of their owner: look past them. */
const ANONYMOUS_HOLDERS = new Set(['Object', 'Array', 'system / Context', '(anonymous)', ''])
/** Retainer edges that do not keep a node alive, or say nothing of who holds it. */
const SKIPPED_EDGES = new Set(['weak', 'shortcut'])
const MAX_HOPS = 6

/** Self size and count per group: named objects by constructor, everything else by what holds it. */
function groups(file: string): Map<string, Group> {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshot
  const { meta } = heap.snapshot
  const width = meta.node_fields.length
  const edgeWidth = meta.edge_fields.length
  const nodeTypes = meta.node_types[0]
  const edgeTypes = meta.edge_types[0]
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((field) => meta.node_fields.indexOf(field)) as [number, number, number, number]
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((field) => meta.edge_fields.indexOf(field)) as [number, number, number]
  const count = heap.nodes.length / width
  const typeOf = (node: number) => nodeTypes[heap.nodes[node * width + typeAt]!]!
  const nameOf = (node: number) => heap.strings[heap.nodes[node * width + nameAt]!]!

  // The first retainer of each node, and the edge's name (a property name, or an element index).
  const holder = new Int32Array(count).fill(-1)
  const holderEdge = new Array<string>(count)
  let edge = 0
  for (let node = 0; node < count; node++) {
    const edges = heap.nodes[node * width + edgeCountAt]!
    for (let e = 0; e < edges; e++, edge += edgeWidth) {
      const type = edgeTypes[heap.edges[edge + edgeTypeAt]!]!
      const to = heap.edges[edge + toAt]! / width
      if (SKIPPED_EDGES.has(type) || holder[to] !== -1) continue
      holder[to] = node
      const name = heap.edges[edge + edgeNameAt]!
      holderEdge[to] = type === 'element' || type === 'hidden' ? `[${type}]` : heap.strings[name]!
    }
  }
  const describe = (node: number): string => {
    let path = ''
    let at = node
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const up = holder[at]!
      if (up < 0) break
      path = `.${holderEdge[at]}${path}`
      const name = nameOf(up)
      if ((NAMED.has(typeOf(up)) || typeOf(up) === 'closure') && !ANONYMOUS_HOLDERS.has(name)) return `${typeOf(up)} ${name}${path}`
      at = up
    }
    return `…${path}`
  }

  const result = new Map<string, Group>()
  for (let node = 0; node < count; node++) {
    const type = typeOf(node)
    const name = nameOf(node)
    const key = CONTENTS.has(type)
      ? type
      : NAMED.has(type) && !ANONYMOUS_HOLDERS.has(name)
        ? `${type} ${name}`
        : `${type === 'object' ? `object ${name || '(anonymous)'}` : type} held by ${describe(node)}`
    const group = result.get(key) ?? { bytes: 0, count: 0 }
    group.bytes += heap.nodes[node * width + sizeAt]!
    group.count += 1
    result.set(key, group)
  }
  return result
}

const before = groups(beforeFile)
const after = groups(afterFile)
const none: Group = { bytes: 0, count: 0 }
const rows = [...new Set([...before.keys(), ...after.keys()])].map((key) => {
  const [was, is] = [before.get(key) ?? none, after.get(key) ?? none]
  return { key, bytes: (is.bytes - was.bytes) / added, count: (is.count - was.count) / added }
})
const total = rows.reduce((sum, row) => sum + row.bytes, 0)
rows.sort((a, b) => b.bytes - a.bytes)
console.info(`heap growth per added item: ${(total / 1024).toFixed(1)} KiB over ${added} (self sizes)`)
console.info('| bytes per item | objects per item | group |')
console.info('|---:|---:|---|')
for (const row of rows.slice(0, top)) console.info(`| ${row.bytes.toFixed(0)} | ${row.count.toFixed(1)} | ${row.key.replaceAll('|', '\\|')} |`)
