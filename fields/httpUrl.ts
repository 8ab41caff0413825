import type { TextField, TextFieldSingleValidation } from 'payload'

import { translate } from '../src/translations/translate'
import { httpUrlProblem } from '../src/utilities/validateHttpUrl'

/** The settings of a single-value text field an app may change. */
export type TextFieldOverrides = Partial<
  Pick<TextField, 'access' | 'admin' | 'hooks' | 'index' | 'label' | 'localized' | 'unique'>
> & { validate?: TextFieldSingleValidation }

type HttpUrlFieldOptions = {
  /** Field name. @default 'url' */
  name?: string
  /** Changes to the generated field. */
  overrides?: TextFieldOverrides
  /** Whether the URL must be given. @default false */
  required?: boolean
}

export const validateOptionalHttpUrl: TextFieldSingleValidation = (value, options) => {
  if (value === undefined || value === null || value === '') {
    return true
  }
  return httpUrlProblem(value, options?.req?.t) ?? true
}

export const httpUrlField = ({
  name = 'url',
  overrides = {},
  required = false,
}: HttpUrlFieldOptions = {}): TextField => ({
  name,
  type: 'text',
  required,
  validate: (value, options) =>
    required && !value
      ? translate(options.req?.t, 'urlRequired')
      : validateOptionalHttpUrl(value, options),
  ...overrides,
})
