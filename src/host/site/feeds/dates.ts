/** RSS 2.0's date format (RFC 822, four-digit year): `Tue, 12 Jun 2018 12:00:00 GMT`. */
export const rfc822Date = (date: Date | string): string => new Date(date).toUTCString()

/** The W3C datetime sitemaps use: `2018-06-12T12:00:00.000Z`. */
export const w3cDate = (date: Date | string): string => new Date(date).toISOString()
