import { Route, Switch } from 'wouter'
import { RequireName } from './identity/RequireName.tsx'
import { BoardRoute } from './routes/BoardRoute.tsx'
import { HomeRoute } from './routes/HomeRoute.tsx'
import { LabRoute } from './routes/LabRoute.tsx'
import { NotFoundRoute } from './routes/NotFoundRoute.tsx'
import { SessionRoute } from './routes/SessionRoute.tsx'
import { StudentReviewRoute } from './routes/StudentReviewRoute.tsx'
import { StudentRoute } from './routes/StudentRoute.tsx'
import { UpdateBanner } from './update/UpdateBanner.tsx'

export function App() {
  return (
    <RequireName>
      <UpdateBanner />
      <Switch>
        <Route path="/" component={HomeRoute} />
        <Route path="/b/:id">{(params) => <BoardRoute key={params.id} id={params.id} />}</Route>
        <Route path="/b/:id/lab">{(params) => <LabRoute key={params.id} id={params.id} />}</Route>
        <Route path="/s/:id/me" component={StudentRoute} />
        <Route path="/s/:id/me/review/:assignmentId">
          {(params) => <StudentReviewRoute key={params.assignmentId} target={{ kind: 'review', assignmentId: params.assignmentId }} />}
        </Route>
        <Route path="/s/:id/me/calibration/:roundId">
          {(params) => <StudentReviewRoute key={params.roundId} target={{ kind: 'calibration', roundId: params.roundId }} />}
        </Route>
        <Route path="/s/:id">{(params) => <SessionRoute key={params.id} id={params.id} />}</Route>
        <Route component={NotFoundRoute} />
      </Switch>
    </RequireName>
  )
}
