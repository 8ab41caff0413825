// The admin's client components, addressed in configs as '<package>/client#Name'.
export { ArticlePublishButton } from '../components/ArticlePublishButton'
export { EmbargoCell } from '../components/EmbargoCell'
export { EmbargoState } from '../components/EmbargoState'
export { CaseCitationLabel } from '../components/CaseCitationLabel'
export { EditorialDiscussion } from '../components/discussion/EditorialDiscussion'
export { PullQuoteLabel } from '../components/PullQuoteLabel'
export { QuoteChecks } from '../components/QuoteChecks'
export { RelatedSuggestions } from '../components/RelatedSuggestions'
