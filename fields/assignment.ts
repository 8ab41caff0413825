import type { Field, GroupField } from 'payload'

import { isEditorField, isStaffField } from '../src/access/roles'
import { translated } from '../src/translations/translate'

type AssignmentFieldOptions = {
  /** The collection of staff accounts a story is assigned to. */
  usersCollection: string
  /** Changes to the generated group. */
  overrides?: Partial<GroupField>
}

export const artNeededOptions = [
  { label: translated('artNone'), value: 'none' },
  { label: translated('artPhoto'), value: 'photo' },
  { label: translated('artGraphic'), value: 'graphic' },
  { label: translated('artVideo'), value: 'video' },
]

/** Staff read the desk's plan for a story; editors make it (who, by when, how long, what art). */
const planned = (field: Field): Field =>
  ({
    ...field,
    access: { create: isEditorField, read: isStaffField, update: isEditorField },
  }) as Field

/**
 * Who reports and edits a story, by when, at what length, on which budget line and with what
 * art: the story budget's row. Internal: never shown to readers or partners.
 */
export const assignmentField = ({
  overrides = {},
  usersCollection,
}: AssignmentFieldOptions): GroupField => ({
  name: 'assignment',
  type: 'group',
  // The whole group, so an anonymous answer carries no empty `assignment` either.
  access: { read: isStaffField },
  admin: { description: translated('assignmentDescription') },
  label: translated('assignment'),
  ...overrides,
  fields: [
    planned({
      name: 'budgetLine',
      type: 'textarea',
      admin: { description: translated('budgetLineDescription') },
      label: translated('budgetLine'),
      maxLength: 500,
    }),
    {
      type: 'row',
      fields: [
        planned({
          name: 'reporters',
          type: 'relationship',
          admin: { width: '50%' },
          hasMany: true,
          index: true,
          label: translated('reporters'),
          relationTo: usersCollection as 'users',
        }),
        planned({
          name: 'editor',
          type: 'relationship',
          admin: { width: '50%' },
          index: true,
          label: translated('assignedEditor'),
          relationTo: usersCollection as 'users',
        }),
      ],
    },
    {
      type: 'row',
      fields: [
        planned({
          name: 'dueAt',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' }, width: '34%' },
          index: true,
          label: translated('dueAt'),
        }),
        planned({
          name: 'plannedLength',
          type: 'number',
          admin: { description: translated('plannedLengthDescription'), step: 50, width: '33%' },
          label: translated('plannedLength'),
          max: 20000,
          min: 0,
        }),
        planned({
          name: 'artNeeded',
          type: 'select',
          admin: { width: '33%' },
          defaultValue: 'none',
          label: translated('artNeeded'),
          options: artNeededOptions,
        }),
      ],
    },
    ...(overrides.fields ?? []),
  ],
})
