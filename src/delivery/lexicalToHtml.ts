import { collectionSlugs } from '../collectionSlugs'
import { escapeHtml } from './escapeHtml'
import { citationMention } from '../utilities/lexical'
import { isPopulated, recordOf, textOrNull } from './readers'
import type { SitePaths } from '../siteSettings'

type LexicalNode = {
  [key: string]: unknown
  children?: LexicalNode[]
  type?: string
}

type HtmlOptions = {
  /** Prefixed to links to our own stories; empty leaves them as paths. */
  baseUrl: string
  /** Where the site shows stories and cases. */
  paths: SitePaths
}

// Lexical stores inline formatting as bit flags on each text node.
const textFormats: [flag: number, tag: string][] = [
  [16, 'code'],
  [1, 'strong'],
  [2, 'em'],
  [8, 'u'],
  [4, 's'],
  [32, 'sub'],
  [64, 'sup'],
]

const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Only schemes a reader can follow safely; `javascript:` and the like lose their link. */
const safeHref = (url: unknown): null | string => {
  if (typeof url !== 'string' || url.trim() === '') {
    return null
  }
  const trimmed = url.trim()
  if ((trimmed.startsWith('/') && !trimmed.startsWith('//')) || trimmed.startsWith('#')) {
    return trimmed
  }
  try {
    const { protocol } = new URL(trimmed)
    return ['http:', 'https:', 'mailto:'].includes(protocol) ? trimmed : null
  } catch {
    return null
  }
}

/** An internal link points at a story; it is a link only while that story is published. */
const linkHref = (node: LexicalNode, { baseUrl, paths }: HtmlOptions): null | string => {
  const fields = recordOf(node.fields)
  if (fields.linkType !== 'internal') {
    return safeHref(fields.url ?? node.url)
  }
  const doc = recordOf(fields.doc)
  const target = doc.value
  if (doc.relationTo !== collectionSlugs.articles || !isPopulated(target)) {
    return null
  }
  if (typeof target.slug !== 'string' || (target._status && target._status !== 'published')) {
    return null
  }
  return `${baseUrl}${paths.articlePath(target.slug)}`
}

const renderText = (node: LexicalNode): string => {
  const format = typeof node.format === 'number' ? node.format : 0
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '')
  for (const [flag, tag] of textFormats) {
    if (format & flag) {
      html = `<${tag}>${html}</${tag}>`
    }
  }
  return html
}

/** A cited case: the story's own words if it names the case, else caption and citation. */
const renderCaseCitation = (
  fields: Record<string, unknown>,
  { baseUrl, paths }: HtmlOptions,
): string => {
  const mention = citationMention(fields)
  const record = fields.case
  if (!isPopulated(record) || typeof record.slug !== 'string') {
    return escapeHtml(mention)
  }
  const caption = textOrNull(record.caption) ?? ''
  const full = [caption, textOrNull(record.citation)].filter(Boolean).join(', ')
  const href = escapeHtml(`${baseUrl}${paths.casePath(record.slug)}`)
  return mention
    ? `<cite><a href="${href}" title="${escapeHtml(full)}">${escapeHtml(mention)}</a></cite>`
    : `<cite><a href="${href}">${escapeHtml(caption)}</a>${escapeHtml(full.slice(caption.length))}</cite>`
}

/** A pull quote: the quote record's words and speaker, never retyped. */
const renderPullQuote = (fields: Record<string, unknown>): string => {
  const quote = fields.quote
  if (!isPopulated(quote) || typeof quote.text !== 'string') {
    return ''
  }
  const speaker = recordOf(quote.speaker)
  const credit = [speaker.name, speaker.title, speaker.organization]
    .map(textOrNull)
    .filter(Boolean)
    .join(', ')
  return `<figure><blockquote>${escapeHtml(`“${quote.text}”`)}</blockquote><figcaption>${escapeHtml(credit)}</figcaption></figure>`
}

const renderNode = (node: LexicalNode, options: HtmlOptions): string => {
  const inner = () => (node.children ?? []).map((child) => renderNode(child, options)).join('')
  switch (node.type) {
    case 'autolink':
    case 'link': {
      const href = linkHref(node, options)
      if (!href) {
        return inner()
      }
      const newTab = recordOf(node.fields).newTab === true
      const target = newTab ? ' target="_blank" rel="noopener noreferrer"' : ''
      return `<a href="${escapeHtml(href)}"${target}>${inner()}</a>`
    }
    case 'heading': {
      const tag = typeof node.tag === 'string' && headingTags.has(node.tag) ? node.tag : 'h2'
      return `<${tag}>${inner()}</${tag}>`
    }
    case 'horizontalrule':
      return '<hr>'
    case 'linebreak':
      return '<br>'
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul'
      return `<${tag}>${inner()}</${tag}>`
    }
    case 'listitem':
      return `<li>${inner()}</li>`
    case 'paragraph':
      return `<p>${inner()}</p>`
    case 'quote':
      return `<blockquote>${inner()}</blockquote>`
    case 'tab':
      return '\t'
    case 'text':
      return renderText(node)
    case 'inlineBlock':
    case 'block': {
      const fields = recordOf(node.fields)
      if (fields.blockType === 'caseCitation') return renderCaseCitation(fields, options)
      if (fields.blockType === 'pullQuote') return renderPullQuote(fields)
      return ''
    }
    default:
      // Uploads, blocks and relationships have no text of their own here; anything else
      // unknown keeps its text.
      return typeof node.text === 'string' ? escapeHtml(node.text) : inner()
  }
}

/** The Lexical body as HTML, every text and attribute escaped. */
export const lexicalToHtml = (body: unknown, options: HtmlOptions): string => {
  const root = recordOf(recordOf(body).root) as LexicalNode
  return (root.children ?? []).map((node) => renderNode(node, options)).join('\n')
}
