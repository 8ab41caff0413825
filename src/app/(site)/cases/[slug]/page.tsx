import type { Metadata } from 'next'

import { CASE_LIST_KEY, caseCitationsKey, documentKey } from 'payload-plugin-newsroom/delivery'
import { shapeImage } from 'payload-plugin-newsroom/lexical'

import config from '@payload-config'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'
import { siteSettings } from 'payload-plugin-newsroom'
import { cache } from 'react'
import { recordPageKeys } from '../../../../host/pageCache/renderKeys'
import { rssAlternate } from '../../../../host/site/articleMetadata'
import { articlePath, casePath, personPath } from '../../../../host/site/paths'
import { shareImageOf } from '../../../../host/site/shareImage'
import { siteOrigin } from '../../../../host/site/siteOrigin'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

const partyRoles: Record<string, string> = {
  claimant: 'Claimant',
  counsel: 'Counsel',
  judge: 'Decided by',
  other: 'Party',
}

/** The case by slug as a reader may read it, once per request (page and metadata). */
const findCase = cache(async (slug: string) => {
  const payload = await getPayload({ config })
  const { docs } = await payload.find({
    collection: 'cases',
    depth: 1,
    limit: 1,
    overrideAccess: false,
    populate: {
      media: { alt: true, filename: true, height: true, sizes: true, url: true, width: true },
    },
    select: { caption: true, citation: true, holding: true, meta: true, slug: true },
    where: { slug: { equals: slug } },
  })
  return docs[0] ?? null
})

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const record = await findCase((await params).slug)
  if (!record) {
    return { title: 'Not found' }
  }
  const origin = siteOrigin((await headers()).get('host'))
  const { name } = siteSettings(await config)
  const title = record.meta?.title || record.caption
  const description =
    record.meta?.description || [record.citation, record.holding].filter(Boolean).join(' — ')
  const url = `${origin}${casePath(String(record.slug))}`
  const image = shareImageOf(shapeImage(record.meta?.image), origin)
  return {
    alternates: { canonical: url, types: rssAlternate(name) },
    description: description || undefined,
    openGraph: {
      description: description || undefined,
      images: image ? [image] : undefined,
      siteName: name,
      title,
      type: 'article',
      url,
    },
    title,
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      description: description || undefined,
      images: image ? [{ alt: image.alt, url: image.url }] : undefined,
      title,
    },
  }
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
  const found = await findCase(slug)
  if (!found) {
    notFound()
  }
  // Read by id so the precedent chain (computed for single documents) comes with it.
  const record = await payload.findByID({
    collection: 'cases',
    depth: 1,
    id: found.id,
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
