import type { Media, Person } from '../payload-types'

import { positionAt } from 'payload-plugin-newsroom'

import { PREVIEW_ROUTE } from './preview'

type Props = { path: string; person: Person; photo: Media | null; preview: boolean }

/**
 * Name, title as held today, photo, bio and links: the top of a person's and an author's page.
 * An organization's page says it is one above the name, since the route is the people's.
 */
export const PersonHeader = ({ path, person, photo, preview }: Props) => {
  const position = positionAt(person.positions)
  const role = [position?.title, position?.organization].filter(Boolean).join(', ')
  return (
    <header className="person">
      {preview ? (
        <aside className="preview-banner" role="status">
          Draft preview: every quote and story, including those readers do not see.{' '}
          <a href={`${PREVIEW_ROUTE}/exit?path=${encodeURIComponent(path)}`}>Leave preview</a>
        </aside>
      ) : null}
      {photo?.url ? (
        <img
          alt={photo.alt ?? person.name}
          className="person-photo"
          height={photo.height ?? undefined}
          src={photo.url}
          width={photo.width ?? undefined}
        />
      ) : null}
      {person.isOrganization ? <p className="person-kind">Organization</p> : null}
      <h1>{person.name}</h1>
      {role ? <p className="person-role">{role}</p> : null}
      {person.bio ? <p className="bio">{person.bio}</p> : null}
      {(person.links ?? []).length > 0 ? (
        <ul className="person-links">
          {(person.links ?? []).map((link) => (
            <li key={link.id ?? link.url}>
              <a href={link.url} rel="me">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </header>
  )
}
