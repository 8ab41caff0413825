import Link from 'next/link'

export default function NotFound() {
  return (
    <section className="not-found">
      <h1>Page not found</h1>
      <p>
        This story may have been moved or unpublished. <Link href="/">See the latest stories</Link>.
      </p>
    </section>
  )
}
