import type { Media, Person } from '../payload-types'

import { positionAt } from 'payload-plugin-newsroom'

import { absoluteUrl } from './shareImage'

/**
 * schema.org ProfilePage for a person's or an organization's page, built from what the page
 * shows: the record as `Person` or, marked an organization, `Organization`. A person's title as
 * held today is their `jobTitle` at `worksFor`; an organization has no job title, so it gets
 * neither.
 */
export const personJsonLd = (
  { person, photo }: { person: Person; photo: Media | null },
  { origin, path }: { origin: string; path: string },
) => {
  const position = person.isOrganization ? null : positionAt(person.positions)
  const links = (person.links ?? []).map((link) => link.url).filter(Boolean)
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: `${origin}${path}`,
    mainEntity: {
      '@type': person.isOrganization ? 'Organization' : 'Person',
      name: person.name,
      url: `${origin}${path}`,
      ...(person.bio ? { description: person.bio } : {}),
      ...(photo?.url ? { image: absoluteUrl(photo.url, origin) } : {}),
      ...(position?.title ? { jobTitle: position.title } : {}),
      ...(position?.organization
        ? { worksFor: { '@type': 'Organization', name: position.organization } }
        : {}),
      ...(links.length > 0 ? { sameAs: links } : {}),
    },
  }
}
