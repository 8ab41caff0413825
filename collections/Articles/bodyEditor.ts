import type { TextFieldSingleValidation } from 'payload'

import {
  BlocksFeature,
  lexicalEditor,
  LinkFeature,
  RelationshipFeature,
  UploadFeature,
} from '@payloadcms/richtext-lexical'

import { httpUrlProblem } from '../../src/utilities/validateHttpUrl'
import { collectionSlugs } from '../../src/collectionSlugs'
import { translated } from '../../src/translations/translate'
import { caseCitationBlock } from './blocks/caseCitation'
import { pullQuoteBlock } from './blocks/pullQuote'

type LinkSiblings = { linkType?: 'custom' | 'internal' }

/** Links in a story lead readers off the page: only http(s), never javascript: or data:. */
const validateLinkUrl: TextFieldSingleValidation = (value, { req, siblingData }) => {
  if ((siblingData as LinkSiblings)?.linkType === 'internal') {
    return true
  }
  return httpUrlProblem(value, req?.t) ?? true
}

/** Replaced below with the versions limited to what the site renders. */
const REPLACED = new Set(['link', 'relationship', 'upload'])

/**
 * The story body: paragraphs, headings, lists, block quotes, horizontal rules, links (http(s) or
 * to our own stories and cases), in-body images from media with their own caption and credit,
 * relationships to our stories and cases (a "see also" link), pull quotes that reference a Quote
 * and inline citations of a Case. Every one of them is rendered on the page, in ninjs and in
 * RSS by the converters in src/lexical/converters: what the editor offers, readers get.
 */
export const articleBodyEditor = () =>
  lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures.filter((feature) => !REPLACED.has(feature.key)),
      LinkFeature({
        enabledCollections: [collectionSlugs.articles, collectionSlugs.cases],
        fields: ({ defaultFields }) =>
          defaultFields.map((field) =>
            field.name === 'url' && field.type === 'text'
              ? ({ ...field, validate: validateLinkUrl } as typeof field)
              : field,
          ),
      }),
      // Other collections (quotes, users, related stories) have no page to link to.
      RelationshipFeature({
        enabledCollections: [collectionSlugs.articles, collectionSlugs.cases],
      }),
      UploadFeature({
        collections: {
          [collectionSlugs.media]: {
            fields: [
              {
                name: 'caption',
                type: 'text',
                admin: { description: translated('bodyImageCaptionDescription') },
                label: translated('caption'),
              },
              {
                name: 'credit',
                type: 'text',
                admin: { description: translated('bodyImageCreditDescription') },
                label: translated('credit'),
              },
            ],
          },
        },
        enabledCollections: [collectionSlugs.media],
      }),
      BlocksFeature({ blocks: [pullQuoteBlock], inlineBlocks: [caseCitationBlock] }),
    ],
  })
