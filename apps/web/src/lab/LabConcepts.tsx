/** Short explanations beside the lab, for a lecture hall; `nodes`: how many server nodes serve the board. */
export function LabConcepts({ nodes }: { nodes: number }) {
  return (
    <aside className="lab__concepts" aria-label="What you are seeing">
      <h2>What you are seeing</h2>
      <dl>
        <dt>Replica</dt>
        <dd>Every open tab and headless client keeps a full copy of the board and edits it locally, even offline.</dd>
        <dt>State vector</dt>
        <dd>
          For each writer (a Yjs client id), how many of its operations this replica has seen. Two replicas with equal
          state vectors hold the same board.
        </dd>
        {nodes > 1 && (
          <>
            <dt>Server nodes</dt>
            <dd>
              The server is replicated too: each of its {nodes} nodes keeps its own copy, serves the tabs connected to it, and
              passes every update on to the other nodes (through Redis), so tabs on different nodes converge.
            </dd>
          </>
        )}
        <dt>Partition</dt>
        <dd>The server drops every message to and from a replica. It keeps editing; the others cannot see it, nor it them.</dd>
        <dt>Merge</dt>
        <dd>
          The board is a CRDT: concurrent edits to different fields both survive, and every replica that has seen the same
          operations ends in the same state, whatever the order.
        </dd>
        <dt>Convergence</dt>
        <dd>
          After a heal the replica and the server exchange state vectors and send each other what is missing. When every
          digest matches the server’s, the board has converged.
        </dd>
      </dl>
    </aside>
  )
}
