/** Dates as a reader expects them in print, in UTC so every server shows the same time. */
export const showDateTime = (iso: null | string | undefined): null | string =>
  iso
    ? new Date(iso).toLocaleString('en-US', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'UTC',
      }) + ' UTC'
    : null

export const showDate = (iso: null | string | undefined): null | string =>
  iso ? new Date(iso).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' }) : null
