import type { ArrayField } from 'payload'

type CorrectionsFieldOptions = {
  /** Changes to the generated field. */
  overrides?: Partial<ArrayField>
}

export const correctionTypes = [
  { label: 'Correction', value: 'correction' },
  { label: 'Clarification', value: 'clarification' },
  { label: 'Update', value: 'update' },
]

/** Corrections are public and appended after publication: readers must see what changed. */
export const correctionsField = ({ overrides = {} }: CorrectionsFieldOptions = {}): ArrayField => ({
  name: 'corrections',
  type: 'array',
  admin: {
    description: 'Appended after publication and shown to readers.',
    initCollapsed: true,
  },
  fields: [
    {
      name: 'type',
      type: 'select',
      defaultValue: 'correction',
      options: correctionTypes,
      required: true,
    },
    { name: 'text', type: 'textarea', required: true },
    {
      name: 'at',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' }, readOnly: true },
      hooks: {
        beforeChange: [({ value }) => value ?? new Date().toISOString()],
      },
    },
  ],
  ...overrides,
  hooks: {
    // A copy is a new story: the original's corrections are the original's public record.
    beforeDuplicate: [() => []],
    ...overrides.hooks,
  },
})
