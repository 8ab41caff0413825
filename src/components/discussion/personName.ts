import type { UserRef } from './commentsApi'

/** A person's name, or `fallback` for an account this reader cannot see (or one since deleted). */
export const personName = (person: UserRef | undefined, fallback: string): string =>
  (person && typeof person === 'object' && person.name) || fallback
