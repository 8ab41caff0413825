// Field factories a host can use in its own collections, each with one options object.
export { artNeededOptions, assignmentField } from '../../fields/assignment'
export { bylinesField } from '../../fields/bylines'
export { correctionsField, correctionTypes } from '../../fields/corrections'
export { httpUrlField, validateOptionalHttpUrl } from '../../fields/httpUrl'
export type { TextFieldOverrides } from '../../fields/httpUrl'
export { publishingDatesFields } from '../../fields/publishingDates'
export { slugField } from '../../fields/slug'
