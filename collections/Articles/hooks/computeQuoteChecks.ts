import type { FieldHook } from 'payload'

import type { Id, NewsroomArticle } from '../../../src/documents'

import { hasRole, roles } from '../../../src/access/roles'
import { collectionSlugs } from '../../../src/collectionSlugs'
import { findByIds } from '../../../src/utilities/findByIds'
import { relationIds, sameId } from '../../../src/utilities/ids'
import {
  bodyReferences,
  lexicalBlocksText,
  normalizeForQuoteCheck,
} from '../../../src/utilities/lexical'

export type QuoteCheck = {
  inPullQuote: boolean
  label: null | string
  quote: Id
  verbatim: boolean
  verification: null | string
}

/**
 * For each linked quote: does its text still appear, word for word, in the body or as a pull
 * quote? Catches a quote that drifted in editing before the story goes out. Staff only.
 */
export const computeQuoteChecks: FieldHook<NewsroomArticle> = async ({ data, findMany, req }) => {
  // Checked when a story is opened, not for every row of a list.
  if (!hasRole(req.user, ...roles) || !data || findMany) {
    return undefined
  }
  const ids = relationIds(data.quotes)
  const quotes = await findByIds({ collection: collectionSlugs.quotes, ids, req })
  const bodyText = normalizeForQuoteCheck(lexicalBlocksText(data.body).join('\n'))
  const pulled = bodyReferences(data.body).quotes

  return ids.map((id): QuoteCheck => {
    const quote = quotes.find((record) => sameId(record.id, id))
    const inPullQuote = pulled.some((other) => sameId(other, id))
    const text = normalizeForQuoteCheck(quote?.text ?? '')
    return {
      inPullQuote,
      label: quote?.label ?? null,
      quote: id,
      verbatim: inPullQuote || (text !== '' && bodyText.includes(text)),
      verification: quote?.verification?.status ?? null,
    }
  })
}
