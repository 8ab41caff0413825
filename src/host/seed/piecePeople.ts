/**
 * The people the piece quotes and the cases name, as records: one person however many quotes
 * they have. The Board and the former judges' letter speak as bodies, so they are organizations. Titles are those the story prints (with the dates they were held where public
 * record gives them); the quotes keep their own printed copy.
 */
export type PiecePerson = {
  bio?: string
  /** A body that speaks as one (a court, a group of signatories), which readers see as such. */
  isOrganization?: boolean
  kind: 'contributor' | 'source' | 'staff'
  name: string
  positions?: { from?: string; organization?: string; title?: string; to?: string }[]
}

export const piecePeople: PiecePerson[] = [
  {
    bio: 'A Guatemalan woman whose asylum case, Matter of A-R-C-G-, became the 2014 precedent on domestic violence.',
    kind: 'source',
    name: 'Aminta Cifuentes',
  },
  {
    bio: 'Law professor and founding director of the Center for Gender & Refugee Studies; counsel in Matter of Kasinga and for Rody Alvarado in Matter of R-A-.',
    kind: 'source',
    name: 'Karen Musalo',
    positions: [
      {
        organization:
          'Center for Gender & Refugee Studies at the University of California Hastings College of the Law',
        title: 'Director',
      },
    ],
  },
  {
    isOrganization: true,
    kind: 'source',
    name: 'Board of Immigration Appeals',
    positions: [{ organization: 'U.S. Department of Justice' }],
  },
  {
    kind: 'source',
    name: 'Jeff Sessions',
    positions: [
      {
        from: '2017-02-09T12:00:00.000Z',
        organization: 'U.S. Department of Justice',
        title: 'Attorney General',
        to: '2018-11-07T12:00:00.000Z',
      },
    ],
  },
  {
    isOrganization: true,
    kind: 'source',
    name: 'Former immigration judges',
    positions: [
      {
        organization: 'Board of Immigration Appeals (former members)',
        title: 'A group of 15 retired immigration judges and former Board members',
      },
    ],
  },
  { kind: 'source', name: 'Fauziya Kassindja' },
  { kind: 'source', name: 'Rody Alvarado' },
]

/** People named on cases beyond the claimant and counsel the case records type. */
export const pieceCaseJudges: Record<string, string> = {
  'Matter of A-B-': 'Jeff Sessions',
}
