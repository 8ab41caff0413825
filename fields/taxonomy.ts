import type { Field } from 'payload'

import { translated } from '../src/translations/translate'
import { slugField } from './slug'

/** Name, slug and description: what a section or a topic is, and its page's URL. */
export const taxonomyFields = (): Field[] => [
  {
    name: 'name',
    type: 'text',
    label: translated('name'),
    maxLength: 120,
    required: true,
    unique: true,
  },
  slugField({ useAsSlug: 'name' }),
  {
    name: 'description',
    type: 'textarea',
    admin: { description: translated('taxonomyDescriptionDescription') },
    label: translated('description'),
    maxLength: 600,
  },
]
