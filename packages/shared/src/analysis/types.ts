/** What a rule is about: the course's non-functional topics. */
export type RuleTopic = 'consistency' | 'availability' | 'scalability' | 'elasticity' | 'performance' | 'security' | 'cost' | 'operability'

export type Severity = 'error' | 'warning' | 'info'

/** One problem a rule found, on the shapes it concerns (component or connection ids, as in the board). */
export interface Finding {
  rule: string
  topic: RuleTopic
  severity: Severity
  shapes: string[]
  message: string
  /** Whether the team marked the rule not applicable on every shape concerned (`meta.analysis.notApplicable`). */
  notApplicable: boolean
  /** The team's justifications when not applicable (each distinct one once, in shape order), else null. */
  justification: string | null
}

export interface EntryResult {
  id: string
  /** The entry's availability as a fraction (alternatives in parallel, shared components once), null when unknown. */
  availability: number | null
  /** The worst of its request paths' latencies, ms. */
  latencyP50: number | null
  latencyP99: number | null
}

export interface PathResult {
  from: string
  to: string
  /** Components from the entry to the end, in order. */
  shapes: string[]
  availability: number | null
  latencyP50: number | null
  latencyP99: number | null
  /** The highest utilisation along the path. */
  utilisation: number | null
}

export interface ComponentResult {
  id: string
  name: string
  kind: string
  instanceAvailability: number | null
  /** The k-of-n availability of its instances (0 when failed in a what-if). */
  effectiveAvailability: number | null
  /** A key-value store's read availability (`r` of `n`); null for other kinds. */
  readAvailability: number | null
  utilisation: number | null
}

export interface AnalysisSummary {
  components: number
  connections: number
  errors: number
  warnings: number
  infos: number
  /** The lowest entry availability, null when none is known. */
  worstAvailability: number | null
  /** The sum of the components' `cost` (€/month), null when none is set. */
  costPerMonth: number | null
}

/** The analysis of a board, as `GET /api/boards/:id/analysis` returns it (`analysisResultSchema` checks one). */
export interface AnalysisResult {
  entries: EntryResult[]
  paths: PathResult[]
  components: ComponentResult[]
  findings: Finding[]
  summary: AnalysisSummary
}
