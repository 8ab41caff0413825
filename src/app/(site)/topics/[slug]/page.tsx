import { taxonomyMetadata, taxonomyPage } from '../../../../host/site/TaxonomyPage'

export const dynamic = 'force-dynamic'

export const generateMetadata = taxonomyMetadata('topics')

export default taxonomyPage('topics')
