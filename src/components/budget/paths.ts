/** Where the newsroom's admin views live, under the admin route. Plain, for the config too. */
export const BUDGET_PATH = '/newsroom/budget'
export const CALENDAR_PATH = '/newsroom/calendar'
