import type { TextFieldSingleValidation } from 'payload'

import { BlocksFeature, lexicalEditor, LinkFeature } from '@payloadcms/richtext-lexical'

import { httpUrlProblem } from '../../src/utilities/validateHttpUrl'
import { collectionSlugs } from '../../src/collectionSlugs'
import { caseCitationBlock } from './blocks/caseCitation'
import { pullQuoteBlock } from './blocks/pullQuote'

type LinkSiblings = { linkType?: 'custom' | 'internal' }

/** Links in a story lead readers off the page: only http(s), never javascript: or data:. */
const validateLinkUrl: TextFieldSingleValidation = (value, { siblingData }) => {
  if ((siblingData as LinkSiblings)?.linkType === 'internal') {
    return true
  }
  return httpUrlProblem(value) ?? true
}

/**
 * The story body: paragraphs, headings, lists, block quotes, links (http(s) or to our own
 * articles), pull quotes that reference a Quote, and inline citations of a Case.
 */
export const articleBodyEditor = () =>
  lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures.filter((feature) => feature.key !== 'link'),
      LinkFeature({
        enabledCollections: [collectionSlugs.articles],
        fields: ({ defaultFields }) =>
          defaultFields.map((field) =>
            field.name === 'url' && field.type === 'text'
              ? ({ ...field, validate: validateLinkUrl } as typeof field)
              : field,
          ),
      }),
      BlocksFeature({ blocks: [pullQuoteBlock], inlineBlocks: [caseCitationBlock] }),
    ],
  })
