import type { CollectionConfig, Endpoint, GlobalConfig } from 'payload'

const notFound = (message: string) => () =>
  Response.json({ errors: [{ message: `Not Found: ${message}` }] }, { status: 404 })

/**
 * Payload mounts the versions and email-verification endpoints on every collection, and on one
 * without versions (or without verification) they query tables and columns that do not exist:
 * a 500 for any request. These answer first with a 404 saying the door is not there.
 */
export const closedDoors = (collection: CollectionConfig): Endpoint[] => {
  const doors: Endpoint[] = []
  if (!collection.versions) {
    const handler = notFound(`${collection.slug} keeps no versions.`)
    doors.push(
      { handler, method: 'get', path: '/versions' },
      { handler, method: 'get', path: '/versions/:id' },
      { handler, method: 'post', path: '/versions/:id' },
    )
  }
  const verifies = typeof collection.auth === 'object' && Boolean(collection.auth.verify)
  if (collection.auth && !verifies) {
    doors.push({
      handler: notFound(`${collection.slug} accounts are not verified by email.`),
      method: 'post',
      path: '/verify/:id',
    })
  }
  return doors
}

/** The same for a global without versions: Payload mounts its versions doors all the same. */
export const closedGlobalDoors = (global: GlobalConfig): Endpoint[] => {
  if (global.versions) {
    return []
  }
  const handler = notFound(`the ${global.slug} global keeps no versions.`)
  return [
    { handler, method: 'get', path: '/versions' },
    { handler, method: 'get', path: '/versions/:id' },
    { handler, method: 'post', path: '/versions/:id' },
  ]
}
