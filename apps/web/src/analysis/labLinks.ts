import type { LabConceptId } from '../lab/conceptLinks.ts'

/**
 * Consistency findings whose failure the replication lab demonstrates live, with the concept that
 * shows it: a partitioned replica keeps working and misses the others' writes (no quorum overlap,
 * availability chosen under partition), a replica behind on the state vector serves what it has
 * seen (reads from any member), asynchronous copies agree only after they converge.
 */
export const LAB_CONCEPT_OF_RULE: Readonly<Record<string, { concept: LabConceptId; label: string }>> = {
  'quorum-no-overlap': { concept: 'partition', label: 'a partitioned replica misses writes' },
  'pacelc-contradiction': { concept: 'partition', label: 'availability during a partition' },
  'stale-member-reads': { concept: 'state-vector', label: 'a replica that has not seen every write' },
  'async-replication-linearizable': { concept: 'convergence', label: 'replicas that agree only after converging' },
}
