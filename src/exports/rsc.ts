// Server components for a host's pages: a story body through Payload's Lexical-to-JSX
// converter with the newsroom's converters, and images with `srcset` and focal point. Safe in
// React Server Components (no client hooks), like @payloadcms/richtext-lexical/react.
export {
  Figcaption,
  NewsroomImage,
  NewsroomRichText,
  newsroomJSXConverters,
} from '../lexical/converters/jsx'
// The admin's server components, addressed in configs as '<package>/rsc#Name'.
export { ReviewQueue } from '../components/ReviewQueue'
export { NewsroomNavLinks } from '../components/budget/NewsroomNavLinks'
export { StoryBudget } from '../components/budget/StoryBudget'
export { StoryCalendar } from '../components/budget/StoryCalendar'
export { UnreadNotifications } from '../components/UnreadNotifications'
