import type { TFunction } from '@payloadcms/translations'
import type { RelationshipFieldValidation, TextFieldValidation } from 'payload'

import { relationship } from 'payload/shared'

import { validateOptionalHttpUrl } from '../../../fields/httpUrl'
import { translate } from '../../../src/translations/translate'

type Targets = { article?: unknown; url?: unknown }

const hasArticle = ({ article }: Targets) =>
  article !== undefined && article !== null && article !== ''
const hasUrl = ({ url }: Targets) => typeof url === 'string' && url.trim() !== ''

const targetProblem = (siblingData: unknown, t: TFunction<never> | undefined): null | string => {
  const targets = (siblingData ?? {}) as Targets
  if (hasArticle(targets) && hasUrl(targets)) {
    return translate(t, 'relatedTargetBoth')
  }
  if (!hasArticle(targets) && !hasUrl(targets)) {
    return translate(t, 'relatedTargetMissing')
  }
  return null
}

export const validateArticleTarget: RelationshipFieldValidation = (value, options) =>
  targetProblem(options.siblingData, options.req?.t) ?? relationship(value, options)

export const validateUrlTarget: TextFieldValidation = (value, options) =>
  targetProblem(options.siblingData, options.req?.t) ?? validateOptionalHttpUrl(value, options)
