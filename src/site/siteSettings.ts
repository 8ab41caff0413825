import type { Config } from 'payload'

import type { NewsroomSiteOptions } from '../types'

export type SiteSettings = Required<NewsroomSiteOptions>

/** The key under `config.custom` where the plugin leaves the settings for the site's routes. */
const SITE_SETTINGS_KEY = 'newsroomSite'

export const resolveSiteSettings = ({
  language,
  name,
}: NewsroomSiteOptions = {}): SiteSettings => ({
  language: language?.trim() || 'en',
  name: name?.trim() || 'Newsroom',
})

/** What the plugin adds to `config.custom`. */
export const siteSettingsCustom = (options?: NewsroomSiteOptions) => ({
  [SITE_SETTINGS_KEY]: resolveSiteSettings(options),
})

/** Route handlers already hold the config, so the settings travel in it rather than in env. */
export const siteSettings = (config: Pick<Config, 'custom'>): SiteSettings =>
  (config.custom?.[SITE_SETTINGS_KEY] as SiteSettings | undefined) ?? resolveSiteSettings()
