'use client'

import { useEffect, useState } from 'react'

/** The time, moved on every `everyMs`: "5 minutes ago" does not stay true while a page is open. */
export const useNow = (everyMs = 60_000): number => {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
