import type { SitePaths } from '../siteSettings'

/** What every body renderer needs to know about the site it writes for. */
export type BodyRenderOptions = {
  /** Prefixed to links to our own stories and cases; empty leaves them as paths. */
  baseUrl: string
  /** Where the site shows stories and cases. */
  paths: SitePaths
}
