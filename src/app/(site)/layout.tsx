import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import config from '@payload-config'
import { headers } from 'next/headers'
import Link from 'next/link'
import { getPayload } from 'payload'

import { RSS_PATH } from '../../host/site/feeds/feedPaths'
import { navigationSections } from '../../host/site/navigationSections'
import { sectionPath } from '../../host/site/paths'
import { siteMetadata } from '../../host/site/siteMetadata'
import { siteOrigin } from '../../host/site/siteOrigin'
import { siteSettings } from 'payload-plugin-newsroom'
import './site.css'

// Lets browsers and feed readers find the feed from any page, and resolves every URL a page's
// metadata gives (canonical, og:url, og:image) against the site's public origin.
export const generateMetadata = async (): Promise<Metadata> =>
  siteMetadata(siteOrigin((await headers()).get('host')), siteSettings(await config))

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const resolved = await config
  const { language, name } = siteSettings(resolved)
  const sections = await navigationSections(await getPayload({ config: resolved }))
  const sectionLinks = sections.map((section) => (
    <li key={section.slug}>
      <Link href={sectionPath(section.slug)}>{section.name}</Link>
    </li>
  ))
  return (
    <html lang={language}>
      <body>
        {/* Keyboard and screen-reader users go past the header to the story. */}
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <header className="masthead">
          <Link className="site-name" href="/">
            {name}
          </Link>
          {sectionLinks.length > 0 ? (
            <nav aria-label="Sections" className="site-nav">
              <ul>{sectionLinks}</ul>
            </nav>
          ) : null}
          <form
            action="/search"
            aria-label="Site search"
            className="site-search"
            method="get"
            role="search"
          >
            <label className="visually-hidden" htmlFor="site-search-q">
              Search our stories
            </label>
            <input id="site-search-q" maxLength={200} name="q" placeholder="Search" type="search" />
            <button type="submit">Search</button>
          </form>
        </header>
        <main id="content" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          {sectionLinks.length > 0 ? (
            <nav aria-label="Footer sections" className="footer-nav">
              <ul>{sectionLinks}</ul>
            </nav>
          ) : null}
          <p>
            <Link href={RSS_PATH}>RSS</Link> · <Link href="/search">Search</Link> ·{' '}
            <Link href="/admin">{name} admin</Link>
          </p>
        </footer>
      </body>
    </html>
  )
}
