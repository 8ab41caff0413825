import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import config from '@payload-config'
import Link from 'next/link'

import { RSS_PATH } from '../../host/site/feeds/feedPaths'
import { siteSettings } from 'payload-plugin-newsroom'
import './site.css'

export const generateMetadata = async (): Promise<Metadata> => {
  const { name } = siteSettings(await config)
  return {
    // Lets browsers and feed readers find the feed from any page.
    alternates: { types: { 'application/rss+xml': [{ title: name, url: RSS_PATH }] } },
    title: { default: name, template: `%s — ${name}` },
  }
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const { language, name } = siteSettings(await config)
  return (
    <html lang={language}>
      <body>
        <header className="masthead">
          <Link href="/">{name}</Link>
        </header>
        <main>{children}</main>
        <footer className="site-footer">
          <Link href={RSS_PATH}>RSS</Link> · <Link href="/admin">{name} admin</Link>
        </footer>
      </body>
    </html>
  )
}
