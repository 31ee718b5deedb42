import type { Finding } from '@concord/shared'
import { groupFindings, TOPIC_LABELS } from './findingGroups.ts'
import { FindingItem } from './FindingItem.tsx'

function findingKey(finding: Finding): string {
  return `${finding.rule}|${finding.shapes.join(',')}|${finding.message}`
}

/** The findings by topic, each topic's open ones by severity before the acknowledged ones. */
export function FindingList({ findings, canEdit }: { findings: readonly Finding[]; canEdit: boolean }) {
  if (findings.length === 0) return <p className="analysis-panel__note">No findings: nothing the rules check is wrong with this design.</p>
  return (
    <>
      {groupFindings(findings).map((group) => (
        <section key={group.topic} className="finding-group" aria-label={TOPIC_LABELS[group.topic]} data-testid={`finding-group-${group.topic}`}>
          <h4 className="finding-group__title">
            {TOPIC_LABELS[group.topic]}
            <span className="finding-group__count">
              {group.open} open{group.findings.length > group.open ? `, ${group.findings.length - group.open} not applicable` : ''}
            </span>
          </h4>
          <ul className="finding-group__list">
            {group.findings.map((finding) => (
              <FindingItem key={findingKey(finding)} finding={finding} canEdit={canEdit} />
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
