import type { Field } from 'payload'

import { slugField } from './slug'

/** Name, slug and description: what a section or a topic is, and its page's URL. */
export const taxonomyFields = (): Field[] => [
  {
    name: 'name',
    type: 'text',
    maxLength: 120,
    required: true,
    unique: true,
  },
  slugField({ useAsSlug: 'name' }),
  {
    name: 'description',
    type: 'textarea',
    admin: { description: 'Shown at the top of its page on the site.' },
    maxLength: 600,
  },
]
