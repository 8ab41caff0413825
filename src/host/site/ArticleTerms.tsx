import config from '@payload-config'
import Link from 'next/link'
import { getPayload } from 'payload'
import { collectionSlugs } from 'payload-plugin-newsroom'

import { sectionPath, topicPath } from './paths'

type Term = { name?: string; slug?: null | string }

const termOf = (value: unknown): null | { name: string; slug: string } => {
  const term = value && typeof value === 'object' ? (value as Term) : null
  return term?.name && term.slug ? { name: term.name, slug: term.slug } : null
}

type Props = {
  id: number | string
  /** A staff member's draft preview (already checked by the page): read the latest draft. */
  preview: boolean
}

/**
 * The story's section and topics as links to their pages. The delivery shape carries their
 * names only (what partners read); the pages need the slugs, read here from the same story.
 */
export async function ArticleTerms({ id, preview }: Props) {
  const payload = await getPayload({ config })
  const article = await payload.findByID({
    collection: collectionSlugs.articles,
    depth: 1,
    disableErrors: true,
    draft: preview,
    id,
    overrideAccess: preview,
    populate: {
      [collectionSlugs.sections]: { name: true, slug: true },
      [collectionSlugs.topics]: { name: true, slug: true },
    },
    select: { section: true, topics: true },
  })
  const section = termOf(article?.section)
  const topics = (article?.topics ?? []).map(termOf).filter((term) => term !== null)
  return (
    <>
      {section ? (
        <p className="section">
          <Link href={sectionPath(section.slug)}>{section.name}</Link>
        </p>
      ) : null}
      {topics.length > 0 ? (
        <ul aria-label="Topics" className="topics">
          {topics.map((topic) => (
            <li key={topic.slug}>
              <Link href={topicPath(topic.slug)}>{topic.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
