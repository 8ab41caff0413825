import type { Access } from 'payload'

/** Staff see every version; readers only what has been published. */
export const publishedOrAuthenticated: Access = ({ req: { user } }) => {
  if (user) {
    return true
  }
  return { _status: { equals: 'published' } }
}
