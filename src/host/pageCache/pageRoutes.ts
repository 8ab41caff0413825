import {
  ARTICLE_LIST_KEY,
  CASE_LIST_KEY,
  FRONT_PAGE_KEY,
  PEOPLE_LIST_KEY,
  SECTION_LIST_KEY,
} from 'payload-plugin-newsroom/delivery'
import { SLUG_PATTERN } from 'payload-plugin-newsroom'

/** A page the cache may keep, and the keys it shows whatever its render records. */
export type PageRoute = {
  /** Keys of a 404: what would turn it into a page. */
  notFoundKeys: string[]
  /** Whether the page's render must record keys of its own before it may be stored. */
  recordsKeys: boolean
  /** Keys every render of the page shows. */
  staticKeys: string[]
}

/** Every HTML page, its 404s included, lists the sections in its header and footer. */
const htmlPage = (route: PageRoute): PageRoute => ({
  ...route,
  staticKeys: [...route.staticKeys, SECTION_LIST_KEY],
})

// The latest stories, and the editors' lead and slots.
const front = htmlPage({
  notFoundKeys: [],
  recordsKeys: false,
  staticKeys: [ARTICLE_LIST_KEY, FRONT_PAGE_KEY],
})
const story = htmlPage({ notFoundKeys: [ARTICLE_LIST_KEY], recordsKeys: true, staticKeys: [] })
const casePage = htmlPage({ notFoundKeys: [CASE_LIST_KEY], recordsKeys: true, staticKeys: [] })
// A person not yet shown appears with a publish (the article list) or a person's own change.
const personPage = htmlPage({
  notFoundKeys: [ARTICLE_LIST_KEY, PEOPLE_LIST_KEY],
  recordsKeys: true,
  staticKeys: [],
})
const feed: PageRoute = { notFoundKeys: [], recordsKeys: false, staticKeys: [ARTICLE_LIST_KEY] }
// A section's or topic's page and feed: a new or renamed term moves the article list too.
const listing = htmlPage({ notFoundKeys: [ARTICLE_LIST_KEY], recordsKeys: true, staticKeys: [] })
const listingFeed: PageRoute = {
  notFoundKeys: [ARTICLE_LIST_KEY],
  recordsKeys: false,
  staticKeys: [ARTICLE_LIST_KEY],
}
const listingPrefixes = ['/sections/', '/topics/']
const sitemap: PageRoute = {
  notFoundKeys: [ARTICLE_LIST_KEY, CASE_LIST_KEY],
  recordsKeys: false,
  staticKeys: [ARTICLE_LIST_KEY, CASE_LIST_KEY],
}
// Names only the sitemap index, which never changes with content.
const robots: PageRoute = { notFoundKeys: [], recordsKeys: false, staticKeys: [] }

const slugAfter = (path: string, prefix: string): boolean =>
  path.startsWith(prefix) && SLUG_PATTERN.test(path.slice(prefix.length))

/**
 * The anonymous pages of the site: story, front, case, section, topic, person and author pages,
 * the RSS feeds, the sitemaps and robots.txt. Anything else (the admin, the API, preview, Next's
 * assets) is not for this cache.
 */
export const pageRoute = (path: string): null | PageRoute => {
  if (path === '/') {
    return front
  }
  if (slugAfter(path, '/news/')) {
    return story
  }
  if (slugAfter(path, '/cases/')) {
    return casePage
  }
  if (slugAfter(path, '/people/') || slugAfter(path, '/authors/')) {
    return personPage
  }
  if (path === '/feed.xml') {
    return feed
  }
  for (const prefix of listingPrefixes) {
    if (slugAfter(path, prefix)) {
      return listing
    }
    if (path.endsWith('/feed.xml') && slugAfter(path.slice(0, -'/feed.xml'.length), prefix)) {
      return listingFeed
    }
  }
  if (path === '/sitemap.xml' || /^\/sitemaps\/[a-z-]+(?:\/[1-9]\d{0,5})?\.xml$/.test(path)) {
    return sitemap
  }
  if (path === '/robots.txt') {
    return robots
  }
  return null
}
