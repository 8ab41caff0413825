import type { TFunction } from '@payloadcms/translations'

import type { NewsroomTranslationKeys } from '../../translations/types'

import { Refusal } from './commentsApi'

/** Why an action failed, for the person who tried it: the server's own words when it gave any. */
export const refusalText = (error: unknown, t: TFunction<NewsroomTranslationKeys>): string => {
  if (error instanceof Refusal) {
    return error.serverMessage ?? t('newsroom:commentRefused', { status: error.status })
  }
  // The request never got an answer (offline, the server down): the browser's words.
  return error instanceof Error ? error.message : String(error)
}
