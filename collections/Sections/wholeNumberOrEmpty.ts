import type { NumberFieldValidation } from 'payload'

import { number } from 'payload/shared'

import { translate } from '../../src/translations/translate'

/** Payload's number checks (range, a number at all), then a whole one: a place in a list. */
export const wholeNumberOrEmpty: NumberFieldValidation = (value, options) => {
  const checked = number(value, options)
  if (checked !== true) {
    return checked
  }
  if (typeof value === 'number' && !Number.isInteger(value)) {
    return translate(options.req?.t, 'wholeNumber')
  }
  return true
}
