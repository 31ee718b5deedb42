import { CONTAINER_KINDS } from '../catalog/containers.ts'
import { KIND_SYNONYMS } from '../catalog/kind-synonyms.ts'
import { COMPONENT_KINDS } from '../catalog/kinds/index.ts'
import { longestPhraseIn, phrases, type Phrase } from './phrase-match.ts'

/** The phrases naming each kind: its label, each `/`-separated part of it, and its synonyms. */
function kindPhrases(kinds: ReadonlyArray<{ id: string; label: string }>): Phrase[] {
  return kinds.flatMap((kind) => phrases(kind.id, [kind.label, ...kind.label.split('/'), ...(KIND_SYNONYMS[kind.id] ?? [])]))
}

const COMPONENT_PHRASES = kindPhrases(COMPONENT_KINDS)
const CONTAINER_PHRASES = kindPhrases(CONTAINER_KINDS)

/** The catalog component kind a label names ("Redis cache", "Kafka", "Postgres"), else a stateless service. */
export function componentKindNamed(text: string): string {
  return longestPhraseIn(COMPONENT_PHRASES, text)?.id ?? 'stateless-service'
}

/** The failure domain a subgraph title names ("eu-west", "Zone a", "Rack 3"), else a cluster. */
export function containerKindNamed(text: string): string {
  return longestPhraseIn(CONTAINER_PHRASES, text)?.id ?? 'cluster'
}
