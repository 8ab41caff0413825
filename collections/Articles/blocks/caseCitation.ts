import type { Block } from 'payload'

import { clientComponent } from '../../../src/packageName'
import { collectionSlugs } from '../../../src/collectionSlugs'
import { translated } from '../../../src/translations/translate'

/**
 * An inline citation of a Case. Printed from the case record as caption and citation, unless the
 * story names the case in words of its own ("known as Matter of Kasinga"): then those words stay
 * in the text, linked to the case, with the full citation on hover.
 */
export const caseCitationBlock: Block = {
  slug: 'caseCitation',
  // The chip in the editor reads like the story: caption and citation, not "Case citation".
  admin: { components: { Label: clientComponent('CaseCitationLabel') } },
  fields: [
    {
      name: 'case',
      type: 'relationship',
      label: translated('case'),
      relationTo: collectionSlugs.cases,
      required: true,
    },
    {
      name: 'mention',
      type: 'text',
      admin: { description: translated('mentionDescription') },
      label: translated('mention'),
    },
  ],
  interfaceName: 'CaseCitationBlock',
  labels: {
    plural: translated('caseCitationPlural'),
    singular: translated('caseCitationSingular'),
  },
}
