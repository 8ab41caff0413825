import config from '@payload-config'
import Link from 'next/link'
import { getPayload } from 'payload'

export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const payload = await getPayload({ config })
  const { docs } = await payload.find({
    collection: 'articles',
    depth: 0,
    limit: 20,
    overrideAccess: false,
    select: { dek: true, headline: true, publishedAt: true, slug: true },
    sort: '-publishedAt',
    where: { _status: { equals: 'published' } },
  })

  return (
    <main style={{ fontFamily: 'Georgia, serif', margin: '2rem auto', maxWidth: 720 }}>
      <h1>Newsroom</h1>
      <ul>
        {docs.map((article) => (
          <li key={article.id}>
            <Link href={`/news/${article.slug}`}>{article.headline}</Link>
            {article.dek ? <p>{article.dek}</p> : null}
          </li>
        ))}
      </ul>
      <p>
        <Link href="/admin">Admin</Link> · <Link href="/api/graphql-playground">GraphQL</Link>
      </p>
    </main>
  )
}
