import { useEffect, useState } from 'react'
import { LAB_CONCEPT_PARAM, labConceptElementId, type LabConceptId } from './conceptLinks.ts'

/**
 * A concept's term; the one a link named (the analysis panel links consistency findings here) is
 * highlighted and scrolled into view.
 */
function Term({ concept, highlighted, children }: { concept: LabConceptId; highlighted: LabConceptId | null; children: string }) {
  const current = concept === highlighted
  return (
    <dt id={labConceptElementId(concept)} className={current ? 'lab__concept--linked' : undefined} aria-current={current ? 'true' : undefined}>
      {children}
    </dt>
  )
}

/** Short explanations beside the lab, for a lecture hall; `nodes`: how many server nodes serve the board. */
export function LabConcepts({ nodes }: { nodes: number }) {
  const [linked] = useState(() => new URLSearchParams(location.search).get(LAB_CONCEPT_PARAM) as LabConceptId | null)
  useEffect(() => {
    if (linked) document.getElementById(labConceptElementId(linked))?.scrollIntoView({ block: 'center' })
  }, [linked])
  return (
    <aside className="lab__concepts" aria-label="What you are seeing">
      <h2>What you are seeing</h2>
      <dl>
        <Term concept="replica" highlighted={linked}>Replica</Term>
        <dd>Every open tab and headless client keeps a full copy of the board and edits it locally, even offline.</dd>
        <Term concept="state-vector" highlighted={linked}>State vector</Term>
        <dd>
          For each writer (a Yjs client id), how many of its operations this replica has seen. Two replicas with equal
          state vectors hold the same board.
        </dd>
        {nodes > 1 && (
          <>
            <Term concept="server-nodes" highlighted={linked}>Server nodes</Term>
            <dd>
              The server is replicated too: each of its {nodes} nodes keeps its own copy, serves the tabs connected to it, and
              passes every update on to the other nodes (through Redis), so tabs on different nodes converge.
            </dd>
          </>
        )}
        <Term concept="partition" highlighted={linked}>Partition</Term>
        <dd>The server drops every message to and from a replica. It keeps editing; the others cannot see it, nor it them.</dd>
        <Term concept="merge" highlighted={linked}>Merge</Term>
        <dd>
          The board is a CRDT: concurrent edits to different fields both survive, and every replica that has seen the same
          operations ends in the same state, whatever the order.
        </dd>
        <Term concept="convergence" highlighted={linked}>Convergence</Term>
        <dd>
          After a heal the replica and the server exchange state vectors and send each other what is missing. When every
          digest matches the server’s, the board has converged.
        </dd>
      </dl>
    </aside>
  )
}
