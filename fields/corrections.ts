import type { ArrayField } from 'payload'

import { translated } from '../src/translations/translate'

type CorrectionsFieldOptions = {
  /** Changes to the generated field. */
  overrides?: Partial<ArrayField>
}

export const correctionTypes = [
  { label: translated('correctionTypeCorrection'), value: 'correction' },
  { label: translated('correctionTypeClarification'), value: 'clarification' },
  { label: translated('correctionTypeUpdate'), value: 'update' },
]

/** Corrections are public and appended after publication: readers must see what changed. */
export const correctionsField = ({ overrides = {} }: CorrectionsFieldOptions = {}): ArrayField => ({
  name: 'corrections',
  type: 'array',
  admin: {
    description: translated('correctionsDescription'),
    initCollapsed: true,
  },
  label: translated('correctionPlural'),
  labels: {
    plural: translated('correctionPlural'),
    singular: translated('correctionSingular'),
  },
  fields: [
    {
      name: 'type',
      type: 'select',
      defaultValue: 'correction',
      label: translated('type'),
      options: correctionTypes,
      required: true,
    },
    { name: 'text', type: 'textarea', label: translated('text'), required: true },
    {
      name: 'at',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' }, readOnly: true },
      hooks: {
        beforeChange: [({ value }) => value ?? new Date().toISOString()],
      },
      label: translated('at'),
    },
  ],
  ...overrides,
  hooks: {
    // A copy is a new story: the original's corrections are the original's public record.
    beforeDuplicate: [() => []],
    ...overrides.hooks,
  },
})
