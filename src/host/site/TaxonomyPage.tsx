import type { Metadata } from 'next'

import config from '@payload-config'
import { headers } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'
import { ARTICLE_LIST_KEY } from 'payload-plugin-newsroom/delivery'
import { cache } from 'react'

import { recordPageKeys } from '../pageCache/renderKeys'
import { showDate } from './formatDate'
import { articlePath } from './paths'
import {
  findTerm,
  listStories,
  pageNumber,
  taxonomyPath,
  termKey,
  type TaxonomyKind,
} from './taxonomyListing'

export type TaxonomyPageProps = {
  params: Promise<{ slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const loadTerm = cache(async (kind: TaxonomyKind, slug: string) =>
  findTerm(await getPayload({ config }), kind, slug),
)

export const taxonomyMetadata =
  (kind: TaxonomyKind) =>
  async ({ params }: TaxonomyPageProps): Promise<Metadata> => {
    const term = await loadTerm(kind, (await params).slug)
    if (!term) {
      return { title: 'Not found' }
    }
    const path = taxonomyPath(kind, term.slug)
    return {
      alternates: {
        canonical: path,
        types: { 'application/rss+xml': [{ title: term.name, url: `${path}/feed.xml` }] },
      },
      description: term.description ?? undefined,
      title: term.name,
    }
  }

/** A section's or a topic's page: its name, description and published stories, paginated. */
export const taxonomyPage = (kind: TaxonomyKind) =>
  async function TaxonomyPage({ params, searchParams }: TaxonomyPageProps) {
    const term = await loadTerm(kind, (await params).slug)
    const page = pageNumber((await searchParams).page)
    if (!term || page === null) {
      notFound()
    }
    const payload = await getPayload({ config })
    const result = await listStories(payload, kind, term, page)
    // A page past the last is as missing as an unknown term.
    if (page > 1 && result.docs.length === 0) {
      notFound()
    }
    recordPageKeys(await headers(), [ARTICLE_LIST_KEY, termKey(kind, term)])
    const path = taxonomyPath(kind, term.slug)

    return (
      <section aria-labelledby="listing-title" className="listing">
        <header>
          <p className="section">{kind === 'sections' ? 'Section' : 'Topic'}</p>
          <h1 id="listing-title">{term.name}</h1>
          {term.description ? <p className="dek">{term.description}</p> : null}
          <p>
            <Link href={`${path}/feed.xml`}>RSS feed</Link>
          </p>
        </header>
        {result.docs.length === 0 ? (
          <p className="empty">Nothing is published here yet.</p>
        ) : (
          <ol className="story-list">
            {result.docs.map((article) => {
              const when = article.firstPublishedAt ?? article.publishedAt
              return (
                <li key={article.id}>
                  <h2>
                    <Link href={articlePath(String(article.slug))}>{article.headline}</Link>
                  </h2>
                  {article.dek ? <p className="dek">{article.dek}</p> : null}
                  {when ? <time dateTime={when}>{showDate(when)}</time> : null}
                </li>
              )
            })}
          </ol>
        )}
        {result.totalPages > 1 ? (
          <nav aria-label="Pages" className="pagination">
            {result.hasPrevPage ? (
              <Link href={page === 2 ? path : `${path}?page=${page - 1}`} rel="prev">
                Newer stories
              </Link>
            ) : null}{' '}
            <span>
              Page {page} of {result.totalPages}
            </span>{' '}
            {result.hasNextPage ? (
              <Link href={`${path}?page=${page + 1}`} rel="next">
                Older stories
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    )
  }
