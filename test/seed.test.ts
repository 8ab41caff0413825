import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'

import { lexicalBlocksText } from '../src/utilities/lexical'
import { DEMO_PASSWORD, demoAccounts, seedDemoAccounts } from '../src/host/seed/seedDemoAccounts'
import { seedPiece } from '../src/host/seed/seedPiece'
import { startTestPayload, type TestPayload } from './helpers/payload'
import { createRestClient, type RestClient } from './helpers/rest'

const SLUG = 'sessions-overturns-asylum-precedent-for-women-fleeing-domestic-violence'
const PIECE_URL = `/api/articles?where[slug][equals]=${SLUG}&depth=2`

// Read independently of the seed's own parser: blank-line-separated blocks, last six = links.
const pieceBlocks = fs
  .readFileSync(new URL('../src/host/seed/piece.txt', import.meta.url), 'utf8')
  .split('\n\n')
  .map((block) => block.trim())
const storyParagraphs = pieceBlocks.slice(0, -6)

let ctx: TestPayload
let rest: RestClient

beforeAll(async () => {
  ctx = await startTestPayload()
  rest = createRestClient(ctx.config)
  const result = await seedPiece({ payload: ctx.payload })
  expect(result.status).toBe('seeded')
})

afterAll(async () => {
  await ctx?.payload.destroy()
})

const fetchPiece = async () => {
  const { body, status } = await rest.get(PIECE_URL)
  expect(status).toBe(200)
  expect(body.docs).toHaveLength(1)
  return body.docs[0]
}

describe('the seeded piece through REST', () => {
  it('is one published article with a headline and dek of its own', async () => {
    const article = await fetchPiece()
    expect(article._status).toBe('published')
    expect(article.headline).toBe(
      'Sessions overturns asylum precedent for women fleeing domestic violence',
    )
    expect(article.dek).toMatch(/Matter of A-R-C-G-/)
    expect(article.firstPublishedAt).toBe('2018-06-12T12:00:00.000Z')
    expect(article.publishedAt).toBe('2018-06-12T12:00:00.000Z')
  })

  it('has every paragraph of the story verbatim and in order, one Lexical paragraph each', async () => {
    const article = await fetchPiece()
    expect(storyParagraphs).toHaveLength(20)
    const paragraphs = article.body.root.children.filter(
      (node: { type: string }) => node.type === 'paragraph',
    )
    expect(paragraphs).toHaveLength(20)
    expect(lexicalBlocksText(article.body)).toEqual(storyParagraphs)
    expect(lexicalBlocksText(article.body)[0]).toBe(
      'On Monday, Attorney General Jeff Sessions overturned a precedent that made women fleeing domestic violence situations eligible to apply for asylum.',
    )
    expect(lexicalBlocksText(article.body).at(-1)).toBe(
      '“It shows that there are these deeply entrenched attitudes toward gender and gender equality,” she added. “There are always those forces that are sort of the dying gasp of wanting to hold on to the way things were.”',
    )
  })

  it('cites the cases the story names where it names them, keeping its words', async () => {
    const article = await fetchPiece()
    type Node = { children?: Node[]; fields?: Record<string, any>; text?: string; type: string }
    const citations: { caption: string; mention: string; paragraph: string }[] = []
    article.body.root.children.forEach((node: Node, index: number) => {
      for (const child of node.children ?? []) {
        if (child.type === 'inlineBlock' && child.fields?.blockType === 'caseCitation') {
          citations.push({
            caption: child.fields.case.caption,
            mention: child.fields.mention,
            paragraph: lexicalBlocksText({ root: { children: [node] } })[0] ?? String(index),
          })
        }
      }
    })
    expect(citations.map(({ caption, mention }) => [caption, mention])).toEqual([
      ['Matter of Kasinga', 'Matter of Kasinga'],
      ['Matter of A-R-C-G-', 'Matter of A-R-C-G'],
    ])
    expect(citations[0].paragraph).toContain('The case, known as Matter of Kasinga, centered on')
    expect(citations[1].paragraph).toBe(
      'After years of incremental decisions, the Board of Immigration Appeals published its first precedent-setting opinion in the 2014 Cifuentes case, known as Matter of A-R-C-G.',
    )
  })

  it('sets one pull quote from Musalo’s quote record, after the paragraph where she speaks', async () => {
    const article = await fetchPiece()
    const children = article.body.root.children as { fields?: Record<string, any>; type: string }[]
    const blocks = children.filter((node) => node.type === 'block')
    expect(blocks).toHaveLength(1)
    expect(blocks[0].fields?.blockType).toBe('pullQuote')
    expect(blocks[0].fields?.quote.label).toBe(
      'Karen Musalo — “basically throws us back to the Dark Ages, when we didn’t…”',
    )
    const before = lexicalBlocksText({
      root: { children: children.slice(0, children.indexOf(blocks[0])) },
    })
    expect(before.at(-1)).toMatch(/I see this as a women’s rights issue\.”$/)
  })

  it('ends with the three related-coverage items, headline and dek exactly as written, in order', async () => {
    const article = await fetchPiece()
    expect(
      article.relatedCoverage.map(({ dek, headline }: { dek: string; headline: string }) => ({
        dek,
        headline,
      })),
    ).toEqual([
      {
        dek: 'Experts have no idea what he’s talking about',
        headline: 'President Trump claims migrant women are being taped up at the border',
      },
      {
        dek: 'Roxana Orellana Santos was detained while her attorneys try to negotiate damages in her case',
        headline:
          'Federal judge halts deportation of a woman who won a lawsuit over her immigration arrest',
      },
      {
        dek: 'The 18-year-old’s escape during a family holiday in Kuwait drew worldwide attention',
        headline: 'Saudi teen who fled her family starts new life in Canada with a new name',
      },
    ])
    for (const item of article.relatedCoverage) {
      expect(item.url).toMatch(/^https:\/\//)
      expect(item.article ?? null).toBeNull()
    }
  })

  it('links quote records whose text appears verbatim in the body, with speakers as the text gives them', async () => {
    const article = await fetchPiece()
    const bodyText = lexicalBlocksText(article.body).join('\n')
    expect(article.quotes.length).toBeGreaterThanOrEqual(4)
    for (const quote of article.quotes) {
      expect(bodyText).toContain(quote.text)
    }
    const bySpeaker = (name: string) =>
      article.quotes.filter((quote: { speaker: { name: string } }) => quote.speaker.name === name)

    const [cifuentes] = bySpeaker('Aminta Cifuentes')
    expect(cifuentes).toMatchObject({
      medium: 'told-another-outlet',
      sourceOutlet: 'The Arizona Republic',
      text: 'If I had stayed there, he would have killed me',
    })
    // As printed, and linked to the one person every Musalo quote names.
    expect(bySpeaker('Karen Musalo')[0].speaker).toEqual({
      name: 'Karen Musalo',
      organization:
        'Center for Gender & Refugee Studies at the University of California Hastings College of the Law',
      person: expect.objectContaining({ name: 'Karen Musalo', slug: 'karen-musalo' }),
      title: 'Director',
    })
    expect(
      new Set(bySpeaker('Karen Musalo').map((quote: { speaker: any }) => quote.speaker.person.id)),
    ).toHaveProperty('size', 1)
    expect(bySpeaker('Jeff Sessions').map((quote: { medium: string }) => quote.medium)).toEqual([
      'written-decision',
      'written-decision',
    ])
    expect(
      bySpeaker('Former immigration judges').map((quote: { medium: string }) => quote.medium),
    ).toContain('letter')
  })

  it('keeps internal verification notes out of the anonymous response', async () => {
    const article = await fetchPiece()
    for (const quote of article.quotes) {
      expect(quote.verification.status).toMatch(/^(unverified|verified|disputed)$/)
      expect(quote.verification).not.toHaveProperty('notes')
    }
  })

  it('links the four cases with citations, dates and the precedent chain', async () => {
    const article = await fetchPiece()
    const cases = Object.fromEntries(
      article.cases.map((record: { caption: string }) => [record.caption, record]),
    )
    expect(Object.keys(cases)).toEqual([
      'Matter of Kasinga',
      'Matter of R-A-',
      'Matter of A-R-C-G-',
      'Matter of A-B-',
    ])
    expect(cases['Matter of Kasinga']).toMatchObject({
      citation: '21 I&N Dec. 357 (BIA 1996)',
      decidedBy: 'Board of Immigration Appeals',
    })
    expect(cases['Matter of R-A-'].claimant).toBe('Rody Alvarado')
    expect(cases['Matter of A-R-C-G-']).toMatchObject({
      citation: '26 I&N Dec. 388 (BIA 2014)',
      status: 'overruled',
    })
    expect(cases['Matter of A-B-']).toMatchObject({
      citation: '27 I&N Dec. 316 (A.G. 2018)',
      decidedBy: 'Attorney General',
    })
    expect(cases['Matter of A-B-'].decidedAt.slice(0, 10)).toBe('2018-06-11')
    const abOverrules = cases['Matter of A-B-'].overrules.map(
      (target: number | string | { id: unknown }) =>
        typeof target === 'object' ? target.id : target,
    )
    expect(abOverrules).toEqual([cases['Matter of A-R-C-G-'].id])
  })

  it('shows the reverse side of the chain and the citing article on the case itself', async () => {
    const { body } = await rest.get('/api/cases?where[slug][equals]=matter-of-a-r-c-g&depth=1')
    const [arcg] = body.docs
    expect(arcg.overruledBy.docs.map((record: { caption: string }) => record.caption)).toEqual([
      'Matter of A-B-',
    ])
    expect(arcg.citedIn.docs.map((article: { slug: string }) => article.slug)).toEqual([SLUG])
  })
})

describe('the seeded people', () => {
  it('makes the Board of Immigration Appeals and the former judges organizations, the rest people', async () => {
    const { body, status } = await rest.get('/api/people?limit=100&depth=0&sort=name')
    expect(status).toBe(200)
    const organizations = body.docs
      .filter((record: { isOrganization?: boolean }) => record.isOrganization === true)
      .map((record: { name: string }) => record.name)
    expect(organizations).toEqual(['Board of Immigration Appeals', 'Former immigration judges'])
    const musalo = body.docs.find((record: { name: string }) => record.name === 'Karen Musalo')
    expect(musalo).toMatchObject({ isOrganization: false, kind: 'source' })
  })
})

describe('the seeded piece through GraphQL', () => {
  it('returns the article with its related coverage in order, quotes and cases', async () => {
    const { body, status } = await rest.graphql(
      `query Piece($slug: String) {
        Articles(where: { slug: { equals: $slug } }) {
          docs {
            headline
            relatedCoverage { headline dek url }
            quotes { text speaker { name } }
            cases { caption citation overruledBy { docs { caption } } }
          }
        }
      }`,
      { variables: { slug: SLUG } },
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    const [article] = body.data.Articles.docs
    expect(article.relatedCoverage.map((item: { headline: string }) => item.headline)).toEqual(
      pieceBlocks.slice(-6).filter((_, index) => index % 2 === 0),
    )
    expect(article.quotes[0].speaker.name).toBe('Aminta Cifuentes')
    const arcg = article.cases.find(
      (record: { caption: string }) => record.caption === 'Matter of A-R-C-G-',
    )
    expect(arcg.overruledBy.docs).toEqual([{ caption: 'Matter of A-B-' }])
  })
})

describe('seeding again', () => {
  const counts = async () => {
    const collections = ['articles', 'quotes', 'cases', 'related-stories'] as const
    return Object.fromEntries(
      await Promise.all(
        collections.map(async (collection) => [
          collection,
          (await ctx.payload.count({ collection })).totalDocs,
        ]),
      ),
    )
  }

  it('refuses a database that already has content unless forced', async () => {
    const before = await counts()
    expect(before).toEqual({ articles: 1, cases: 4, quotes: 13, 'related-stories': 3 })
    const result = await seedPiece({ payload: ctx.payload })
    expect(result.status).toBe('skipped')
    expect(await counts()).toEqual(before)
  })

  it('leaves one copy of everything when forced', async () => {
    const before = await counts()
    const result = await seedPiece({ force: true, payload: ctx.payload })
    expect(result.status).toBe('seeded')
    expect(await counts()).toEqual(before)
    const article = await fetchPiece()
    expect(article.relatedCoverage).toHaveLength(3)
    expect(article.firstPublishedAt).toBe('2018-06-12T12:00:00.000Z')
  })
})

describe('demo accounts', () => {
  it('are one per role in development, created once, and can sign in', async () => {
    const first = await seedDemoAccounts(ctx.payload)
    expect(first).toEqual(['admin@newsroom.test', 'editor@newsroom.test', 'writer@newsroom.test'])
    expect(await seedDemoAccounts(ctx.payload)).toEqual([])
    for (const { email, role } of demoAccounts) {
      const token = await rest.login(email, DEMO_PASSWORD)
      const me = await rest.get('/api/users/me', { token })
      expect(me.body.user.roles).toEqual([role])
    }
  })

  it('are never created with NODE_ENV=production', async () => {
    const before = (await ctx.payload.count({ collection: 'users' })).totalDocs
    const previous = process.env.NODE_ENV
    Object.assign(process.env, { NODE_ENV: 'production' })
    try {
      await expect(seedDemoAccounts(ctx.payload)).rejects.toThrow(/never created in production/)
    } finally {
      Object.assign(process.env, { NODE_ENV: previous })
    }
    expect((await ctx.payload.count({ collection: 'users' })).totalDocs).toBe(before)
  })
})
