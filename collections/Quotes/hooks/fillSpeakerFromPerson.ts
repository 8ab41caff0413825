import type { FieldHook, PayloadRequest } from 'payload'

import type { Position } from '../../People/hooks/currentPosition'

import { collectionSlugs } from '../../../src/collectionSlugs'
import { relationId } from '../../../src/utilities/ids'
import { positionAt } from '../../People/hooks/currentPosition'

type Person = { name?: null | string; positions?: null | Position[] }

const readPerson = async (req: PayloadRequest, value: unknown): Promise<null | Person> => {
  if (value && typeof value === 'object' && 'name' in value) {
    return value as Person
  }
  const id = relationId(value)
  if (id === undefined || id === null || id === '') {
    return null
  }
  // The writer picked the person in the editor; any staff member may read people.
  return (await req.payload.findByID({
    id,
    collection: collectionSlugs.people,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
    select: { name: true, positions: true },
  })) as null | Person
}

/**
 * A speaker picked from people, with nothing typed, is printed as the person is named, with the
 * title and organization they held when they said it. What the editor typed is kept as printed.
 */
export const fillSpeakerFromPerson =
  (part: 'name' | 'organization' | 'title'): FieldHook =>
  async ({ data, originalDoc, req, siblingData, value }) => {
    if (typeof value === 'string' && value.trim() !== '') {
      return value
    }
    const person = await readPerson(req, siblingData?.person)
    if (!person) {
      return value
    }
    if (part === 'name') {
      return person.name ?? value
    }
    // The quote's own date, from the whole quote: the speaker group does not hold it.
    const saidAt = (data?.saidAt ?? originalDoc?.saidAt) as null | string | undefined
    const at = saidAt && Number.isFinite(Date.parse(saidAt)) ? new Date(saidAt) : new Date()
    return positionAt(person.positions, at)?.[part] ?? value
  }
