import { AVAILABILITY_RULES } from './availability.ts'
import { CONSISTENCY_RULES } from './consistency.ts'
import { COST_RULES } from './cost.ts'
import { OPERABILITY_RULES } from './operability.ts'
import { PERFORMANCE_RULES } from './performance.ts'
import type { Rule } from './rule.ts'
import { SCALABILITY_RULES } from './scalability.ts'
import { SECURITY_RULES } from './security.ts'

export type { Rule, RuleHit } from './rule.ts'

/** Every design rule, by topic. */
export const RULES: Rule[] = [
  ...CONSISTENCY_RULES,
  ...AVAILABILITY_RULES,
  ...SCALABILITY_RULES,
  ...PERFORMANCE_RULES,
  ...SECURITY_RULES,
  ...OPERABILITY_RULES,
  ...COST_RULES,
]
