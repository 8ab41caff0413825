import type { S3Client } from '@aws-sdk/client-s3'

import { afterAll, beforeAll, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { freePort } from '../src/host/utilities/freePort'
import { freshDatabaseUri } from './helpers/database'
import { caseCitation, doc, paragraph, pullQuote } from './helpers/lexical'
import { ensureProductionBuild, type ProductionApp, startProductionApp } from './helpers/production'
import { databasePass, describeWithService } from './helpers/requiredService'
import { createBucket, s3Client, s3Env, type S3Server, s3Server, s3Service } from './helpers/s3'
import { createStaff, httpJson, type Staff } from './helpers/staffHttp'
import { waitFor } from './helpers/waitFor'

/**
 * Two production instances, page cache on, on one PostgreSQL and one bucket: what a newsroom
 * behind a load balancer runs. PostgreSQL only: several instances need a database server they
 * share (SQLite is a file on one machine), and the cross-instance promise rests on the shared
 * change log, which is the same code on every adapter (test/delivery.test.ts and
 * test/pageCache.test.ts cover it on each); two full production instances per database pass
 * would cost CI minutes for no new path.
 */
const describeHere = describeWithService(
  'instances.test',
  databasePass('postgres', 'two instances share its database'),
  s3Service(),
)

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

describeHere('two instances on one database', () => {
  let server: S3Server
  let client: S3Client
  let a: ProductionApp
  let b: ProductionApp
  let staff: Staff

  const write = async (
    method: 'PATCH' | 'POST',
    path: string,
    body: object,
    token = staff.token,
  ) => {
    const answer = await httpJson(`${a.baseUrl}${path}`, { body, method, token })
    if (answer.status !== (method === 'POST' ? 201 : 200)) {
      throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
    }
    return answer.body.doc
  }

  const bPage = async (path: string) => {
    const response = await fetch(`${b.baseUrl}${path}`)
    return {
      body: await response.text(),
      cache: response.headers.get('x-cache'),
      status: response.status,
    }
  }

  /**
   * Polls B from the moment A acknowledged a write until `check` holds: that the change reaches
   * B at all, through the shared change log. How fast (the promise, within 1 s of a publish on
   * every instance, issue 12) is the bench's to measure, in `npm run bench`'s row "fresh within
   * 1 s of a publish on another instance (page / REST / GraphQL)": timed here it would fail
   * whenever CI's two workers leave B's production server short of CPU. The deadline, ten times
   * the promise, only ends a wait for a change that never comes, with its name, well inside
   * the test's own timeout.
   */
  const onBEventually = (what: string, check: () => Promise<boolean>) =>
    waitFor(check, { intervalMs: 20, timeoutMs: 10_000, what: `${what} on B` })

  beforeAll(async () => {
    await ensureProductionBuild()
    server = await s3Server()
    client = s3Client(server.endpoint)
    const bucket = await createBucket(client, 'instances')
    const databaseUri = await freshDatabaseUri()
    const bPort = await freePort()
    const env = { ...s3Env(server.endpoint, bucket), SERVER_URL: `http://127.0.0.1:${bPort}` }
    a = await startProductionApp({ databaseUri, env })
    b = await startProductionApp({ databaseUri, env, port: bPort })
    staff = await createStaff(a.baseUrl, 'editor')
  }, 600_000)

  afterAll(async () => {
    for (const app of [a, b]) {
      app?.signal('SIGKILL')
    }
    client?.destroy()
    await server?.stop()
  })

  it('a publish through A is on B’s story page, delivery and REST', async () => {
    const headline = `Published on A ${unique()}`
    const slug = headline.toLowerCase().replace(/\s+/g, '-')
    // B has already answered for the slug (a cached 404 and an empty delivery lookup).
    expect((await bPage(`/news/${slug}`)).status).toBe(404)
    expect((await bPage(`/news/${slug}`)).cache).toBe('HIT')
    expect((await bPage(`/api/articles/delivery/${slug}`)).status).toBe(404)

    await write('POST', '/api/articles', { _status: 'published', headline, slug })
    await Promise.all([
      onBEventually('story page', async () => {
        const page = await bPage(`/news/${slug}`)
        return page.status === 200 && page.body.includes(escapeHtml(headline))
      }),
      onBEventually('delivery', async () => {
        const answer = await httpJson(`${b.baseUrl}/api/articles/delivery/${slug}`)
        return answer.status === 200 && answer.body.article.headline === headline
      }),
      onBEventually('REST', async () => {
        const answer = await httpJson(
          `${b.baseUrl}/api/articles?where[slug][equals]=${encodeURIComponent(slug)}`,
        )
        return answer.status === 200 && answer.body.docs[0]?.headline === headline
      }),
    ])
  })

  it('every kind of change a story shows, made through A, is on B’s page', async () => {
    const name = unique()
    const quote = await write('POST', '/api/quotes', {
      speaker: { name: `Source ${name}` },
      text: `What the source said ${name}`,
    })
    const legalCase = await write('POST', '/api/cases', {
      caption: `Matter of Q-${name}`,
      citation: '1 I&N Dec. 1 (BIA 2000)',
      decidedBy: 'Board of Immigration Appeals',
    })
    const related = await write('POST', '/api/related-stories', {
      headline: `Earlier coverage ${name}`,
      url: 'https://news.example/earlier',
    })
    const form = new FormData()
    const png = await sharp({
      create: { background: '#446688', channels: 3, height: 60, width: 90 },
    })
      .png()
      .toBuffer()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `hero-${name}.png`)
    form.append('_payload', JSON.stringify({ alt: 'A hero', caption: `Hero caption ${name}` }))
    const uploaded = await httpJson(`${a.baseUrl}/api/media`, {
      formData: form,
      method: 'POST',
      token: staff.token,
    })
    expect(uploaded.status).toBe(201)
    const image = uploaded.body.doc
    const slug = `every-change-${name}`
    const article = await write('POST', '/api/articles', {
      _status: 'published',
      body: doc(
        paragraph('The story begins.'),
        pullQuote(quote.id),
        paragraph('It cites ', caseCitation(legalCase.id), '.'),
      ),
      bylines: [{ author: staff.id }],
      headline: `Every change ${name}`,
      hero: { image: image.id },
      relatedCoverage: [related.id],
      slug,
    })

    // B renders it once and then serves it from its cache.
    await onBEventually('the new story', async () => (await bPage(`/news/${slug}`)).status === 200)
    const first = await bPage(`/news/${slug}`)
    expect(first.cache).toBe('HIT')
    for (const shown of [
      quote.text,
      `Matter of Q-${name}`,
      related.headline,
      `Hero caption ${name}`,
      'Test editor',
    ]) {
      expect(first.body).toContain(escapeHtml(shown))
    }
    // B's hero image comes from the bucket through B.
    expect((await fetch(new URL(image.url, b.baseUrl))).status).toBe(200)

    const changes: [string, () => Promise<unknown>, string][] = [
      [
        'article',
        () => write('PATCH', `/api/articles/${article.id}`, { headline: `Rewritten ${name}` }),
        `Rewritten ${name}`,
      ],
      [
        'quote',
        () => write('PATCH', `/api/quotes/${quote.id}`, { text: `Said otherwise ${name}` }),
        `Said otherwise ${name}`,
      ],
      [
        'case',
        () => write('PATCH', `/api/cases/${legalCase.id}`, { caption: `Matter of R-${name}` }),
        `Matter of R-${name}`,
      ],
      [
        'related story',
        () =>
          write('PATCH', `/api/related-stories/${related.id}`, {
            headline: `Later coverage ${name}`,
          }),
        `Later coverage ${name}`,
      ],
      [
        'media',
        () => write('PATCH', `/api/media/${image.id}`, { caption: `New caption ${name}` }),
        `New caption ${name}`,
      ],
      [
        'byline',
        () =>
          write('PATCH', `/api/users/${staff.id}`, { name: `Renamed ${name}` }, staff.adminToken),
        `Renamed ${name}`,
      ],
    ]
    for (const [what, change, text] of changes) {
      // Cached on B before the change, so what is tested is B's invalidation.
      await bPage(`/news/${slug}`)
      expect((await bPage(`/news/${slug}`)).cache).toBe('HIT')
      await change()
      await onBEventually(what, async () =>
        (await bPage(`/news/${slug}`)).body.includes(escapeHtml(text)),
      )
    }
  })

  it('a document lock taken on A is seen on B', async () => {
    const article = await write('POST', '/api/articles', {
      _status: 'published',
      headline: `Locked story ${unique()}`,
    })
    // What the admin's edit view writes when an editor opens a document.
    const lock = await httpJson(`${a.baseUrl}/api/payload-locked-documents`, {
      body: {
        document: { relationTo: 'articles', value: article.id },
        globalSlug: null,
        user: { relationTo: 'users', value: staff.adminId },
      },
      method: 'POST',
      token: staff.adminToken,
    })
    expect(lock.status).toBe(201)

    const seen = await httpJson(
      `${b.baseUrl}/api/payload-locked-documents?where[document.value][equals]=${article.id}&depth=0`,
      { token: staff.token },
    )
    expect(seen.status).toBe(200)
    expect(seen.body.docs.map((entry: { user: { value: unknown } }) => entry.user.value)).toEqual([
      staff.adminId,
    ])
    // Another editor saving through B is refused while the lock holds, as the admin shows it.
    const blocked = await httpJson(`${b.baseUrl}/api/articles/${article.id}`, {
      body: { headline: 'Overwritten while locked' },
      method: 'PATCH',
      token: staff.token,
    })
    expect(blocked.status).toBe(423)
    const unchanged = await httpJson(`${b.baseUrl}/api/articles/${article.id}`, {
      token: staff.token,
    })
    expect(unchanged.body.headline).toBe(article.headline)
  })

  it('B never goes back to an older version, and ends on the newest one', async () => {
    const name = unique()
    const slug = `versions-${name}`
    const article = await write('POST', '/api/articles', {
      _status: 'published',
      headline: `Version 0 ${name}`,
      slug,
    })
    const published: { at: number; version: number }[] = [{ at: Date.now(), version: 0 }]
    const seen: { at: number; path: string; version: number }[] = []
    let polling = true
    const versionIn = (text: string) => Number(/Version (\d+) /.exec(text)?.[1] ?? -1)
    const poll = async (path: string, read: (response: Response) => Promise<string>) => {
      while (polling) {
        const at = Date.now()
        const response = await fetch(`${b.baseUrl}${path}`)
        seen.push({ at, path, version: versionIn(await read(response)) })
      }
    }
    const pollers = [
      poll(`/news/${slug}`, (response) => response.text()),
      poll(`/api/articles/delivery/${slug}`, async (response) =>
        JSON.stringify(await response.json()),
      ),
    ]
    /** Whether B has begun `count` answers on each path since `at`. */
    const answeredSince = (at: number, count: number) =>
      [`/news/${slug}`, `/api/articles/delivery/${slug}`].every(
        (path) => seen.filter((entry) => entry.path === path && entry.at >= at).length >= count,
      )
    for (let version = 1; version <= 12; version += 1) {
      // Four publishes a second at most, as a busy desk's, and each version is read on B a
      // few times before the next is written over it.
      const last = published.at(-1)!.at
      await waitFor(() => Date.now() - last >= 250 && answeredSince(last, 3), {
        intervalMs: 10,
        what: `B to answer three times on each path since version ${version - 1}`,
      })
      await write('PATCH', `/api/articles/${article.id}`, {
        headline: `Version ${version} ${name}`,
      })
      published.push({ at: Date.now(), version })
    }
    // The end state: the last version on each path (how soon after each publish, within a
    // second, is `npm run bench`'s freshness row).
    const paths = [`/news/${slug}`, `/api/articles/delivery/${slug}`]
    await waitFor(
      () =>
        paths.every((path) => seen.some((entry) => entry.path === path && entry.version === 12)),
      { intervalMs: 20, timeoutMs: 10_000, what: 'B to answer version 12 on each path' },
    )
    polling = false
    await Promise.all(pollers)

    // Each path is read one request after another: an answer older than one B gave before it
    // would be a reader seeing a story go back in time.
    const wentBack = paths.flatMap((path) => {
      let newest = -1
      return seen
        .filter((entry) => entry.path === path)
        .filter((entry) => {
          const older = entry.version < newest
          newest = Math.max(newest, entry.version)
          return older
        })
    })
    expect(seen.length).toBeGreaterThan(50)
    expect(wentBack).toEqual([])
  })
})
