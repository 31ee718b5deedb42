import { CONNECTION_PROPERTIES } from '../catalog/connection-properties.ts'
import type { PropertyValue } from '../catalog/types.ts'
import { longestPhraseIn, phrases, words, type Phrase } from './phrase-match.ts'

/** Words people label an edge with for a protocol, beyond the option's own id and label. */
const PROTOCOL_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  https: ['http', 'rest'],
  grpc: ['rpc', 'protobuf'],
  websocket: ['ws', 'websockets'],
  sql: ['jdbc', 'sql'],
  resp: ['redis'],
  kafka: ['kafka'],
}

function optionPhrases(propertyId: string, extra: Readonly<Record<string, readonly string[]>>): Phrase[] {
  const valueType = CONNECTION_PROPERTIES.find((property) => property.id === propertyId)!.valueType
  if (valueType.type !== 'enum') return []
  // "HTTPS (HTTP/1.1)" is also called by the part before its parenthesis.
  return valueType.options.flatMap((option) => phrases(option.value, [option.value, option.label, option.label.replace(/\s*\(.*\)$/, ''), ...(extra[option.value] ?? [])]))
}

const PROTOCOLS = optionPhrases('protocol', PROTOCOL_SYNONYMS)
const MODES = optionPhrases('mode', { async: ['asynchronous', 'async'], stream: ['stream', 'streaming', 'streams'], sync: ['sync', 'synchronous'] })

/**
 * A connection's properties and the label left to show on its arrow, from a flowchart edge: the
 * protocol and mode its label names ("gRPC · asynchronous", as the Mermaid export writes them),
 * asynchronous when dashed and the label names no mode. The label stays on the arrow when it
 * says more than protocol and mode.
 */
export function edgeProperties(text: string, dashed: boolean): { properties: Record<string, PropertyValue>; label: string } {
  const protocol = longestPhraseIn(PROTOCOLS, text)
  const mode = longestPhraseIn(MODES, text)
  const properties: Record<string, PropertyValue> = {}
  if (protocol) properties.protocol = protocol.id
  if (mode) properties.mode = mode.id
  else if (dashed) properties.mode = 'async'
  const named = new Set([...(protocol?.words ?? []), ...(mode?.words ?? [])])
  const saysMore = words(text).some((word) => !named.has(word))
  return { properties, label: saysMore ? text : '' }
}
