import type { SerializedAutoLinkNode, SerializedLinkNode } from '@payloadcms/richtext-lexical'
import type { HTMLConverter, HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'

import type { BodyRenderOptions } from '../types'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

import { escapeHtml } from '../../delivery/escapeHtml'
import { recordOf } from '../../delivery/readers'
import { caseCitationParts, pullQuoteParts, relationshipLabel } from './blocks'
import { imageAttributes, uploadParts } from './images'
import { documentHref, linkNodeHref, opensNewTab } from './links'

type AnyNode = { [key: string]: unknown; children?: AnyNode[]; type: string }

// Lexical keeps inline formatting as bit flags on each text node; semantic tags, no styles.
const textFormats: [flag: number, tag: string][] = [
  [16, 'code'],
  [1, 'strong'],
  [2, 'em'],
  [8, 'u'],
  [4, 's'],
  [32, 'sub'],
  [64, 'sup'],
]

const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6'])

const attributes = (values: Record<string, number | string | undefined>): string =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('')

/** A figure's caption and credit, each escaped; empty when there are neither. */
const figcaption = (caption: null | string, credit: null | string): string =>
  caption || credit
    ? `<figcaption>${escapeHtml(caption ?? '')}${credit ? `<span class="credit">${escapeHtml(credit)}</span>` : ''}</figcaption>`
    : ''

/**
 * The newsroom's converters for Payload's Lexical-to-HTML converter (ninjs `body_html`, RSS
 * `content:encoded`): the same rules as the site's JSX converters, from the same helpers —
 * links only to http(s), mailto or our published stories and cases, the story's own h2–h6
 * (the page's h1 is the headline), semantic inline tags, pull quotes from the quote record,
 * case citations in the story's words, in-body images with caption, credit and `srcset`.
 */
export const newsroomHTMLConverters =
  (options: BodyRenderOptions): HTMLConvertersFunction =>
  ({ defaultConverters }) => {
    const link: HTMLConverter<SerializedAutoLinkNode | SerializedLinkNode> = ({
      node,
      nodesToHTML,
    }) => {
      const inner = nodesToHTML({ nodes: node.children }).join('')
      const href = linkNodeHref(node.fields, options)
      if (!href) {
        return inner
      }
      const newTab = opensNewTab(node.fields)
      return `<a${attributes({ href, rel: newTab ? 'noopener noreferrer' : undefined, target: newTab ? '_blank' : undefined })}>${inner}</a>`
    }
    return {
      ...defaultConverters,
      autolink: link,
      blocks: {
        pullQuote: ({ node }: { node: { fields: unknown } }) => {
          const parts = pullQuoteParts(node.fields, options)
          if (!parts) {
            return ''
          }
          const speaker = parts.speaker
            ? `<a href="${escapeHtml(parts.speaker.href)}">${escapeHtml(parts.speaker.name)}</a>`
            : ''
          const credit = `${speaker}${escapeHtml(parts.credit)}`
          return `<figure><blockquote>${escapeHtml(parts.text)}</blockquote><figcaption>${credit}</figcaption></figure>`
        },
      },
      heading: ({ node, nodesToHTML }) => {
        const tag = HEADING_TAGS.has(node.tag) ? node.tag : 'h2'
        return `<${tag}>${nodesToHTML({ nodes: node.children }).join('')}</${tag}>`
      },
      horizontalrule: '<hr>',
      inlineBlocks: {
        caseCitation: ({ node }: { node: { fields: unknown } }) => {
          const { caption, full, href, mention } = caseCitationParts(node.fields, options)
          if (!href) {
            return escapeHtml(mention)
          }
          return mention
            ? `<cite><a${attributes({ href, title: full })}>${escapeHtml(mention)}</a></cite>`
            : `<cite><a${attributes({ href })}>${escapeHtml(caption)}</a>${escapeHtml(full.slice(caption.length))}</cite>`
        },
      },
      linebreak: '<br>',
      link,
      list: ({ node, nodesToHTML }) => {
        const tag = node.listType === 'number' ? 'ol' : 'ul'
        return `<${tag}>${nodesToHTML({ nodes: node.children }).join('')}</${tag}>`
      },
      listitem: ({ node, nodesToHTML }) =>
        `<li>${nodesToHTML({ nodes: node.children }).join('')}</li>`,
      paragraph: ({ node, nodesToHTML }) =>
        `<p>${nodesToHTML({ nodes: node.children }).join('')}</p>`,
      quote: ({ node, nodesToHTML }) =>
        `<blockquote>${nodesToHTML({ nodes: node.children }).join('')}</blockquote>`,
      relationship: ({ node }) => {
        const { relationTo, value } = recordOf(node)
        const href = documentHref(relationTo, value, options)
        const label = relationshipLabel(value)
        return href && label
          ? `<p class="related-link"><a${attributes({ href })}>${escapeHtml(label)}</a></p>`
          : ''
      },
      tab: '\t',
      text: ({ node }) => {
        const format = typeof node.format === 'number' ? node.format : 0
        return textFormats.reduce(
          (html, [flag, tag]) => (format & flag ? `<${tag}>${html}</${tag}>` : html),
          escapeHtml(node.text ?? ''),
        )
      },
      unknown: ({ node, nodesToHTML }) => {
        // A node this renderer does not know keeps its text rather than vanishing.
        const { children, text } = node as unknown as AnyNode
        if (typeof text === 'string') return escapeHtml(text)
        return Array.isArray(children) ? nodesToHTML({ nodes: children as never }).join('') : ''
      },
      upload: ({ node }) => {
        const parts = uploadParts(node)
        const image = parts && imageAttributes(parts.image, { baseUrl: options.baseUrl })
        if (!parts || !image) {
          return ''
        }
        const { objectPosition, srcSet, ...rest } = image
        const img = `<img${attributes({ ...rest, loading: 'lazy', srcset: srcSet, style: objectPosition ? `object-position: ${objectPosition}` : undefined })}>`
        return `<figure class="image">${img}${figcaption(parts.caption, parts.credit)}</figure>`
      },
    }
  }

/**
 * The Lexical body as HTML with the newsroom's converters, one top-level block per line,
 * every text and attribute escaped.
 */
export const bodyToHtml = (body: unknown, options: BodyRenderOptions): string => {
  const root = recordOf(recordOf(body).root)
  const children = Array.isArray(root.children) ? root.children : []
  const converters = newsroomHTMLConverters(options)
  // One call per block keeps partners' line-per-block HTML; Payload's converter joins with ''.
  return children
    .map((child) =>
      convertLexicalToHTML({
        converters,
        data: { root: { ...root, children: [child] } } as never,
        disableContainer: true,
        disableIndent: true,
        disableTextAlign: true,
      }),
    )
    .filter(Boolean)
    .join('\n')
}
