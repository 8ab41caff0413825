import type { Config } from 'payload'

import type { NewsroomCacheOptions } from '../types'

/** The key under `config.custom` where the plugin leaves the cache options for its hooks. */
const CACHE_SETTINGS_KEY = 'newsroomCache'

/** What the plugin adds to `config.custom`. */
export const cacheSettingsCustom = (options?: NewsroomCacheOptions) => ({
  [CACHE_SETTINGS_KEY]: options ?? {},
})

export const cacheSettings = (config: Pick<Config, 'custom'>): NewsroomCacheOptions =>
  (config.custom?.[CACHE_SETTINGS_KEY] as NewsroomCacheOptions | undefined) ?? {}
