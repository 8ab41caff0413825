'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * In the admin's live-preview pane, re-renders the page from the server each time the editor's
 * draft is saved (autosave included), so the preview is the real page, not a client imitation.
 * Speaks the admin's live-preview messages directly: Payload's helper package is not published
 * for this Payload version, and Payload refuses mismatched versions of its packages.
 */
export const LivePreviewListener = () => {
  const router = useRouter()

  useEffect(() => {
    // The admin is served by this same app, so only messages from this origin count.
    const origin = window.location.origin
    const onMessage = (event: MessageEvent) => {
      if (event.origin === origin && event.data?.type === 'payload-document-event') {
        router.refresh()
      }
    }
    window.addEventListener('message', onMessage)
    const admin = window.opener ?? (window.parent !== window ? window.parent : null)
    admin?.postMessage({ type: 'payload-live-preview', ready: true }, origin)
    return () => window.removeEventListener('message', onMessage)
  }, [router])

  return null
}
