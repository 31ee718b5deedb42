import { FullPageMessage } from '../ui/FullPageMessage.tsx'

export function NotFoundRoute() {
  return <FullPageMessage title="Page not found" message="There is nothing at this address." />
}
