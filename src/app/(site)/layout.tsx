import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import Link from 'next/link'

import './site.css'

export const metadata: Metadata = {
  title: { default: 'Newsroom', template: '%s — Newsroom' },
}

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="masthead">
          <Link href="/">Newsroom</Link>
        </header>
        <main>{children}</main>
        <footer className="site-footer">
          <Link href="/admin">Newsroom admin</Link>
        </footer>
      </body>
    </html>
  )
}
