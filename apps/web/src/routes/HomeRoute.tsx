import type { CreateBoardResponse } from '@concord/shared'
import { useState } from 'react'
import { ImportBoardButton } from '../board-management/ImportBoardButton.tsx'
import { CreateSessionForm } from '../classroom/CreateSessionForm.tsx'
import { CreateBoardForm } from '../home/CreateBoardForm.tsx'
import { CreatedBoard } from '../home/CreatedBoard.tsx'
import { RecentBoardList } from '../home/RecentBoardList.tsx'
import { rememberBoard } from '../local/recentBoards.ts'
import { RecentSessionList } from '../home/RecentSessionList.tsx'
import { IdentityBadge } from '../identity/IdentityBadge.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'

export function HomeRoute() {
  const [created, setCreated] = useState<CreateBoardResponse | null>(null)
  const onCreated = (board: CreateBoardResponse) => {
    rememberBoard({ id: board.id, title: board.title, role: 'owner', link: board.links.owner })
    setCreated(board)
  }
  return (
    <div className="page">
      <PageHeader>
        <IdentityBadge />
      </PageHeader>
      <main className="home">
        <section className="hero">
          <h1 className="hero__title">Design distributed systems together.</h1>
          <p className="hero__lead">
            Concord is a real-time whiteboard for your course project: sketch the architecture with your team, live or
            offline, and every change merges.
          </p>
        </section>
        <section className="card">
          <CreateBoardForm onCreated={onCreated} />
          <ImportBoardButton />
        </section>
        {created && <CreatedBoard board={created} />}
        <section className="card">
          <CreateSessionForm />
        </section>
        <RecentSessionList />
        <RecentBoardList />
      </main>
    </div>
  )
}
