import { taxonomyMetadata, taxonomyPage } from '../../../../host/site/TaxonomyPage'

export const dynamic = 'force-dynamic'

export const generateMetadata = taxonomyMetadata('sections')

export default taxonomyPage('sections')
