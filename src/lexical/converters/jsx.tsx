import type { JSXConverterArgs, JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'
import type { ReactNode } from 'react'

import type { DeliveryImage } from '../../delivery/types'
import type { BodyRenderOptions } from '../types'
import type { BodyTree } from './tree'

import { RichText } from '@payloadcms/richtext-lexical/react'
import { createElement, Fragment } from 'react'

import { figcaptionElement, imageElement, newsroomConverters } from './nodes'
import { isLexicalChildren } from './tree'

type NodesToJSX = JSXConverterArgs['nodesToJSX']

// HTML's attribute names where React spells them its own way.
const propNames: Record<string, string> = { class: 'className', srcset: 'srcSet' }

/** The newsroom's description of a node as React elements; React escapes every text. */
const toJSX = (tree: BodyTree, nodesToJSX?: NodesToJSX): ReactNode => {
  if (tree === null || typeof tree === 'string') {
    return tree
  }
  // Children as arguments, not an array, so React asks for no keys.
  if (Array.isArray(tree)) {
    return createElement(Fragment, null, ...tree.map((child) => toJSX(child, nodesToJSX)))
  }
  if (isLexicalChildren(tree)) {
    return createElement(Fragment, null, ...(nodesToJSX?.({ nodes: tree.nodes }) ?? []))
  }
  const { attributes = {}, children = [], pageClass, style, tag } = tree
  const props: Record<string, unknown> = {}
  for (const [name, value] of Object.entries({
    ...attributes,
    class: attributes.class ?? pageClass,
  })) {
    props[propNames[name] ?? name] = value
  }
  props.style = style
  return createElement(tag, props, ...children.map((child) => toJSX(child, nodesToJSX)))
}

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
export const NewsroomImage = ({ className, image, loading, sizes }: ImageProps) =>
  toJSX(imageElement(image, { className, loading, sizes }))

/** A figure's caption and credit. */
export const Figcaption = ({
  caption,
  credit,
}: {
  caption: null | string
  credit: null | string
}) => toJSX(figcaptionElement(caption, credit))

/**
 * The newsroom's converters for Payload's Lexical-to-JSX `RichText`: the newsroom's rules for
 * each node, the same the HTML of ninjs and RSS is written from, as React elements.
 */
export const newsroomJSXConverters = (options: BodyRenderOptions): JSXConvertersFunction =>
  newsroomConverters(options, (tree, { nodesToJSX }: JSXConverterArgs) => toJSX(tree, nodesToJSX))

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
