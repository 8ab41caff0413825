import { collectionSlugs } from '../collectionSlugs'
import { recordOf } from '../delivery/readers'
import { relationId } from '../utilities/ids'
import { documentKey } from './keys'

type BodyNode = {
  children?: unknown[]
  fields?: unknown
  relationTo?: unknown
  type?: unknown
  value?: unknown
}

/**
 * The documents a Lexical body shows, as surrogate keys: the stories its internal links point
 * at (a link shows the story's slug, and is a link only while it is published), the cases it
 * cites inline, the quotes it pulls out, and any upload or relationship node's document. The
 * article's own `cases` and `quotes` follow the body already; the links have no field of their
 * own, so without this a story's slug change or unpublish left every page linking to it stale.
 */
export const bodyKeys = (body: unknown): string[] => {
  const keys = new Set<string>()
  const add = (collection: unknown, value: unknown) => {
    const id = relationId(value)
    if (typeof collection === 'string' && collection !== '' && id !== undefined) {
      keys.add(documentKey(collection, id))
    }
  }
  const visit = (node: BodyNode) => {
    const fields = recordOf(node.fields)
    if ((node.type === 'link' || node.type === 'autolink') && fields.linkType === 'internal') {
      const doc = recordOf(fields.doc)
      add(doc.relationTo, doc.value)
    }
    if (node.type === 'inlineBlock' && fields.blockType === 'caseCitation') {
      add(collectionSlugs.cases, fields.case)
    }
    if (node.type === 'block' && fields.blockType === 'pullQuote') {
      add(collectionSlugs.quotes, fields.quote)
    }
    if (node.type === 'upload' || node.type === 'relationship') {
      add(node.relationTo, node.value)
    }
    for (const child of Array.isArray(node.children) ? node.children : []) {
      if (child && typeof child === 'object') {
        visit(child as BodyNode)
      }
    }
  }
  const root = recordOf(body).root
  if (root && typeof root === 'object') {
    visit(root as BodyNode)
  }
  return [...keys]
}
