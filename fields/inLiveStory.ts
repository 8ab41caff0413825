import type { CheckboxField, FieldAccess } from 'payload'

import { isStaffField } from '../src/access/roles'
import { translated } from '../src/translations/translate'

/** The field that says a record is shown in a published story. */
export const IN_LIVE_STORY = 'inLiveStory'

const nobody: FieldAccess = () => false

type InLiveStoryFieldOptions = {
  /** Changes to the field, merged over the plugin's. */
  overrides?: Partial<CheckboxField>
}

/**
 * Set by the server, never by a client: true while a published story shows the record (a quote,
 * case, related story or image). Such a record changes for readers only through an editor, and
 * a record no live story shows stays out of readers' sight.
 */
export const inLiveStoryField = ({
  overrides = {},
}: InLiveStoryFieldOptions = {}): CheckboxField => ({
  name: IN_LIVE_STORY,
  type: 'checkbox',
  defaultValue: false,
  index: true,
  label: translated('inLiveStory'),
  ...overrides,
  access: { create: nobody, read: isStaffField, update: nobody, ...overrides.access },
  admin: {
    description: translated('inLiveStoryDescription'),
    position: 'sidebar',
    readOnly: true,
    ...overrides.admin,
  },
})
