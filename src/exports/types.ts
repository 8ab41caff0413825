// Types only: the plugin's options, its documents as it reads them, and the delivery shapes.
export type * from '../documents'
export type * from '../types'
export type { SitePaths, SiteSettings } from '../siteSettings'
export type * from '../delivery/types'
export type { Role } from '../access/roles'
