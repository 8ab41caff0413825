import type { Block } from 'payload'

import { collectionSlugs } from '../../../src/collectionSlugs'

/** An inline citation of a Case, rendered from the case record as caption and citation. */
export const caseCitationBlock: Block = {
  slug: 'caseCitation',
  fields: [
    {
      name: 'case',
      type: 'relationship',
      relationTo: collectionSlugs.cases,
      required: true,
    },
  ],
  interfaceName: 'CaseCitationBlock',
  labels: { plural: 'Case citations', singular: 'Case citation' },
}
