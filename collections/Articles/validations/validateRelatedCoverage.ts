import type { RelationshipFieldValidation } from 'payload'

import { relationship } from 'payload/shared'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { translate } from '../../../src/translations/translate'
import { findByIds } from '../../../src/utilities/findByIds'
import { relationIds, sameId } from '../../../src/utilities/ids'

export const validateRelatedCoverage: RelationshipFieldValidation = async (value, options) => {
  const { id, maxRows, req } = options as typeof options & { maxRows?: number }
  const ids = relationIds(value)
  if (typeof maxRows === 'number' && ids.length > maxRows) {
    return translate(req?.t, 'relatedCoverageTooMany', { max: maxRows })
  }
  if (ids.some((item, index) => ids.findIndex((other) => sameId(other, item)) !== index)) {
    return translate(req?.t, 'relatedCoverageDuplicate')
  }
  // Server only (the browser has no payload): a story cannot be its own related coverage.
  if (id !== undefined && req?.payload && ids.length > 0) {
    const docs = await findByIds({ collection: collectionSlugs.relatedStories, ids, req })
    const self = docs.find((story) => sameId(story.article, id))
    if (self) {
      return translate(req?.t, 'relatedCoverageSelf', { headline: self.headline })
    }
  }
  return relationship(value, options)
}
