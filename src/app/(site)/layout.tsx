import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import config from '@payload-config'
import { headers } from 'next/headers'
import Link from 'next/link'

import { RSS_PATH } from '../../host/site/feeds/feedPaths'
import { siteMetadata } from '../../host/site/siteMetadata'
import { siteOrigin } from '../../host/site/siteOrigin'
import { siteSettings } from 'payload-plugin-newsroom'
import './site.css'

// Lets browsers and feed readers find the feed from any page, and resolves every URL a page's
// metadata gives (canonical, og:url, og:image) against the site's public origin.
export const generateMetadata = async (): Promise<Metadata> =>
  siteMetadata(siteOrigin((await headers()).get('host')), siteSettings(await config))

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
