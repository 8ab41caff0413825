import type { DateField } from 'payload'

import { isEditorField, isStaffOrPartnerField } from '../src/access/roles'
import { EMBARGO_FIELD } from '../src/embargo/embargo'
import { clientComponent } from '../src/packageName'
import { translated } from '../src/translations/translate'

type EmbargoFieldOptions = {
  /** Changes to the generated field. */
  overrides?: Partial<DateField>
}

/**
 * The time before which a published story reaches partners only (delivery and ninjs with an
 * API key) and no reader door at all. Editors set and clear it; staff and partners read it.
 */
export const embargoField = ({ overrides = {} }: EmbargoFieldOptions = {}): DateField =>
  ({
    name: EMBARGO_FIELD,
    type: 'date',
    access: { create: isEditorField, read: isStaffOrPartnerField, update: isEditorField },
    admin: {
      components: {
        Cell: clientComponent('EmbargoCell'),
        Description: clientComponent('EmbargoState'),
      },
      date: { pickerAppearance: 'dayAndTime' },
      description: translated('embargoUntilDescription'),
      position: 'sidebar',
    },
    // Readers' queries filter on it (publishedOrStaff), the lift job looks stories up by it.
    index: true,
    label: translated('embargoUntil'),
    ...overrides,
  }) as DateField
