import { z } from 'zod'

const fraction = z.number().min(0).max(1).nullable()
const ms = z.number().min(0).nullable()

/** `GET /api/boards/:id/analysis` (and a version's) response, checked at the trust boundary by clients. */
export const analysisResultSchema = z.object({
  entries: z.array(z.object({ id: z.string(), availability: fraction, latencyP50: ms, latencyP99: ms })),
  paths: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      shapes: z.array(z.string()).min(1),
      availability: fraction,
      latencyP50: ms,
      latencyP99: ms,
      utilisation: z.number().min(0).nullable(),
    }),
  ),
  components: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      instanceAvailability: fraction,
      effectiveAvailability: fraction,
      readAvailability: fraction,
      utilisation: z.number().min(0).nullable(),
    }),
  ),
  findings: z.array(
    z.object({
      rule: z.string(),
      topic: z.enum(['consistency', 'availability', 'scalability', 'elasticity', 'performance', 'security', 'cost', 'operability']),
      severity: z.enum(['error', 'warning', 'info']),
      shapes: z.array(z.string()),
      message: z.string(),
      notApplicable: z.boolean(),
      justification: z.string().nullable(),
    }),
  ),
  summary: z.object({
    components: z.number().int().min(0),
    connections: z.number().int().min(0),
    errors: z.number().int().min(0),
    warnings: z.number().int().min(0),
    infos: z.number().int().min(0),
    worstAvailability: fraction,
    costPerMonth: z.number().min(0).nullable(),
  }),
})
