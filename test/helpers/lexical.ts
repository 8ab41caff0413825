/** Small builders for Lexical documents, as the admin's editor would save them. */

const text = (value: string) => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text: value,
  version: 1,
})

const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

export const paragraph = (...children: unknown[]) =>
  element(
    'paragraph',
    children.map((child) => (typeof child === 'string' ? text(child) : child)),
    {
      textFormat: 0,
      textStyle: '',
    },
  )

export const pullQuote = (quote: number | string) => ({
  type: 'block',
  fields: { blockName: '', blockType: 'pullQuote', id: `pq${String(quote)}`, quote },
  format: '',
  version: 2,
})

export const caseCitation = (record: number | string) => ({
  type: 'inlineBlock',
  fields: { blockType: 'caseCitation', case: record, id: `cc${String(record)}` },
  version: 1,
})

export const link = (url: string, label: string) =>
  element('link', [text(label)], { fields: { linkType: 'custom', newTab: false, url }, version: 3 })

export const doc = (...children: unknown[]) => ({ root: element('root', children) })
