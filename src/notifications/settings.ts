import type { Config } from 'payload'

import type { NewsroomNotificationsOptions } from '../types'

const NOTIFICATION_SETTINGS_KEY = 'newsroomNotifications'

export type NotificationSettings = { email: boolean; enabled: boolean }

export const resolveNotificationSettings = (
  options: false | NewsroomNotificationsOptions | undefined,
): NotificationSettings =>
  options === false
    ? { email: false, enabled: false }
    : { email: options?.email !== false, enabled: true }

export const notificationSettingsCustom = (
  options: false | NewsroomNotificationsOptions | undefined,
) => ({ [NOTIFICATION_SETTINGS_KEY]: resolveNotificationSettings(options) })

/** Hooks hold the config, so the settings travel in it. */
export const notificationSettings = (config: Pick<Config, 'custom'>): NotificationSettings =>
  (config.custom?.[NOTIFICATION_SETTINGS_KEY] as NotificationSettings | undefined) ??
  resolveNotificationSettings(undefined)
