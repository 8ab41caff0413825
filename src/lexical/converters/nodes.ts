import type { DefaultNodeTypes } from '@payloadcms/richtext-lexical'
import type { SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'

import type { DeliveryImage } from '../../delivery/types'
import type { BodyRenderOptions } from '../types'
import type { BodyElement, BodyTree } from './tree'

import { recordOf } from '../../delivery/readers'
import { caseCitationParts, pullQuoteParts, relationshipLabel } from './blocks'
import { DEFAULT_IMAGE_SIZES, imageAttributes, uploadParts } from './images'
import { documentHref, linkNodeHref, opensNewTab } from './links'

type NodeType = Exclude<DefaultNodeTypes['type'], 'block' | 'inlineBlock'>

/** What one Lexical node becomes; null leaves it out. */
export type NodeRule<T> = (node: T) => BodyTree

/**
 * The newsroom's rules, keyed as Payload's converters are: node types, then blocks and inline
 * blocks by block slug. A node type without a rule keeps Payload's default converter: quote and
 * tab, whose output is already the newsroom's (Payload's paragraph, list, text, heading, rule and
 * line break add classes, values, styles, h1 or `<hr />`, so those have rules here).
 */
export type NewsroomNodes = {
  [K in NodeType]?: NodeRule<Extract<DefaultNodeTypes, { type: K }>>
} & {
  blocks: Record<string, NodeRule<{ fields: unknown }>>
  inlineBlocks: Record<string, NodeRule<{ fields: unknown }>>
  unknown: NodeRule<SerializedLexicalNode>
}

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

// The page's h1 is the headline: the story's own headings start at h2.
const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6'])

const element = (
  tag: string,
  children: BodyTree[] = [],
  attributes?: BodyElement['attributes'],
): BodyElement => ({ attributes, children, tag })

/** An image with every stored size in `srcset` and its focal point as `object-position`. */
export const imageElement = (
  image: DeliveryImage,
  {
    baseUrl,
    className,
    loading = 'lazy',
    sizes = DEFAULT_IMAGE_SIZES,
  }: { baseUrl?: string; className?: string; loading?: 'eager' | 'lazy'; sizes?: string },
): BodyElement | null => {
  const attributes = imageAttributes(image, { baseUrl, sizes })
  if (!attributes) {
    return null
  }
  const { objectPosition, srcSet, ...rest } = attributes
  return {
    // Payload's stored sizes, so the page does not jump as the image loads.
    attributes: { ...rest, loading, srcset: srcSet, class: className },
    style: objectPosition ? { objectPosition } : undefined,
    tag: 'img',
  }
}

/** A figure's caption and credit; nothing when there are neither. */
export const figcaptionElement = (caption: null | string, credit: null | string): BodyTree =>
  caption || credit
    ? element('figcaption', [
        caption,
        credit ? element('span', [credit], { class: 'credit' }) : null,
      ])
    : null

/**
 * The newsroom's rules for a story body, the one description both renderers write out (ninjs
 * `body_html` and RSS `content:encoded` as HTML, the site's pages as JSX): links only to
 * http(s), mailto or our published stories and cases, the story's own h2–h6, semantic inline
 * tags, pull quotes from the quote record, case citations in the story's words, in-body images
 * with caption, credit and `srcset`, and any node no rule knows keeps its text.
 */
export const newsroomNodes = (options: BodyRenderOptions): NewsroomNodes => {
  const link: NodeRule<{ children: SerializedLexicalNode[]; fields?: unknown }> = (node) => {
    const href = linkNodeHref(node.fields, options)
    if (!href) {
      return { nodes: node.children }
    }
    const newTab = opensNewTab(node.fields)
    return element('a', [{ nodes: node.children }], {
      href,
      rel: newTab ? 'noopener noreferrer' : undefined,
      target: newTab ? '_blank' : undefined,
    })
  }
  const childrenIn = (tag: string) => (node: { children: SerializedLexicalNode[] }) =>
    element(tag, [{ nodes: node.children }])
  return {
    autolink: link,
    blocks: {
      pullQuote: (node) => {
        const parts = pullQuoteParts(node.fields, options)
        if (!parts) {
          return null
        }
        // The speaker's name links to what else they said; title and organisation follow.
        const speaker = parts.speaker
          ? element('a', [parts.speaker.name], { href: parts.speaker.href })
          : null
        return {
          ...element('figure', [
            element('blockquote', [parts.text]),
            element('figcaption', [speaker, parts.credit]),
          ]),
          pageClass: 'pull-quote',
        }
      },
    },
    heading: (node) => childrenIn(HEADING_TAGS.has(node.tag) ? node.tag : 'h2')(node),
    horizontalrule: () => element('hr'),
    inlineBlocks: {
      caseCitation: (node) => {
        const { caption, full, href, mention } = caseCitationParts(node.fields, options)
        if (!href) {
          return mention || null
        }
        // The story's own words stay as written; the formal citation is one hover away.
        const cite = mention
          ? element('cite', [element('a', [mention], { href, title: full || undefined })])
          : element('cite', [element('a', [caption], { href }), full.slice(caption.length)])
        return { ...cite, pageClass: 'case-citation' }
      },
    },
    linebreak: () => element('br'),
    link,
    list: (node) => childrenIn(node.listType === 'number' ? 'ol' : 'ul')(node),
    listitem: childrenIn('li'),
    paragraph: childrenIn('p'),
    relationship: (node) => {
      const { relationTo, value } = recordOf(node)
      const href = documentHref(relationTo, value, options)
      const label = relationshipLabel(value)
      return href && label
        ? element('p', [element('a', [label], { href })], { class: 'related-link' })
        : null
    },
    text: (node) => {
      const format = typeof node.format === 'number' ? node.format : 0
      return textFormats.reduce<BodyTree>(
        (child, [flag, tag]) => (format & flag ? element(tag, [child]) : child),
        node.text ?? '',
      )
    },
    unknown: (node) => {
      // A node this renderer does not know keeps its text rather than vanishing.
      const { children, text } = recordOf(node)
      if (typeof text === 'string') {
        return text
      }
      return Array.isArray(children) ? { nodes: children } : null
    },
    upload: (node) => {
      const parts = uploadParts(node)
      const image = parts && imageElement(parts.image, { baseUrl: options.baseUrl })
      return parts && image
        ? element('figure', [image, figcaptionElement(parts.caption, parts.credit)], {
            class: 'image',
          })
        : null
    },
  }
}

type Converters = {
  [key: string]: unknown
  blocks?: Record<string, unknown>
  inlineBlocks?: Record<string, unknown>
}

/**
 * Converters of one kind (HTML or JSX) for Payload's converter function: Payload's defaults with
 * the newsroom's rules on top, each rule's tree written out by that kind's renderer.
 */
export const newsroomConverters =
  <C extends Converters, Args extends { node: unknown }>(
    options: BodyRenderOptions,
    render: (tree: BodyTree, args: Args) => unknown,
  ) =>
  ({ defaultConverters }: { defaultConverters: C }): C => {
    const { blocks, inlineBlocks, ...rules } = newsroomNodes(options)
    const written = (group: Record<string, NodeRule<never> | undefined>) =>
      Object.fromEntries(
        Object.entries(group).flatMap(([type, rule]) =>
          rule ? [[type, (args: Args) => render(rule(args.node as never), args)]] : [],
        ),
      )
    return {
      ...defaultConverters,
      ...written(rules),
      blocks: { ...defaultConverters.blocks, ...written(blocks) },
      inlineBlocks: { ...defaultConverters.inlineBlocks, ...written(inlineBlocks) },
    }
  }
