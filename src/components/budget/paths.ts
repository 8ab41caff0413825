/** Where the newsroom's admin views live, under the admin route. Plain, for the config too. */
export const BUDGET_PATH = '/newsroom/budget'
export const CALENDAR_PATH = '/newsroom/calendar'

/**
 * Payload shows a custom view to anyone who reaches it; these are staff views, so a visitor
 * who is not signed in goes to the login page, and comes back here after.
 */
export const loginAfter = (adminRoute: string, path: string): string => {
  const base = adminRoute === '/' ? '' : adminRoute
  return `${base}/login?redirect=${encodeURIComponent(`${base}${path}`)}`
}
