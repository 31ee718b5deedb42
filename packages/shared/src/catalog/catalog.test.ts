import { describe, expect, it } from 'vitest'
import { CATALOG, findContainerKind, findKind, findTemplate } from './catalog.ts'
import { CATALOG_VERSION, COMPONENT_PROPS_MIGRATIONS } from './migrations.ts'
import { checkComponentProps, checkConnectionProperties, defaultProperties, findProperty, propertiesOf } from './props.ts'
import type { PropertyDef, PropertyValue, Template } from './types.ts'
import { checkPropertyValue, formatPropertyValue, parsePropertyInput } from './values.ts'

const SVG_ELEMENTS = new Set(['svg', 'path', 'circle', 'rect', 'ellipse', 'line', 'polyline', 'polygon', 'g'])
const SVG_ATTRIBUTES = new Set([
  'xmlns', 'viewBox', 'fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-dasharray',
  'd', 'cx', 'cy', 'r', 'rx', 'ry', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'width', 'height', 'points',
])
const COORDINATE_ATTRIBUTES = new Set(['cx', 'cy', 'r', 'rx', 'ry', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'width', 'height'])

/**
 * Parses an icon as the strict subset of SVG the catalog draws with, returning the problems found:
 * balanced tags, known elements and attributes only, colours only `none`/`currentColor`, no
 * external references, coordinates inside the 24×24 box.
 */
function iconProblems(svg: string): string[] {
  const problems: string[] = []
  const stack: string[] = []
  let elements = 0
  const rest = svg.replace(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"<>]*")*)\s*(\/?)>/g, (_all, close, name, attrs, selfClose) => {
    if (!SVG_ELEMENTS.has(name)) problems.push(`element <${name}>`)
    if (close) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`)
      return ''
    }
    elements++
    if (stack.length === 0 && name !== 'svg') problems.push(`top-level <${name}>`)
    if (!selfClose) stack.push(name)
    for (const [, attr, value] of String(attrs).matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)) {
      if (!attr || value === undefined) continue
      if (!SVG_ATTRIBUTES.has(attr)) problems.push(`attribute ${attr}`)
      if ((attr === 'fill' || attr === 'stroke') && value !== 'none' && value !== 'currentColor') problems.push(`${attr}="${value}"`)
      if (attr === 'd' && !/^[MmLlHhVvCcSsQqAaZz0-9.,\s-]+$/.test(value)) problems.push(`path data ${value}`)
      if (COORDINATE_ATTRIBUTES.has(attr) && !(Number(value) >= 0 && Number(value) <= 24)) problems.push(`${attr}="${value}" outside the box`)
    }
    return ''
  })
  if (rest.trim() !== '') problems.push(`stray text ${rest.trim().slice(0, 40)}`)
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`)
  if (elements < 2) problems.push('draws nothing')
  if (!svg.startsWith('<svg ') || !svg.includes('viewBox="0 0 24 24"') || !svg.includes('stroke="currentColor"')) {
    problems.push('not a 24×24 currentColor icon')
  }
  if (/url\(|href|#[0-9a-f]{3}|rgb|<script|on[a-z]+=/i.test(svg)) problems.push('external reference or fixed colour')
  return problems
}

/** The ids that occur more than once. */
function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i)
}

/** Problems with a property's default: it must pass its own check. */
function defaultProblems(def: PropertyDef, owner: string): string[] {
  if (def.default === undefined) return []
  const check = checkPropertyValue(def, def.default)
  return check.ok ? [] : [`${owner}.${def.id}: ${check.reason}`]
}

describe('catalog contents', () => {
  it('has the kinds, containers and templates a distributed-systems course uses', () => {
    expect(CATALOG.kinds.length).toBeGreaterThanOrEqual(28)
    expect(CATALOG.containers.map((c) => c.id).sort()).toEqual(['cluster', 'datacenter', 'edge-site', 'rack', 'region', 'zone'])
    expect(CATALOG.templates.length).toBeGreaterThanOrEqual(6)
    expect(CATALOG.version).toBe(CATALOG_VERSION)
    expect(CATALOG_VERSION).toBe(COMPONENT_PROPS_MIGRATIONS.at(-1)?.version)
  })

  it('is plain JSON, as served', () => {
    expect(JSON.parse(JSON.stringify(CATALOG))).toEqual(CATALOG)
  })

  it('has unique ids for groups, kinds, containers, templates and each kind’s properties', () => {
    expect(duplicates(CATALOG.groups.map((g) => g.id))).toEqual([])
    expect(duplicates([...CATALOG.kinds.map((k) => k.id), ...CATALOG.containers.map((c) => c.id)])).toEqual([])
    expect(duplicates(CATALOG.templates.map((t) => t.id))).toEqual([])
    expect(duplicates(CATALOG.connectionProperties.map((p) => p.id))).toEqual([])
    expect(CATALOG.kinds.flatMap((kind) => duplicates(propertiesOf(kind).map((p) => `${kind.id}.${p.id}`)))).toEqual([])
  })

  it('gives a property id one value type wherever it appears, so a value can be checked by its id alone', () => {
    // Record validation sees one prop at a time, and connection properties are not tied to a kind.
    const byId = new Map<string, PropertyDef['valueType']>()
    const conflicts: string[] = []
    const everywhere = [...CATALOG.commonProperties, ...CATALOG.connectionProperties, ...CATALOG.kinds.flatMap((kind) => kind.properties)]
    for (const def of everywhere) {
      const seen = byId.get(def.id)
      if (seen && JSON.stringify(seen) !== JSON.stringify(def.valueType)) conflicts.push(def.id)
      byId.set(def.id, seen ?? def.valueType)
    }
    expect(conflicts).toEqual([])
  })

  it('finds kinds, containers and templates by id', () => {
    for (const kind of CATALOG.kinds) expect(findKind(kind.id)).toBe(kind)
    for (const container of CATALOG.containers) expect(findContainerKind(container.id)).toBe(container)
    for (const template of CATALOG.templates) expect(findTemplate(template.id)).toBe(template)
    expect(findKind('region')).toBeUndefined()
    expect(findContainerKind('cache')).toBeUndefined()
    expect(findTemplate('nope')).toBeUndefined()
  })

  it('gives every kind a group, an icon, a size, a description, at least two specific properties and a badge', () => {
    const groups = new Set(CATALOG.groups.map((g) => g.id))
    const problems = CATALOG.kinds.flatMap((kind) => [
      ...(groups.has(kind.group) ? [] : [`${kind.id}: unknown group ${kind.group}`]),
      ...iconProblems(kind.icon).map((problem) => `${kind.id} icon: ${problem}`),
      ...(kind.defaultSize.w >= 120 && kind.defaultSize.h >= 60 ? [] : [`${kind.id}: too small`]),
      ...(kind.properties.length >= 2 ? [] : [`${kind.id}: fewer than 2 specific properties`]),
      ...(kind.badge.length >= 1 && kind.badge.length <= 3 ? [] : [`${kind.id}: badge of ${kind.badge.length}`]),
      ...kind.badge.filter((id) => !findProperty(kind, id)).map((id) => `${kind.id}: badge ${id} is no property`),
      ...(kind.description.length > 20 ? [] : [`${kind.id}: no description`]),
    ])
    problems.push(...CATALOG.containers.flatMap((c) => iconProblems(c.icon).map((problem) => `${c.id} icon: ${problem}`)))
    problems.push(...CATALOG.groups.filter((g) => !CATALOG.kinds.some((k) => k.group === g.id)).map((g) => `group ${g.id} is empty`))
    expect(problems).toEqual([])
  })

  it('gives every icon its own drawing', () => {
    expect(duplicates([...CATALOG.kinds, ...CATALOG.containers].map((k) => k.icon))).toEqual([])
  })

  it('has sane defaults: each passes its own check, and a new component of every kind validates', () => {
    const commonIds = new Set(CATALOG.commonProperties.map((def) => def.id))
    const problems = [
      ...[...CATALOG.commonProperties, ...CATALOG.connectionProperties].flatMap((def) => defaultProblems(def, 'common')),
      ...CATALOG.kinds.flatMap((kind) => {
        const properties = defaultProperties(kind)
        const reason = checkComponentProps({ kind: kind.id, name: kind.label, properties, rationale: {} })
        return [
          ...kind.properties.flatMap((def) => defaultProblems(def, kind.id)),
          ...Object.keys(kind.commonDefaults ?? {}).filter((id) => !commonIds.has(id)).map((id) => `${kind.id}: common default ${id} is no common property`),
          ...(reason === null ? [] : [`${kind.id} defaults: ${reason}`]),
          // Badge properties start set, so a placed component shows a useful badge line.
          ...(kind.badge.some((id) => properties[id] !== undefined) ? [] : [`${kind.id}: no badge property has a default`]),
        ]
      }),
    ]
    expect(problems).toEqual([])
  })

  it('reads back what it shows, for every default, enum option and template value', () => {
    const problems: string[] = []
    const roundTrip = (def: PropertyDef, value: PropertyValue, where: string) => {
      const shown = formatPropertyValue(def, value)
      const read = parsePropertyInput(def, shown)
      if (!read.ok || read.value !== value) problems.push(`${where}.${def.id}: ${String(value)} shown as "${shown}" reads back as ${JSON.stringify(read)}`)
    }
    for (const kind of CATALOG.kinds) {
      const defs = propertiesOf(kind)
      for (const def of defs) {
        if (def.default !== undefined) roundTrip(def, def.default, kind.id)
        if (def.valueType.type === 'enum') for (const option of def.valueType.options) roundTrip(def, option.value, kind.id)
      }
    }
    for (const template of CATALOG.templates) {
      for (const component of template.components) {
        const kind = findKind(component.kind)
        for (const [id, value] of Object.entries(component.properties)) {
          const def = kind && findProperty(kind, id)
          if (def) roundTrip(def, value, `${template.id}/${component.ref}`)
        }
      }
      for (const connection of template.connections) {
        for (const [id, value] of Object.entries(connection.properties)) {
          const def = CATALOG.connectionProperties.find((d) => d.id === id)
          if (def) roundTrip(def, value, `${template.id}/${connection.from}→${connection.to}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('catches a broken icon', () => {
    expect(iconProblems('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke="currentColor"><path d="M1 1h2"/><circle cx="3" cy="3" r="1" fill="#f00"/></svg>')).toEqual(['fill="#f00"', 'external reference or fixed colour'])
    expect(iconProblems('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" stroke="currentColor"><path d="M1 1h2"><rect x="30" y="1" width="2" height="2"/></svg>')).toEqual(['x="30" outside the box', 'unbalanced </svg>', 'unclosed <svg>'])
  })
})

interface Box {
  ref: string
  parent: string | undefined
  x: number
  y: number
  w: number
  h: number
}

function boxesOf(template: Template): Box[] {
  return [
    ...template.containers.map((c) => ({ ref: c.ref, parent: c.in, x: c.x, y: c.y, w: c.w, h: c.h })),
    ...template.components.map((c) => {
      const size = findKind(c.kind)?.defaultSize ?? { w: 0, h: 0 }
      return { ref: c.ref, parent: c.in, x: c.x, y: c.y, w: c.w ?? size.w, h: c.h ?? size.h }
    }),
  ]
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

function templateProblems(template: Template): string[] {
  const problems: string[] = []
  if (template.name.length <= 3 || template.description.length <= 20) problems.push('name or description missing')
  for (const container of template.containers) {
    if (!findContainerKind(container.kind)) problems.push(`${container.ref}: unknown container kind ${container.kind}`)
  }
  let rationales = 0
  for (const component of template.components) {
    const kind = findKind(component.kind)
    const props = { kind: component.kind, name: component.name, properties: component.properties, rationale: component.rationale ?? {} }
    const reason = checkComponentProps(props)
    if (reason !== null) problems.push(`${component.ref}: ${reason}`)
    // Key properties: the kind's badge line is fully set.
    for (const id of kind?.badge ?? []) if (component.properties[id] === undefined) problems.push(`${component.ref}.${id} unset`)
    rationales += Object.keys(component.rationale ?? {}).length
  }
  if (rationales < template.components.length) problems.push(`only ${rationales} rationales`)
  const all = [...template.containers, ...template.components]
  problems.push(...duplicates(all.map((c) => c.ref)).map((ref) => `duplicate ref ${ref}`))
  const containers = new Set(template.containers.map((c) => c.ref))
  const components = new Set(template.components.map((c) => c.ref))
  for (const item of all) if (item.in !== undefined && !containers.has(item.in)) problems.push(`${item.ref} in unknown ${item.in}`)
  for (const connection of template.connections) {
    const name = `${connection.from}→${connection.to}`
    if (!components.has(connection.from) || !components.has(connection.to) || connection.from === connection.to) problems.push(`${name}: bad ends`)
    const reason = checkConnectionProperties(connection.properties, connection.rationale ?? {})
    if (reason !== null) problems.push(`${name}: ${reason}`)
    for (const id of ['protocol', 'mode', 'delivery']) if (connection.properties[id] === undefined) problems.push(`${name}: ${id} unset`)
  }
  return problems
}

function layoutProblems(template: Template): string[] {
  const problems: string[] = []
  const boxes = boxesOf(template)
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) if (a.parent === b.parent && overlap(a, b)) problems.push(`${a.ref} overlaps ${b.ref}`)
    if (a.parent === undefined) continue
    const parent = boxes.find((b) => b.ref === a.parent)
    if (!parent || a.x < 0 || a.y < 0 || a.x + a.w > parent.w || a.y + a.h > parent.h) problems.push(`${a.ref} sticks out of ${a.parent}`)
  }
  return problems
}

describe.each(CATALOG.templates.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('uses existing kinds and containers, valid annotated properties, and connections between its components', () => {
    expect(templateProblems(template)).toEqual([])
  })

  it('lays things out without overlaps, each member inside its container', () => {
    expect(layoutProblems(template)).toEqual([])
  })
})

describe('template checks', () => {
  it('catch overlaps, members outside their container and dangling connections', () => {
    const broken: Template = {
      id: 'broken',
      name: 'Broken',
      description: 'A template with every mistake the checks look for.',
      containers: [{ ref: 'zone', kind: 'zone', name: 'a', x: 0, y: 0, w: 300, h: 200 }],
      components: [
        { ref: 'a', kind: 'web-client', name: 'A', x: 0, y: 0, in: 'zone', properties: { platform: 'browser', offline: 'online-only' }, rationale: { platform: 'x' } },
        { ref: 'b', kind: 'web-client', name: 'B', x: 100, y: 50, in: 'zone', properties: { platform: 'browser', offline: 'online-only' }, rationale: { platform: 'x' } },
        { ref: 'c', kind: 'web-client', name: 'C', x: 200, y: 120, in: 'zone', properties: { platform: 'browser', offline: 'online-only' }, rationale: { platform: 'x' } },
      ],
      connections: [{ from: 'a', to: 'ghost', properties: { protocol: 'https', mode: 'sync' } }],
    }
    expect(layoutProblems(broken)).toEqual(['a overlaps b', 'b overlaps c', 'c sticks out of zone'])
    expect(templateProblems(broken)).toEqual(['a→ghost: bad ends', 'a→ghost: delivery unset'])
  })
})
