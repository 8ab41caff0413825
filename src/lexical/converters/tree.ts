import type { SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'

/**
 * An element of a story body as the newsroom describes it, before any renderer writes it out:
 * the HTML string of ninjs and RSS, or the React elements of the site's pages.
 */
export type BodyElement = {
  /**
   * HTML attribute names (`class`, `srcset`), in the order the HTML string writes them.
   * Undefined leaves an attribute out; every value is escaped by the renderer.
   */
  attributes?: Record<string, number | string | undefined>
  children?: BodyTree[]
  /**
   * A class only the site's pages carry, a hook for their stylesheet: partners' HTML has never
   * had it, and their copies of a story stay byte for byte what they were.
   */
  pageClass?: string
  /** CSS declarations, camelCased as React names them. */
  style?: Record<string, string>
  tag: string
}

/** The node's own Lexical children, converted where they stand by the same converters. */
export type LexicalChildren = { nodes: SerializedLexicalNode[] }

/** Text (escaped when written), an element, a fragment, a node's children, or nothing. */
export type BodyTree = BodyElement | BodyTree[] | LexicalChildren | null | string

/** Elements that have no closing tag. */
export const VOID_TAGS = new Set(['br', 'hr', 'img'])

export const isLexicalChildren = (tree: BodyElement | LexicalChildren): tree is LexicalChildren =>
  'nodes' in tree
