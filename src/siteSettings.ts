import type { Config } from 'payload'

import type { NewsroomLogo, NewsroomSiteOptions } from './types'

/** The site's options with every default filled in. */
export type SiteSettings = Required<Omit<NewsroomSiteOptions, 'logo'>> & {
  logo: NewsroomLogo | null
}

/** Where a site shows each kind of record, for links the plugin writes into what it delivers. */
export type SitePaths = Pick<SiteSettings, 'articlePath' | 'authorPath' | 'casePath' | 'personPath'>

/** The key under `config.custom` where the plugin leaves the settings for the site's routes. */
const SITE_SETTINGS_KEY = 'newsroomSite'

const defaultArticlePath = (slug: string): string => `/news/${slug}`
const defaultCasePath = (slug: string): string => `/cases/${slug}`
const defaultAuthorPath = (slug: string): string => `/authors/${slug}`
const defaultPersonPath = (slug: string): string => `/people/${slug}`

export const resolveSiteSettings = ({
  articlePath,
  authorPath,
  casePath,
  personPath,
  language,
  logo,
  name,
}: NewsroomSiteOptions = {}): SiteSettings => ({
  articlePath: articlePath ?? defaultArticlePath,
  authorPath: authorPath ?? defaultAuthorPath,
  casePath: casePath ?? defaultCasePath,
  personPath: personPath ?? defaultPersonPath,
  language: language?.trim() || 'en',
  logo: logo?.url ? logo : null,
  name: name?.trim() || 'Newsroom',
})

/** What the plugin adds to `config.custom`. */
export const siteSettingsCustom = (options?: NewsroomSiteOptions) => ({
  [SITE_SETTINGS_KEY]: resolveSiteSettings(options),
})

/** Route handlers already hold the config, so the settings travel in it rather than in env. */
export const siteSettings = (config: Pick<Config, 'custom'>): SiteSettings =>
  (config.custom?.[SITE_SETTINGS_KEY] as SiteSettings | undefined) ?? resolveSiteSettings()
