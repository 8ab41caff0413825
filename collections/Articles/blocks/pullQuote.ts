import type { Block } from 'payload'

import { clientComponent } from '../../../src/packageName'
import { collectionSlugs } from '../../../src/collectionSlugs'
import { translated } from '../../../src/translations/translate'

/** A pull quote points at a Quote record, so its words are never retyped (or mistyped). */
export const pullQuoteBlock: Block = {
  slug: 'pullQuote',
  // The header shows the quote and its speaker, so the block reads like the page, even folded.
  admin: { components: { Label: clientComponent('PullQuoteLabel') } },
  fields: [
    {
      name: 'quote',
      type: 'relationship',
      admin: { description: translated('pullQuoteDescription') },
      label: translated('quote'),
      relationTo: collectionSlugs.quotes,
      required: true,
    },
  ],
  interfaceName: 'PullQuoteBlock',
  labels: { plural: translated('pullQuotePlural'), singular: translated('pullQuoteSingular') },
}
