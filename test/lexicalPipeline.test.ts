import type { SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'

import { describe, expect, it } from '@jest/globals'
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { renderToStaticMarkup } from 'react-dom/server'

import { bodyToHtml, newsroomHTMLConverters } from '../src/lexical/converters/html'
import { NewsroomRichText } from '../src/lexical/converters/jsx'
import { resolveSiteSettings } from '../src/siteSettings'
import {
  caseCitationNode,
  elementNode,
  pullQuoteNode,
  textNode,
} from '../src/utilities/lexicalNodes'
import { doc, paragraph } from './helpers/lexical'

/**
 * One story body with every node the newsroom renders, through both of its renderers: the HTML
 * partners get (ninjs `body_html`, RSS `content:encoded`) and the JSX of the story page must say
 * the same thing, so a rule changed for one reaches the other. Pure functions, no server.
 */

const paths = resolveSiteSettings()
const SCRIPT = '<script>alert("x")</script> it\'s'

const linkNode = (fields: Record<string, unknown>, label: string, type = 'link') =>
  elementNode(type, [textNode(label)], { fields, version: 3 })

const node = (value: Record<string, unknown>) => value as unknown as SerializedLexicalNode

const musalo = {
  id: 1,
  speaker: {
    name: 'Karen Musalo',
    organization: 'Center for Gender & Refugee Studies',
    person: { id: 11, slug: 'karen-musalo' },
    title: 'Director',
  },
  text: 'basically throws us back to the Dark Ages',
}
const sessions = {
  id: 2,
  speaker: { name: 'Jeff Sessions', title: 'Attorney General' },
  text: 'The mere fact that a country may have problems',
}
const arcg = {
  id: 3,
  caption: 'Matter of A-R-C-G-',
  citation: '26 I&N Dec. 388 (BIA 2014)',
  slug: 'matter-of-a-r-c-g',
}
const earlierStory = {
  id: 4,
  _status: 'published',
  headline: 'An <earlier> story',
  slug: 'earlier',
}
const draftStory = { id: 5, _status: 'draft', headline: 'Not yet', slug: 'not-yet' }
const photo = {
  id: 6,
  alt: 'Families wait at the "border"',
  caption: 'The stored caption.',
  credit: 'Stored Credit',
  focalX: 20,
  focalY: 30,
  height: 1600,
  mimeType: 'image/png',
  sizes: {
    card: { height: 533, url: '/api/media/file/border-800x533.png', width: 800 },
    thumbnail: { height: 267, url: '/api/media/file/border-400x267.png', width: 400 },
  },
  url: '/api/media/file/border.png',
  width: 2400,
}

const body = doc(
  node(pullQuoteNode({ id: 'pq1', quote: musalo as never })),
  node(pullQuoteNode({ id: 'pq2', quote: sessions as never })),
  elementNode('heading', [textNode('Headline-sized')], { tag: 'h1' }),
  elementNode('heading', [textNode(SCRIPT)], { tag: 'h3' }),
  paragraph(
    'It overruled ',
    node(caseCitationNode({ id: 'cc1', mention: 'the 2014 decision', record: arcg as never })),
    ', see ',
    node(caseCitationNode({ id: 'cc2', record: arcg as never })),
    ' and ',
    node(caseCitationNode({ id: 'cc3', mention: 'Matter of A-B-', record: 9 })),
    '.',
  ),
  paragraph(
    linkNode({ linkType: 'custom', newTab: false, url: 'https://example.com/?a=1&b="2"' }, 'http'),
    ' ',
    linkNode({ linkType: 'custom', url: 'mailto:desk@news.example' }, 'mail'),
    ' ',
    linkNode({ linkType: 'custom', url: 'javascript:alert(1)' }, 'refused'),
    ' ',
    linkNode(
      { doc: { relationTo: 'articles', value: earlierStory }, linkType: 'internal' },
      'internal',
    ),
    ' ',
    linkNode({ doc: { relationTo: 'articles', value: draftStory }, linkType: 'internal' }, 'draft'),
    ' ',
    linkNode(
      { linkType: 'custom', newTab: true, url: 'https://www.uscis.gov' },
      'auto',
      'autolink',
    ),
  ),
  paragraph(
    node(textNode('bold italic code', 1 | 2 | 16)),
    node(textNode('u', 8)),
    node(textNode('s', 4)),
    node(textNode('sub', 32)),
    node(textNode('sup', 64)),
    node({ type: 'linebreak', version: 1 }),
    node({ type: 'tab', detail: 2, format: 0, mode: 'normal', style: '', text: '\t', version: 1 }),
    node({ type: 'mystery-inline', text: 'kept words', version: 1 }),
  ),
  elementNode('list', [elementNode('listitem', [textNode('one')], { value: 1 })], {
    listType: 'number',
    tag: 'ol',
  }),
  elementNode(
    'list',
    [
      elementNode('listitem', [textNode('a')], { value: 1 }),
      elementNode('listitem', [textNode('b', 2)], { value: 2 }),
    ],
    { listType: 'bullet', tag: 'ul' },
  ),
  elementNode('quote', [textNode('A quote')]),
  node({
    type: 'relationship',
    format: '',
    relationTo: 'articles',
    value: earlierStory,
    version: 2,
  }),
  node({ type: 'relationship', format: '', relationTo: 'articles', value: draftStory, version: 2 }),
  node({
    type: 'upload',
    fields: { caption: 'Families wait at San Ysidro.', credit: 'Ana Díaz' },
    format: '',
    id: 'up6',
    relationTo: 'media',
    value: photo,
    version: 3,
  }),
  node({ type: 'horizontalrule', version: 1 }),
  elementNode('mystery-block', [textNode('Words of a node we do not know')]),
)

const html = (baseUrl = '') =>
  convertLexicalToHTML({
    converters: newsroomHTMLConverters({ baseUrl, paths }),
    data: body,
    disableContainer: true,
    disableIndent: true,
    disableTextAlign: true,
  })

const jsx = (baseUrl = '') => renderToStaticMarkup(NewsroomRichText({ baseUrl, data: body, paths }))

/**
 * React's way of writing the same markup, in the HTML string's: void elements without the
 * slash, `srcset` as HTML spells it, the apostrophe entity and CSS declarations with a space.
 * The pull quote's and case citation's classes are the site stylesheet's hooks: partners'
 * HTML has never carried them.
 */
const asPartnerHtml = (markup: string) =>
  markup
    .replace(/<(br|hr|img)([^>]*?)\/>/g, '<$1$2>')
    .replace(/ srcSet="/g, ' srcset="')
    .replace(/&#x27;/g, '&#39;')
    .replace(/ style="([^"]*)"/g, (_, css: string) => ` style="${css.replace(/:(?! )/g, ': ')}"`)
    .replace(/ class="(pull-quote|case-citation)"/g, '')

describe('one body through both renderers', () => {
  it('says the same in the partners’ HTML and on the story page', () => {
    expect(html()).toBe(asPartnerHtml(jsx()))
    // A host that gives the page its origin gets absolute links and images, as partners do.
    expect(html('https://news.example')).toBe(asPartnerHtml(jsx('https://news.example')))
  })

  it('keeps ninjs and RSS one top-level block per line', () => {
    const lines = bodyToHtml(body, { baseUrl: '', paths }).split('\n')
    // Fifteen blocks; the relationship to a draft shows nothing and leaves no empty line.
    expect(lines).toHaveLength(14)
    expect(lines.join('')).toBe(html())
  })

  it('renders every node as the newsroom writes it', () => {
    const out = html('https://news.example')
    expect(out).toContain(
      '<figure><blockquote>“basically throws us back to the Dark Ages”</blockquote><figcaption><a href="https://news.example/people/karen-musalo">Karen Musalo</a>, Director, Center for Gender &amp; Refugee Studies</figcaption></figure>',
    )
    expect(out).toContain(
      '<figcaption>Jeff Sessions, Attorney General</figcaption></figure><h2>Headline-sized</h2>',
    )
    expect(out).not.toContain('<h1>')
    // Text that looks like markup stays text.
    expect(out).toContain('<h3>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; it&#39;s</h3>')
    expect(out).toContain(
      '<p>It overruled <cite><a href="https://news.example/cases/matter-of-a-r-c-g" title="Matter of A-R-C-G-, 26 I&amp;N Dec. 388 (BIA 2014)">the 2014 decision</a></cite>, see <cite><a href="https://news.example/cases/matter-of-a-r-c-g">Matter of A-R-C-G-</a>, 26 I&amp;N Dec. 388 (BIA 2014)</cite> and Matter of A-B-.</p>',
    )
    expect(out).toContain(
      '<p><a href="https://example.com/?a=1&amp;b=&quot;2&quot;">http</a> <a href="mailto:desk@news.example">mail</a> refused <a href="https://news.example/news/earlier">internal</a> draft <a href="https://www.uscis.gov" rel="noopener noreferrer" target="_blank">auto</a></p>',
    )
    expect(out).not.toContain('javascript:')
    expect(out).toContain(
      '<p><em><strong><code>bold italic code</code></strong></em><u>u</u><s>s</s><sub>sub</sub><sup>sup</sup><br>\tkept words</p>',
    )
    expect(out).toContain('<ol><li>one</li></ol><ul><li>a</li><li><em>b</em></li></ul>')
    expect(out).toContain('<blockquote>A quote</blockquote>')
    expect(out).toContain(
      '<p class="related-link"><a href="https://news.example/news/earlier">An &lt;earlier&gt; story</a></p>',
    )
    expect(out).not.toContain('Not yet')
    expect(out).toContain(
      '<figure class="image"><img alt="Families wait at the &quot;border&quot;" height="1600" src="https://news.example/api/media/file/border.png" width="2400" sizes="(max-width: 44rem) 100vw, 44rem" loading="lazy" srcset="https://news.example/api/media/file/border-400x267.png 400w, https://news.example/api/media/file/border-800x533.png 800w, https://news.example/api/media/file/border.png 2400w" style="object-position: 20% 30%"><figcaption>Families wait at San Ysidro.<span class="credit">Ana Díaz</span></figcaption></figure><hr>',
    )
    expect(out.endsWith('<hr>Words of a node we do not know')).toBe(true)
  })

  it('gives an image without alt text an empty alt, a decorative image, in both', () => {
    const decorative = doc(
      node({ type: 'upload', fields: {}, relationTo: 'media', value: { ...photo, alt: '' } }),
    )
    expect(bodyToHtml(decorative, { baseUrl: '', paths })).toMatch(
      /^<figure class="image"><img alt="" /,
    )
    expect(
      renderToStaticMarkup(NewsroomRichText({ baseUrl: '', data: decorative, paths })),
    ).toMatch(/^<figure class="image"><img alt="" /)
  })

  it('gives the page the site’s classes and links the same places', () => {
    const page = jsx()
    expect(page).toContain('<figure class="pull-quote"><blockquote>“basically')
    expect(page).toContain(
      '<cite class="case-citation"><a href="/cases/matter-of-a-r-c-g" title="Matter of A-R-C-G-, 26 I&amp;N Dec. 388 (BIA 2014)">the 2014 decision</a></cite>',
    )
    expect(page).toContain(' refused ')
    expect(page).not.toContain('javascript:')
    expect(page).toContain('<h3>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; it&#x27;s</h3>')
  })
})
