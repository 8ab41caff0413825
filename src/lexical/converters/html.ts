import type { HTMLConverter, HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'

import type { BodyRenderOptions } from '../types'
import type { BodyElement, BodyTree } from './tree'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

import { escapeHtml } from '../../delivery/escapeHtml'
import { recordOf } from '../../delivery/readers'
import { newsroomConverters } from './nodes'
import { isLexicalChildren, VOID_TAGS } from './tree'

type HTMLConverterArgs = Parameters<Exclude<HTMLConverter, string>>[0]
type NodesToHTML = HTMLConverterArgs['nodesToHTML']

const cssProperty = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)

const attributesOf = ({ attributes = {}, style }: BodyElement): string =>
  Object.entries({
    ...attributes,
    style: style
      ? Object.entries(style)
          .map(([name, value]) => `${cssProperty(name)}: ${value}`)
          .join('; ')
      : undefined,
  })
    .flatMap(([name, value]) =>
      value === undefined ? [] : [` ${name}="${escapeHtml(String(value))}"`],
    )
    .join('')

/** The newsroom's description of a node as an HTML string, every text and attribute escaped. */
const toHTML = (tree: BodyTree, nodesToHTML: NodesToHTML): string => {
  if (tree === null) {
    return ''
  }
  if (typeof tree === 'string') {
    return escapeHtml(tree)
  }
  if (Array.isArray(tree)) {
    return tree.map((child) => toHTML(child, nodesToHTML)).join('')
  }
  if (isLexicalChildren(tree)) {
    return nodesToHTML({ nodes: tree.nodes }).join('')
  }
  const open = `<${tree.tag}${attributesOf(tree)}>`
  return VOID_TAGS.has(tree.tag)
    ? open
    : `${open}${toHTML(tree.children ?? [], nodesToHTML)}</${tree.tag}>`
}

/**
 * The newsroom's converters for Payload's Lexical-to-HTML converter (ninjs `body_html`, RSS
 * `content:encoded`): the newsroom's rules for each node, written as HTML.
 */
export const newsroomHTMLConverters = (options: BodyRenderOptions): HTMLConvertersFunction =>
  newsroomConverters(options, (tree, { nodesToHTML }: HTMLConverterArgs) =>
    toHTML(tree, nodesToHTML),
  )

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
