import type { DeliveryFactCheck } from 'payload-plugin-newsroom/delivery'

import { showDateTime } from './formatDate'
import { personPath } from './paths'

/** The claim a fact-check rates and its rating, above the story. */
export const FactCheckBox = ({ factCheck }: { factCheck: DeliveryFactCheck | null }) => {
  if (!factCheck) {
    return null
  }
  const { claim, rating } = factCheck
  const claimedAt = showDateTime(claim.claimedAt)
  return (
    <aside className="fact-check">
      <p className="claim">
        <strong>The claim:</strong> “{claim.text}”
      </p>
      <p className="claimed-by">
        {claim.claimant ? (
          <a href={personPath(claim.claimant.slug)}>{claim.claimant.name}</a>
        ) : null}
        {claim.appearance ? `, ${claim.appearance}` : null}
        {claimedAt ? (
          <>
            {', '}
            <time dateTime={claim.claimedAt ?? ''}>{claimedAt}</time>
          </>
        ) : null}
        {claim.sourceUrl ? (
          <>
            {' '}
            (<a href={claim.sourceUrl}>source</a>)
          </>
        ) : null}
      </p>
      {rating ? (
        <p className="rating">
          <strong>Our rating:</strong> {rating.label}
        </p>
      ) : null}
    </aside>
  )
}
