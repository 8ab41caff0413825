/** The name the package is published under: admin component paths resolve through it. */
export const PACKAGE_NAME = 'payload-plugin-newsroom'

/** A client component's path for Payload's import map: `'<package>/client#Name'`. */
export const clientComponent = (name: string): string => `${PACKAGE_NAME}/client#${name}`

/** A server component of the package, as an admin component path in a config. */
export const serverComponent = (name: string): string => `${PACKAGE_NAME}/rsc#${name}`
