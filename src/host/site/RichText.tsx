import type { ReactNode } from 'react'

import type { DeliveryCase, DeliveryQuote } from 'payload-plugin-newsroom/delivery'
import { httpUrlProblem, relationId, sameId } from 'payload-plugin-newsroom'
import { citationMention } from 'payload-plugin-newsroom/lexical'

import { articlePath, casePath } from './paths'

type Node = {
  [key: string]: unknown
  children?: Node[]
  fields?: Record<string, unknown>
  format?: number | string
  tag?: string
  text?: string
  type?: string
}

type Sources = { cases: DeliveryCase[]; quotes: DeliveryQuote[] }

// Lexical keeps inline formatting as bit flags on each text node.
const formats: [flag: number, wrap: (child: ReactNode, key: string) => ReactNode][] = [
  [1, (child, key) => <strong key={key}>{child}</strong>],
  [2, (child, key) => <em key={key}>{child}</em>],
  [8, (child, key) => <u key={key}>{child}</u>],
  [4, (child, key) => <s key={key}>{child}</s>],
  [16, (child, key) => <code key={key}>{child}</code>],
]

const renderText = (node: Node, key: string): ReactNode => {
  const flags = typeof node.format === 'number' ? node.format : 0
  return formats.reduce<ReactNode>(
    (child, [flag, wrap]) => (flags & flag ? wrap(child, key) : child),
    node.text ?? '',
  )
}

/** Links readers can follow: http(s) out, or one of our stories. */
const linkHref = (fields: Record<string, unknown> | undefined): null | string => {
  if (fields?.linkType === 'internal') {
    const doc = fields.doc as { value?: { slug?: string } } | undefined
    return doc?.value?.slug ? articlePath(doc.value.slug) : null
  }
  const url = typeof fields?.url === 'string' ? fields.url : ''
  return httpUrlProblem(url) ? null : url
}

const PullQuote = ({ quote }: { quote: DeliveryQuote | undefined }) => {
  if (!quote) {
    return null
  }
  const { name, organization, title } = quote.speaker
  return (
    <figure className="pull-quote">
      <blockquote>{`“${quote.text}”`}</blockquote>
      <figcaption>{[name, title, organization].filter(Boolean).join(', ')}</figcaption>
    </figure>
  )
}

const CaseCitation = ({
  mention,
  record,
}: {
  mention: string
  record: DeliveryCase | undefined
}) => {
  if (!record) {
    return mention ? <>{mention}</> : null
  }
  const full = [record.caption, record.citation].filter(Boolean).join(', ')
  // The story's own words stay as written; the formal citation is one hover away.
  return mention ? (
    <cite className="case-citation">
      <a href={casePath(String(record.slug))} title={full}>
        {mention}
      </a>
    </cite>
  ) : (
    <cite className="case-citation">
      <a href={casePath(String(record.slug))}>{record.caption}</a>
      {record.citation ? `, ${record.citation}` : ''}
    </cite>
  )
}

const renderNode = (node: Node, key: string, sources: Sources): ReactNode => {
  const children = () =>
    (node.children ?? []).map((child, index) => renderNode(child, `${key}.${index}`, sources))
  switch (node.type) {
    case 'text':
      return renderText(node, key)
    case 'linebreak':
      return <br key={key} />
    case 'paragraph':
      return <p key={key}>{children()}</p>
    case 'heading': {
      const Tag = (['h2', 'h3', 'h4', 'h5', 'h6'].includes(node.tag ?? '') ? node.tag : 'h2') as
        'h2' | 'h3'
      return <Tag key={key}>{children()}</Tag>
    }
    case 'quote':
      return <blockquote key={key}>{children()}</blockquote>
    case 'list':
      return node.tag === 'ol' ? <ol key={key}>{children()}</ol> : <ul key={key}>{children()}</ul>
    case 'listitem':
      return <li key={key}>{children()}</li>
    case 'link':
    case 'autolink': {
      const href = linkHref(node.fields)
      return href ? (
        <a href={href} key={key}>
          {children()}
        </a>
      ) : (
        <span key={key}>{children()}</span>
      )
    }
    case 'block':
      if (node.fields?.blockType === 'pullQuote') {
        const id = relationId(node.fields.quote)
        return <PullQuote key={key} quote={sources.quotes.find((q) => sameId(q.id, id))} />
      }
      return null
    case 'inlineBlock':
      if (node.fields?.blockType === 'caseCitation') {
        const id = relationId(node.fields.case)
        return (
          <CaseCitation
            key={key}
            mention={citationMention(node.fields)}
            record={sources.cases.find((c) => sameId(c.id, id))}
          />
        )
      }
      return null
    default:
      return node.children ? <span key={key}>{children()}</span> : null
  }
}

/** The story body as React elements: every text escaped by React, only safe links kept. */
export const RichText = ({ body, sources }: { body: unknown; sources: Sources }) => {
  const root = (body as { root?: Node } | null)?.root
  return (
    <>{(root?.children ?? []).map((node, index) => renderNode(node, String(index), sources))}</>
  )
}
