import type { SerializedAutoLinkNode, SerializedLinkNode } from '@payloadcms/richtext-lexical'
import type { JSXConverter, JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'
import type { ReactNode } from 'react'

import type { DeliveryImage } from '../../delivery/types'
import type { BodyRenderOptions } from '../types'

import { RichText } from '@payloadcms/richtext-lexical/react'

import { recordOf } from '../../delivery/readers'
import { caseCitationParts, pullQuoteParts, relationshipLabel } from './blocks'
import { DEFAULT_IMAGE_SIZES, imageAttributes, uploadParts } from './images'
import { documentHref, linkNodeHref, opensNewTab } from './links'

type AnyNode = { [key: string]: unknown; children?: AnyNode[]; type: string }

// Lexical keeps inline formatting as bit flags on each text node; the same tags as the HTML.
const textFormats: [flag: number, wrap: (child: ReactNode) => ReactNode][] = [
  [16, (child) => <code>{child}</code>],
  [1, (child) => <strong>{child}</strong>],
  [2, (child) => <em>{child}</em>],
  [8, (child) => <u>{child}</u>],
  [4, (child) => <s>{child}</s>],
  [32, (child) => <sub>{child}</sub>],
  [64, (child) => <sup>{child}</sup>],
]

const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6'])

type ImageProps = {
  /** Crops to the frame the site's CSS sets, keeping the editor's focal point in view. */
  className?: string
  image: DeliveryImage
  /** Eager for the hero, which is above the fold; lazy for the body's images. */
  loading?: 'eager' | 'lazy'
  /** The `sizes` attribute: how wide the image shows at each screen width. */
  sizes?: string
}

/** An image with every stored size in `srcset` and its focal point as `object-position`. */
export const NewsroomImage = ({ className, image, loading = 'lazy', sizes }: ImageProps) => {
  const attributes = imageAttributes(image, { sizes: sizes ?? DEFAULT_IMAGE_SIZES })
  if (!attributes) {
    return null
  }
  const { objectPosition, ...rest } = attributes
  return (
    // Payload's stored sizes, so the page does not jump as the image loads.
    <img
      {...rest}
      className={className}
      loading={loading}
      style={objectPosition ? { objectPosition } : undefined}
    />
  )
}

/** A figure's caption and credit. */
export const Figcaption = ({
  caption,
  credit,
}: {
  caption: null | string
  credit: null | string
}) =>
  caption || credit ? (
    <figcaption>
      {caption}
      {credit ? <span className="credit">{credit}</span> : null}
    </figcaption>
  ) : null

/**
 * The newsroom's converters for Payload's Lexical-to-JSX `RichText`: the site's pages follow
 * exactly the rules the HTML converters follow for ninjs and RSS, from the same helpers.
 */
export const newsroomJSXConverters =
  (options: BodyRenderOptions): JSXConvertersFunction =>
  ({ defaultConverters }) => {
    const link: JSXConverter<SerializedAutoLinkNode | SerializedLinkNode> = ({
      node,
      nodesToJSX,
    }) => {
      const children = nodesToJSX({ nodes: node.children })
      const href = linkNodeHref(node.fields, options)
      if (!href) {
        return <>{children}</>
      }
      const newTab = opensNewTab(node.fields)
      return (
        <a
          href={href}
          rel={newTab ? 'noopener noreferrer' : undefined}
          target={newTab ? '_blank' : undefined}
        >
          {children}
        </a>
      )
    }
    return {
      ...defaultConverters,
      autolink: link,
      blocks: {
        pullQuote: ({ node }: { node: { fields: unknown } }) => {
          const parts = pullQuoteParts(node.fields, options)
          if (!parts) {
            return null
          }
          // The speaker's name links to what else they said; title and organisation follow.
          return (
            <figure className="pull-quote">
              <blockquote>{parts.text}</blockquote>
              <figcaption>
                {parts.speaker ? <a href={parts.speaker.href}>{parts.speaker.name}</a> : null}
                {parts.credit}
              </figcaption>
            </figure>
          )
        },
      },
      heading: ({ node, nodesToJSX }) => {
        const Tag = (HEADING_TAGS.has(node.tag) ? node.tag : 'h2') as 'h2'
        return <Tag>{nodesToJSX({ nodes: node.children })}</Tag>
      },
      horizontalrule: () => <hr />,
      inlineBlocks: {
        caseCitation: ({ node }: { node: { fields: unknown } }) => {
          const { caption, full, href, mention } = caseCitationParts(node.fields, options)
          if (!href) {
            return mention ? <>{mention}</> : null
          }
          // The story's own words stay as written; the formal citation is one hover away.
          return mention ? (
            <cite className="case-citation">
              <a href={href} title={full}>
                {mention}
              </a>
            </cite>
          ) : (
            <cite className="case-citation">
              <a href={href}>{caption}</a>
              {full.slice(caption.length)}
            </cite>
          )
        },
      },
      linebreak: () => <br />,
      link,
      list: ({ node, nodesToJSX }) =>
        node.listType === 'number' ? (
          <ol>{nodesToJSX({ nodes: node.children })}</ol>
        ) : (
          <ul>{nodesToJSX({ nodes: node.children })}</ul>
        ),
      listitem: ({ node, nodesToJSX }) => <li>{nodesToJSX({ nodes: node.children })}</li>,
      paragraph: ({ node, nodesToJSX }) => <p>{nodesToJSX({ nodes: node.children })}</p>,
      quote: ({ node, nodesToJSX }) => (
        <blockquote>{nodesToJSX({ nodes: node.children })}</blockquote>
      ),
      relationship: ({ node }) => {
        const { relationTo, value } = recordOf(node)
        const href = documentHref(relationTo, value, options)
        const label = relationshipLabel(value)
        return href && label ? (
          <p className="related-link">
            <a href={href}>{label}</a>
          </p>
        ) : null
      },
      tab: () => '\t',
      text: ({ node }) => {
        const format = typeof node.format === 'number' ? node.format : 0
        return textFormats.reduce<ReactNode>(
          (child, [flag, wrap]) => (format & flag ? wrap(child) : child),
          node.text ?? '',
        )
      },
      unknown: ({ node, nodesToJSX }) => {
        // A node this renderer does not know keeps its text rather than vanishing.
        const { children, text } = node as unknown as AnyNode
        if (typeof text === 'string') return text
        return Array.isArray(children) ? <>{nodesToJSX({ nodes: children as never })}</> : null
      },
      upload: ({ node }) => {
        const parts = uploadParts(node)
        return parts ? (
          <figure className="image">
            <NewsroomImage image={parts.image} />
            <Figcaption caption={parts.caption} credit={parts.credit} />
          </figure>
        ) : null
      },
    }
  }

/** A story body on a page, with the newsroom's converters; React escapes every text. */
export const NewsroomRichText = ({ data, ...options }: BodyRenderOptions & { data: unknown }) =>
  data && typeof data === 'object' && 'root' in data ? (
    <RichText
      converters={newsroomJSXConverters(options)}
      data={data as never}
      disableContainer
      disableIndent
      disableTextAlign
    />
  ) : null
