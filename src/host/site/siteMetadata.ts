import type { Metadata } from 'next'
import type { SiteSettings } from 'payload-plugin-newsroom'

import { rssAlternate } from './articleMetadata'

/**
 * What every page starts from: absolute URLs resolved against the site's origin (SERVER_URL, or
 * the request's own), the feed link, the site's name in every title, and website cards.
 */
export const siteMetadata = (origin: string, { name }: Pick<SiteSettings, 'name'>): Metadata => ({
  alternates: { types: rssAlternate(name) },
  metadataBase: new URL(`${origin}/`),
  openGraph: { siteName: name, type: 'website' },
  title: { default: name, template: `%s — ${name}` },
  twitter: { card: 'summary' },
})

/** The front page: the site itself, at its canonical address. */
export const frontPageMetadata = (
  origin: string,
  { name }: Pick<SiteSettings, 'name'>,
): Metadata => ({
  alternates: { canonical: `${origin}/`, types: rssAlternate(name) },
  description: `The latest stories from ${name}.`,
  openGraph: {
    description: `The latest stories from ${name}.`,
    siteName: name,
    title: name,
    type: 'website',
    url: `${origin}/`,
  },
  twitter: { card: 'summary', description: `The latest stories from ${name}.`, title: name },
})
