import type { BodyPart } from './corpus'

type Id = number | string

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

const paragraph = (children: unknown[]) =>
  element('paragraph', children, { textFormat: 0, textStyle: '' })

/** Block ids are ObjectId-shaped hex strings, as the admin's editor writes them. */
const blockId = (seed: number, slot: number) =>
  `${seed.toString(16).padStart(20, '0')}${slot.toString(16).padStart(4, '0')}`

/**
 * A body as the admin's editor saves it: paragraphs, an h2, a pull quote block holding a
 * quote's id and an inline case citation holding a case's id.
 */
export const lexicalBody = (
  parts: BodyPart[],
  refs: { cases: Id[]; quotes: Id[]; seed: number },
): Record<string, unknown> => ({
  root: element(
    'root',
    parts.map((part, slot) => {
      switch (part.kind) {
        case 'paragraph':
          return paragraph([text(part.text)])
        case 'heading':
          return element('heading', [text(part.text)], { tag: 'h2' })
        case 'citation':
          return paragraph([
            text(part.textBefore),
            {
              type: 'inlineBlock',
              fields: {
                blockType: 'caseCitation',
                case: refs.cases[part.case],
                id: blockId(refs.seed, slot),
              },
              version: 1,
            },
            text(part.textAfter),
          ])
        case 'pullQuote':
          return {
            type: 'block',
            fields: {
              blockName: '',
              blockType: 'pullQuote',
              id: blockId(refs.seed, slot),
              quote: refs.quotes[part.quote],
            },
            format: '',
            version: 2,
          }
      }
    }),
  ),
})
