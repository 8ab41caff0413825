import type { Metadata } from 'next'

import config from '@payload-config'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'

import { showDate } from '../../../host/site/formatDate'
import { articlePath } from '../../../host/site/paths'
import { searchQuery, searchStories } from '../../../host/site/searchStories'
import { pageNumber } from '../../../host/site/taxonomyListing'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = async ({ searchParams }: Props): Promise<Metadata> => {
  const query = searchQuery((await searchParams).q)
  // Result pages are for readers, not for search engines' indexes.
  return { robots: { follow: true, index: false }, title: query ? `Search: ${query}` : 'Search' }
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const query = searchQuery(params.q)
  const page = pageNumber(params.page)
  if (page === null) {
    notFound()
  }
  const result = query ? await searchStories(await getPayload({ config }), query, page) : null
  const pageHref = (to: number) =>
    `/search?q=${encodeURIComponent(query)}${to > 1 ? `&page=${to}` : ''}`

  return (
    <section aria-labelledby="search-title" className="listing search">
      <h1 id="search-title">Search</h1>
      <form action="/search" method="get" role="search">
        <label htmlFor="search-q">Search our stories</label>{' '}
        <input defaultValue={query} id="search-q" maxLength={200} name="q" type="search" />{' '}
        <button type="submit">Search</button>
      </form>
      {result ? (
        <>
          <p aria-live="polite" className="result-count">
            {result.totalDocs === 0
              ? `No stories match “${query}”.`
              : `${result.totalDocs} ${result.totalDocs === 1 ? 'story matches' : 'stories match'} “${query}”.`}
          </p>
          {result.docs.length > 0 ? (
            <ol className="story-list">
              {result.docs.map((doc) => (
                <li key={String(doc.id)}>
                  <h2>
                    {doc.slug ? <Link href={articlePath(doc.slug)}>{doc.title}</Link> : doc.title}
                  </h2>
                  {doc.dek ? <p className="dek">{doc.dek}</p> : null}
                  {doc.passage ? (
                    <p className="passage">
                      {doc.passage.before}
                      <mark>{doc.passage.match}</mark>
                      {doc.passage.after}
                    </p>
                  ) : null}
                  {doc.publishedAt ? (
                    <time dateTime={doc.publishedAt}>{showDate(doc.publishedAt)}</time>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : null}
          {result.totalPages > 1 ? (
            <nav aria-label="Pages" className="pagination">
              {result.hasPrevPage ? (
                <Link href={pageHref(page - 1)} rel="prev">
                  Previous
                </Link>
              ) : null}{' '}
              <span>
                Page {page} of {result.totalPages}
              </span>{' '}
              {result.hasNextPage ? (
                <Link href={pageHref(page + 1)} rel="next">
                  Next
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
