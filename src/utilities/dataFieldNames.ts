import type { Field } from 'payload'

/**
 * Names of the fields that store data at this level, looking through layout-only fields
 * (rows, collapsibles, unnamed tabs) whose children share the level.
 */
export const dataFieldNames = (fields: Field[]): Set<string> => {
  const names = new Set<string>()
  const visit = (list: Field[]) => {
    for (const field of list) {
      if ('name' in field && field.name) {
        names.add(field.name)
      } else if (field.type === 'tabs') {
        for (const tab of field.tabs) {
          if ('name' in tab && tab.name) {
            names.add(tab.name)
          } else {
            visit(tab.fields)
          }
        }
      } else if ('fields' in field) {
        visit(field.fields)
      }
    }
  }
  visit(fields)
  return names
}
