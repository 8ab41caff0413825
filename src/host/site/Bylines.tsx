import type { DeliveryByline } from 'payload-plugin-newsroom/delivery'

import { authorPath } from './paths'

/** "By Ana Reporter and Staff and wire reports": a byline with a person links to their page. */
export const Bylines = ({ bylines }: { bylines: DeliveryByline[] }) =>
  bylines.length > 0 ? (
    <p className="bylines">
      By{' '}
      {bylines.map((byline, index) => (
        <span key={index}>
          {index > 0 ? ' and ' : null}
          {byline.person ? (
            <a href={authorPath(byline.person.slug)} rel="author">
              {byline.name}
            </a>
          ) : (
            byline.name
          )}
        </span>
      ))}
    </p>
  ) : null
