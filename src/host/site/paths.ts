/** Where the site shows one of our stories. */
export const articlePath = (slug: string): string => `/news/${slug}`

/** Where the site shows a case. */
export const casePath = (slug: string): string => `/cases/${slug}`
