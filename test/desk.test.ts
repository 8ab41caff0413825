import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { seedPiece } from '../src/host/seed/seedPiece'
import { failingFields, fieldMessage } from './helpers/errors'
import { caseCitation, doc, link, paragraph, pullQuote } from './helpers/lexical'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'
import { signIn } from './helpers/users'

let ctx: TestPayload
let rest: RestClient
let token: string

const ids = (values: unknown[] | undefined) =>
  (values ?? []).map((value) =>
    String(typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value),
  )

const post = async (collection: string, body: Record<string, unknown>) => {
  const response = await rest.post(`/api/${collection}`, { body, token })
  expect(response.status).toBe(201)
  return response.body.doc
}

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  token = await signIn(ctx.payload, rest, 'editor')
  await seedPiece({ payload: ctx.payload })
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

describe('the body keeps quotes and cases in step', () => {
  it('adds what pull quotes and case citations reference, keeps manual links, drops removed ones', async () => {
    const pulled = await post('quotes', { speaker: { name: 'A judge' }, text: 'The law is clear.' })
    const manual = await post('quotes', { speaker: { name: 'A clerk' }, text: 'No comment.' })
    const cited = await post('cases', { caption: 'Matter of Test-' })

    const article = await post('articles', {
      body: doc(
        paragraph('As held in ', caseCitation(cited.id), ', the rule stands.'),
        pullQuote(pulled.id),
      ),
      headline: 'Body sources',
      quotes: [manual.id],
    })
    expect(ids(article.quotes)).toEqual([String(manual.id), String(pulled.id)])
    expect(ids(article.cases)).toEqual([String(cited.id)])

    const edited = await rest.patch(`/api/articles/${article.id}`, {
      body: { body: doc(paragraph('The pull quote and citation are gone.')) },
      token,
    })
    expect(edited.status).toBe(200)
    expect(ids(edited.body.doc.quotes)).toEqual([String(manual.id)])
    expect(ids(edited.body.doc.cases)).toEqual([])
  })

  it('refuses a body link that is not http(s)', async () => {
    const { body, status } = await rest.post('/api/articles', {
      body: { body: doc(paragraph(link('javascript:alert(1)', 'click'))), headline: 'Bad link' },
      token,
    })
    expect(status).toBe(400)
    expect(failingFields(body).join(' ')).toMatch(/body/)
  })
})

describe('quotes', () => {
  it('read well in pickers: speaker and the start of the quote', async () => {
    const { body } = await rest.get(
      '/api/quotes?where[speaker.name][equals]=Karen%20Musalo&limit=1&sort=createdAt',
    )
    expect(body.docs[0].label).toBe(
      'Karen Musalo — “basically throws us back to the Dark Ages, when we didn’t…”',
    )
  })

  it('block publishing while a disputed quote is used, naming it; unverified is allowed', async () => {
    const disputed = await post('quotes', {
      speaker: { name: 'Anonymous official' },
      text: 'It never happened.',
      verification: { status: 'disputed' },
    })
    const unverified = await post('quotes', {
      speaker: { name: 'A neighbour' },
      text: 'I heard shouting.',
    })
    const article = await post('articles', {
      headline: 'Disputed account',
      quotes: [disputed.id, unverified.id],
    })
    const { body, status } = await rest.patch(`/api/articles/${article.id}`, {
      body: { _status: 'published' },
      token,
    })
    expect(status).toBe(400)
    expect(fieldMessage(body, 'quotes')).toContain('Anonymous official — “It never happened.”')
    const stored = await ctx.payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: false,
    })
    expect(stored._status).toBe('draft')

    await rest.patch(`/api/quotes/${disputed.id}`, {
      body: { verification: { status: 'verified' } },
      token,
    })
    const retry = await rest.patch(`/api/articles/${article.id}`, {
      body: { _status: 'published' },
      token,
    })
    expect(retry.status).toBe(200)
    const checks = (await rest.get(`/api/articles/${article.id}`, { token })).body.quoteChecks
    expect(checks.map((check: { verification: string }) => check.verification)).toEqual([
      'verified',
      'unverified',
    ])
  })

  it('say, for staff only, whether each linked quote still appears verbatim', async () => {
    const { body: list } = await rest.get(
      '/api/articles?where[slug][equals]=sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence',
    )
    const articleId = list.docs[0].id
    const before = (await rest.get(`/api/articles/${articleId}`, { token })).body.quoteChecks
    expect(before).toHaveLength(13)
    expect(before.every((check: { verbatim: boolean }) => check.verbatim)).toBe(true)

    const musalo = await rest.get(
      '/api/quotes?where[text][equals]=I%20actually%20thought%20that%20finally%20we%20had%20made%20some%20progress',
    )
    const quoteId = musalo.body.docs[0].id
    await rest.patch(`/api/quotes/${quoteId}`, {
      body: { text: 'I actually believed we had finally made progress' },
      token,
    })
    const after = (await rest.get(`/api/articles/${articleId}`, { token })).body.quoteChecks
    const drifted = after.find(
      (check: { quote: unknown }) => String(check.quote) === String(quoteId),
    )
    expect(drifted.verbatim).toBe(false)
    expect(after.filter((check: { verbatim: boolean }) => !check.verbatim)).toHaveLength(1)

    const anonymous = await rest.get(`/api/articles/${articleId}`)
    expect(anonymous.body).not.toHaveProperty('quoteChecks')
  })
})

describe('cases', () => {
  const caseBySlug = async (slug: string) =>
    (await rest.get(`/api/cases?where[slug][equals]=${slug}`)).body.docs[0]

  it('show the precedent chain in date order', async () => {
    const arcg = await caseBySlug('matter-of-a-r-c-g')
    const { body } = await rest.get(`/api/cases/${arcg.id}`)
    expect(body.precedentChain.map((link: { caption: string }) => link.caption)).toEqual([
      'Matter of Kasinga',
      'Matter of R-A-',
      'Matter of A-R-C-G-',
      'Matter of A-B-',
    ])
    const ab = body.precedentChain.find(
      (link: { caption: string }) => link.caption === 'Matter of A-B-',
    )
    expect(ab.overrules.map(String)).toEqual([String(arcg.id)])
    expect(body.label).toBe('Matter of A-R-C-G-, 26 I&N Dec. 388 (BIA 2014)')
  })

  it('list the articles that cite them', async () => {
    const kasinga = await caseBySlug('matter-of-kasinga')
    expect(kasinga.citedIn.docs).toHaveLength(1)
  })

  it('turn overruled when a later case overrules them, unless an editor set the status', async () => {
    const earlier = await post('cases', { caption: 'Matter of Early-', status: 'good-law' })
    const kept = await post('cases', {
      caption: 'Matter of Kept-',
      status: 'good-law',
      statusSetByEditor: true,
    })
    await post('cases', { caption: 'Matter of Later-', overrules: [earlier.id, kept.id] })
    expect((await rest.get(`/api/cases/${earlier.id}`, { token })).body.status).toBe('overruled')
    expect((await rest.get(`/api/cases/${kept.id}`, { token })).body.status).toBe('good-law')

    const resaved = await rest.patch(`/api/cases/${earlier.id}`, {
      body: { status: 'good-law' },
      token,
    })
    expect(resaved.body.doc.status).toBe('overruled')
  })
})

describe('related coverage', () => {
  it('an internal related story takes the target article’s headline and dek when left empty', async () => {
    const target = await post('articles', {
      _status: 'published',
      dek: 'What the ruling means.',
      headline: 'Explainer: the ruling',
    })
    const related = await post('related-stories', { article: target.id })
    expect(related.headline).toBe('Explainer: the ruling')
    expect(related.dek).toBe('What the ruling means.')
    const custom = await post('related-stories', { article: target.id, headline: 'Our own words' })
    expect(custom.headline).toBe('Our own words')

    // Related stories are public: an unpublished target lends them nothing.
    const draft = await post('articles', { headline: 'Embargoed until Monday' })
    const { body, status } = await rest.post('/api/related-stories', {
      body: { article: draft.id },
      token,
    })
    expect(status).toBe(400)
    expect(failingFields(body)).toContain('headline')
  })

  it('an article cannot list itself', async () => {
    const article = await post('articles', { headline: 'Self-referential' })
    const itself = await post('related-stories', { article: article.id, headline: 'Ourselves' })
    const { body, status } = await rest.patch(`/api/articles/${article.id}`, {
      body: { relatedCoverage: [itself.id] },
      token,
    })
    expect(status).toBe(400)
    expect(fieldMessage(body, 'relatedCoverage')).toMatch(/cannot list itself/)
  })
})

describe('related coverage suggestions', () => {
  it('lists published stories sharing cases, quotes or topics, best first, for staff only', async () => {
    const piece = (
      await rest.get(
        '/api/articles?where[slug][equals]=sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence',
      )
    ).body.docs[0]
    const ab = (await rest.get('/api/cases?where[slug][equals]=matter-of-a-b')).body.docs[0]
    // The seeded piece's topic: a record since topics are records.
    const asylum = (await rest.get('/api/topics?where[slug][equals]=asylum')).body.docs[0]
    const sharesCase = await post('articles', {
      _status: 'published',
      cases: [ab.id],
      headline: 'What Matter of A-B- means now',
      topics: [asylum.id],
    })
    const sharesTopic = await post('articles', {
      _status: 'published',
      headline: 'Asylum backlog grows',
      topics: [asylum.id],
    })
    await post('articles', { cases: [ab.id], headline: 'Unpublished A-B- follow-up' })
    await post('articles', { _status: 'published', headline: 'Unrelated sports story' })

    const { body, status } = await rest.get(`/api/articles/${piece.id}/related-suggestions`, {
      token,
    })
    expect(status).toBe(200)
    const headlines = body.docs.map((doc: { headline: string }) => doc.headline)
    expect(headlines.indexOf('What Matter of A-B- means now')).toBeLessThan(
      headlines.indexOf('Asylum backlog grows'),
    )
    expect(headlines).toContain('Asylum backlog grows')
    expect(headlines).not.toContain('Unpublished A-B- follow-up')
    expect(headlines).not.toContain('Unrelated sports story')
    expect(headlines).not.toContain(piece.headline)
    const best = body.docs.find((doc: { id: unknown }) => String(doc.id) === String(sharesCase.id))
    expect(best.shared).toEqual({ cases: 1, quotes: 0, topics: 1 })
    const topicOnly = body.docs.find(
      (doc: { id: unknown }) => String(doc.id) === String(sharesTopic.id),
    )
    expect(topicOnly.shared).toEqual({ cases: 0, quotes: 0, topics: 1 })

    const anonymous = await rest.get(`/api/articles/${piece.id}/related-suggestions`)
    expect(anonymous.status).toBe(403)
  })
})
