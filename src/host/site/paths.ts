/** Where the site shows one of our stories. */
export const articlePath = (slug: string): string => `/news/${slug}`

/** Where the site shows a case. */
export const casePath = (slug: string): string => `/cases/${slug}`

/** Where the site shows a staff member's or contributor's stories. */
export const authorPath = (slug: string): string => `/authors/${slug}`

/** Where the site shows what a person said and the cases they took part in. */
export const personPath = (slug: string): string => `/people/${slug}`

/** Where the site lists a section's stories. */
export const sectionPath = (slug: string): string => `/sections/${slug}`

/** Where the site lists a topic's stories. */
export const topicPath = (slug: string): string => `/topics/${slug}`
