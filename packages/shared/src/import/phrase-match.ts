/** Lower-case words of a text: "Load balancer / API gateway" -> load, balancer, api, gateway. */
export function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)
}

/** A name for something (a kind, a protocol) as a list of words. */
export interface Phrase {
  id: string
  words: string[]
}

export function phrases(id: string, texts: readonly string[]): Phrase[] {
  return texts.map((text) => ({ id, words: words(text) })).filter((phrase) => phrase.words.length > 0)
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  for (let start = 0; start + needle.length <= haystack.length; start++) if (needle.every((word, i) => haystack[start + i] === word)) return true
  return false
}

/**
 * The phrase that appears, as whole words, in `text`; the longest wins ("Kafka Streams" before
 * "Kafka"), then the first given. Undefined when none appears.
 */
export function longestPhraseIn(candidates: readonly Phrase[], text: string): Phrase | undefined {
  const haystack = words(text)
  let best: Phrase | undefined
  let bestLength = 0
  for (const phrase of candidates) {
    const length = phrase.words.join(' ').length
    if (length > bestLength && containsRun(haystack, phrase.words)) {
      best = phrase
      bestLength = length
    }
  }
  return best
}
