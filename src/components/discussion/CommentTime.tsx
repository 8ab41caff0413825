'use client'

import { useTranslation } from '@payloadcms/ui'

import type { NewsroomTranslationKeys, NewsroomTranslations } from '../../translations/types'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

// Past a week "12 days ago" says less than the date itself.
const RELATIVE_FOR = 7 * DAY

/**
 * When something happened, as a desk says it ("5 minutes ago", "yesterday"), with the date and
 * time in full on hover; the date itself once it is a week old. `now` comes from the caller,
 * which moves it on every minute (a render that read the clock itself would not be pure).
 */
export const CommentTime = ({ iso, now }: { iso: string; now: number }) => {
  const { i18n, t } = useTranslation<NewsroomTranslations, NewsroomTranslationKeys>()
  const at = new Date(iso)
  const full = at.toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const ago = now - at.getTime()
  let shown = full
  if (ago < MINUTE) {
    shown = t('newsroom:commentJustNow')
  } else if (ago < RELATIVE_FOR) {
    const relative = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' })
    shown =
      ago < HOUR
        ? relative.format(-Math.floor(ago / MINUTE), 'minute')
        : ago < DAY
          ? relative.format(-Math.floor(ago / HOUR), 'hour')
          : relative.format(-Math.floor(ago / DAY), 'day')
  }
  return (
    <time dateTime={iso} title={full}>
      {shown}
    </time>
  )
}
