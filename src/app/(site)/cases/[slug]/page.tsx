import { CASE_LIST_KEY, caseCitationsKey, documentKey } from 'payload-plugin-newsroom/delivery'

import config from '@payload-config'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'
import { recordPageKeys } from '../../../../host/pageCache/renderKeys'
import { articlePath, casePath, personPath } from '../../../../host/site/paths'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

const partyRoles: Record<string, string> = {
  claimant: 'Claimant',
  counsel: 'Counsel',
  judge: 'Decided by',
  other: 'Party',
}

type ChainLink = {
  caption?: string
  citation?: null | string
  decidedAt?: null | string
  slug?: string
}

export default async function CasePage({ params }: Props) {
  const { slug } = await params
  const payload = await getPayload({ config })
  const { docs } = await payload.find({
    collection: 'cases',
    depth: 0,
    limit: 1,
    overrideAccess: false,
    where: { slug: { equals: slug } },
  })
  if (!docs[0]) {
    notFound()
  }
  // Read by id so the precedent chain (computed for single documents) comes with it.
  const record = await payload.findByID({
    collection: 'cases',
    depth: 1,
    id: docs[0].id,
    overrideAccess: false,
  })
  const chain = (record.precedentChain ?? []) as ChainLink[]
  // Parties readers may see are populated; one no live story shows stays an id and is left out.
  const parties = (record.parties ?? []).flatMap((party) =>
    typeof party.person === 'object' && party.person ? [{ ...party, person: party.person }] : [],
  )
  const citing = (record.citedIn?.docs ?? []).flatMap((doc) =>
    typeof doc === 'object' ? [doc] : [],
  )
  // The chain reads other cases: any case change moves the case list, which this page shows.
  recordPageKeys(await headers(), [
    documentKey('cases', record.id),
    CASE_LIST_KEY,
    caseCitationsKey(record.id),
    ...citing.map((article) => documentKey('articles', article.id)),
    ...parties.map((party) => documentKey('people', party.person.id)),
  ])

  return (
    <article>
      <h1>{record.caption}</h1>
      <p className="citation">
        {record.citation}
        {record.decidedBy ? ` — ${record.decidedBy}` : ''}
      </p>
      <p className="status">Status: {record.status}</p>
      {record.statusNote ? <p>{record.statusNote}</p> : null}
      {record.holding ? <p className="holding">{record.holding}</p> : null}
      {parties.length > 0 ? (
        <section className="parties">
          <h2>People</h2>
          <ul>
            {parties.map((party) => (
              <li key={party.id ?? String(party.person.id)}>
                {partyRoles[party.role] ?? party.role}:{' '}
                <a href={personPath(String(party.person.slug))}>{party.person.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {chain.length > 1 ? (
        <section className="precedent-chain">
          <h2>Line of precedent</h2>
          <ol>
            {chain.map((link) => (
              <li key={link.slug ?? link.caption}>
                {link.slug === record.slug ? (
                  <strong>{link.caption}</strong>
                ) : (
                  <a href={casePath(String(link.slug))}>{link.caption}</a>
                )}
                {link.citation ? `, ${link.citation}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {citing.length > 0 ? (
        <section className="cited-in">
          <h2>Our coverage</h2>
          <ul>
            {citing.map((article) => (
              <li key={article.id}>
                <a href={articlePath(String(article.slug))}>{article.headline}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
