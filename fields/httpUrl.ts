import type { TextField, Validate } from 'payload'

import { httpUrlProblem } from '../src/utilities/validateHttpUrl'

type HttpUrlFieldOptions = {
  /** Field name. @default 'url' */
  name?: string
  /** Changes to the generated field. */
  overrides?: Partial<TextField>
  /** Whether the URL must be given. @default false */
  required?: boolean
}

export const validateOptionalHttpUrl: Validate<string> = (value) => {
  if (value === undefined || value === null || value === '') {
    return true
  }
  return httpUrlProblem(value) ?? true
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
    required && !value ? 'Enter a URL.' : validateOptionalHttpUrl(value, options),
  ...overrides,
})
