import type { RelationshipFieldValidation, TextFieldValidation } from 'payload'

import { relationship } from 'payload/shared'

import { validateOptionalHttpUrl } from '../../../fields/httpUrl'

type Targets = { article?: unknown; url?: unknown }

const hasArticle = ({ article }: Targets) =>
  article !== undefined && article !== null && article !== ''
const hasUrl = ({ url }: Targets) => typeof url === 'string' && url.trim() !== ''

const targetProblem = (siblingData: unknown): null | string => {
  const targets = (siblingData ?? {}) as Targets
  if (hasArticle(targets) && hasUrl(targets)) {
    return 'A related story points at one place: choose our article or an external URL, not both.'
  }
  if (!hasArticle(targets) && !hasUrl(targets)) {
    return 'A related story needs a target: one of our articles or an external URL.'
  }
  return null
}

export const validateArticleTarget: RelationshipFieldValidation = (value, options) =>
  targetProblem(options.siblingData) ?? relationship(value, options)

export const validateUrlTarget: TextFieldValidation = (value, options) =>
  targetProblem(options.siblingData) ?? validateOptionalHttpUrl(value, options)
