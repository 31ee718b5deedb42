import type { AnalysisModel } from '../model.ts'
import type { RuleTopic, Severity } from '../types.ts'

/** One occurrence of a rule: the shapes concerned and a message naming them. */
export interface RuleHit {
  shapes: string[]
  message: string
  /** Overrides the rule's severity for this occurrence (e.g. capacity above 100 % is an error). */
  severity?: Severity
}

/** A design rule: stable id, what it checks and why, and when it may be wrong. */
export interface Rule {
  id: string
  topic: RuleTopic
  severity: Severity
  /** The shapes it looks at, e.g. "key-value store", "connection". */
  concerns: string
  /** What it detects, in one plain sentence. */
  detection: string
  rationale: string
  falsePositives: string
  detect(model: AnalysisModel): RuleHit[]
}
