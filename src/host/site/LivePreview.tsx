'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

/**
 * In the admin's live-preview pane, re-renders the page from the server each time the editor's
 * draft is saved (autosave included), with Payload's own live-preview helper: the preview is
 * the real page, not a client imitation.
 */
export const LivePreview = () => {
  const router = useRouter()
  const refresh = useCallback(() => router.refresh(), [router])
  // The admin is served by this same app: only its messages, from this page's own origin,
  // count (known once in the browser; SERVER_URL may name a proxy's origin instead).
  const [origin, setOrigin] = useState<null | string>(null)
  useEffect(() => setOrigin(window.location.origin), [])
  return origin ? <RefreshRouteOnSave refresh={refresh} serverURL={origin} /> : null
}
