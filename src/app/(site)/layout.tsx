import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import config from '@payload-config'

import { RSS_PATH } from '../../site/feeds/feedPaths'
import { siteSettings } from '../../site/siteSettings'

export const generateMetadata = async (): Promise<Metadata> => {
  const { name } = siteSettings(await config)
  return {
    // Lets browsers and feed readers find the feed from any page.
    alternates: { types: { 'application/rss+xml': [{ title: name, url: RSS_PATH }] } },
    title: name,
  }
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const { language } = siteSettings(await config)
  return (
    <html lang={language}>
      <body>{children}</body>
    </html>
  )
}
