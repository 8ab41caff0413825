/**
 * What the piece's text says about its people and cases, as structured records. Quote texts are
 * the words inside the quotation marks, exactly as printed; case citations and dates come from
 * the published precedent decisions.
 */

export const pieceArticle = {
  dek: 'Attorney General Jeff Sessions reversed Matter of A-R-C-G-, the 2014 ruling that let women fleeing domestic violence seek asylum. Critics, including former immigration judges, say it undoes decades of legal progress.',
  headline: 'Sessions overturns asylum precedent for women fleeing domestic violence',
  publishedAt: '2018-06-12T12:00:00.000Z',
  section: 'National',
  topics: ['Immigration', 'Asylum', 'Domestic violence', 'Justice Department'],
}

const musalo = {
  name: 'Karen Musalo',
  organization:
    'Center for Gender & Refugee Studies at the University of California Hastings College of the Law',
  title: 'Director',
}

const sessions = {
  name: 'Jeff Sessions',
  organization: 'U.S. Department of Justice',
  title: 'Attorney General',
}

const formerJudges = {
  name: 'Former immigration judges',
  organization: 'Board of Immigration Appeals (former members)',
  title: 'A group of 15 retired immigration judges and former Board members',
}

type Medium = 'interview' | 'letter' | 'statement' | 'told-another-outlet' | 'written-decision'
type VerificationStatus = 'disputed' | 'unverified' | 'verified'

export type PieceQuote = {
  medium: Medium
  notes?: string
  sourceOutlet?: string
  speaker: { name: string; organization?: string; title?: string }
  status: VerificationStatus
  text: string
}

export const pieceQuotes: PieceQuote[] = [
  {
    medium: 'told-another-outlet',
    notes: 'Attributed to The Arizona Republic; not re-interviewed by us.',
    sourceOutlet: 'The Arizona Republic',
    speaker: { name: 'Aminta Cifuentes' },
    status: 'unverified',
    text: 'If I had stayed there, he would have killed me',
  },
  {
    medium: 'interview',
    speaker: musalo,
    status: 'verified',
    text: 'basically throws us back to the Dark Ages, when we didn’t recognize that women’s rights were human rights.',
  },
  {
    medium: 'interview',
    speaker: musalo,
    status: 'verified',
    text: 'If we say in the year 2018 that a woman has been beaten almost to death in a country that accepts that as almost the norm, and that we as a civilized society can deny her protection and send her to her death?',
  },
  {
    medium: 'interview',
    speaker: musalo,
    status: 'verified',
    text: 'I don’t see this as just an immigration issue … I see this as a women’s rights issue.',
  },
  {
    medium: 'written-decision',
    notes: 'From Matter of A-R-C-G-, 26 I&N Dec. 388 (BIA 2014).',
    speaker: { name: 'Board of Immigration Appeals', organization: 'U.S. Department of Justice' },
    status: 'verified',
    text: 'machismo and family violence.',
  },
  {
    medium: 'written-decision',
    notes: 'From Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018).',
    speaker: sessions,
    status: 'verified',
    text: 'The prototypical refugee flees her home country because the government has persecuted her',
  },
  {
    medium: 'written-decision',
    notes: 'From Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018).',
    speaker: sessions,
    status: 'verified',
    text: 'An alien may suffer threats and violence in a foreign country for any number of reasons relating to her social, economic, family, or other personal circumstances. Yet the asylum statute does not provide redress for all misfortune.',
  },
  {
    medium: 'letter',
    speaker: formerJudges,
    status: 'verified',
    text: 'affront to the rule of law.',
  },
  {
    medium: 'letter',
    speaker: formerJudges,
    status: 'verified',
    text: 'For reasons understood only by himself, the Attorney General today erased an important legal development that was universally agreed to be correct',
  },
  {
    medium: 'interview',
    speaker: musalo,
    status: 'verified',
    text: 'I actually thought that finally we had made some progress',
  },
  {
    medium: 'interview',
    speaker: musalo,
    status: 'verified',
    text: 'We’ve gone too far in society with the #MeToo movement and all of the other advances in women’s rights to accept this principle',
  },
  {
    medium: 'interview',
    speaker: musalo,
    status: 'verified',
    text: 'It shows that there are these deeply entrenched attitudes toward gender and gender equality',
  },
  {
    medium: 'interview',
    speaker: musalo,
    status: 'verified',
    text: 'There are always those forces that are sort of the dying gasp of wanting to hold on to the way things were.',
  },
]

export type PieceCase = {
  caption: string
  citation: string
  claimant?: string
  counsel?: string
  country: string
  decidedAt: string
  decidedBy: string
  holding: string
  issue: string
  /** Captions of earlier cases this one builds on. */
  follows?: string[]
  /** Captions of the cases this one overrules. */
  overrules?: string[]
  /** The words the story uses for the case, cited where they first appear. */
  mentionedAs?: string
  slug: string
  status: 'good-law' | 'overruled' | 'vacated'
  /** The status stands as set, whatever overrules the case. */
  statusSetByEditor?: boolean
  statusNote?: string
}

export const pieceCases: PieceCase[] = [
  {
    caption: 'Matter of Kasinga',
    citation: '21 I&N Dec. 357 (BIA 1996)',
    claimant: 'Fauziya Kassindja',
    counsel: 'Karen Musalo',
    country: 'Togo',
    decidedAt: '1996-06-13T12:00:00.000Z',
    decidedBy: 'Board of Immigration Appeals',
    holding:
      'Fear of female genital cutting can be the basis for asylum: the first recognition that women fleeing gender-based persecution may qualify.',
    issue: 'Gender-based persecution',
    mentionedAs: 'Matter of Kasinga',
    slug: 'matter-of-kasinga',
    status: 'good-law',
  },
  {
    caption: 'Matter of R-A-',
    citation: '22 I&N Dec. 906 (BIA 1999; A.G. 2001)',
    claimant: 'Rody Alvarado',
    counsel: 'Karen Musalo',
    country: 'Guatemala',
    decidedAt: '1999-06-11T12:00:00.000Z',
    decidedBy: 'Board of Immigration Appeals',
    holding:
      'The Board denied asylum to a Guatemalan woman fleeing extreme spousal abuse. Attorney General Janet Reno vacated the decision in 2001, and Alvarado was granted asylum in 2009.',
    follows: ['Matter of Kasinga'],
    issue: 'Domestic violence as a basis for asylum',
    slug: 'matter-of-r-a',
    status: 'vacated',
    statusNote: 'Vacated by the Attorney General in 2001.',
  },
  {
    caption: 'Matter of A-R-C-G-',
    citation: '26 I&N Dec. 388 (BIA 2014)',
    claimant: 'Aminta Cifuentes',
    country: 'Guatemala',
    decidedAt: '2014-08-26T12:00:00.000Z',
    decidedBy: 'Board of Immigration Appeals',
    holding:
      '"Married women in Guatemala who are unable to leave their relationship" can be a particular social group: the Board’s first precedent that domestic violence can ground an asylum claim.',
    follows: ['Matter of Kasinga', 'Matter of R-A-'],
    issue: 'Domestic violence; particular social group',
    // As printed: the story drops the caption's closing hyphen before its full stop.
    mentionedAs: 'Matter of A-R-C-G',
    slug: 'matter-of-a-r-c-g',
    status: 'overruled',
    statusNote: 'Overruled by Matter of A-B- (A.G. 2018).',
  },
  {
    caption: 'Matter of A-B-',
    citation: '27 I&N Dec. 316 (A.G. 2018)',
    country: 'El Salvador',
    decidedAt: '2018-06-11T12:00:00.000Z',
    decidedBy: 'Attorney General',
    holding:
      'Overruled Matter of A-R-C-G-: claims based on domestic abuse or gang violence by private actors will generally not qualify for asylum.',
    issue: 'Domestic and gang violence; particular social group',
    overrules: ['Matter of A-R-C-G-'],
    slug: 'matter-of-a-b',
    status: 'vacated',
    statusSetByEditor: true,
    statusNote: 'Vacated by the Attorney General in Matter of A-B-, 28 I&N Dec. 307 (A.G. 2021).',
  },
]

/**
 * The piece prints headlines and deks only. The outlet and dates come from the stories
 * themselves; where the story's own address was not found, the link searches the outlet for the
 * headline, so it still reaches the story.
 */
export const pieceRelatedLinks: { outlet: string; publishedAt?: string; url: string }[] = [
  {
    outlet: 'The Washington Post',
    publishedAt: '2019-01-17T12:00:00.000Z',
    url: 'https://www.washingtonpost.com/search/?query=President%20Trump%20claims%20migrant%20women%20are%20being%20taped%20up%20at%20the%20border',
  },
  {
    outlet: 'The Washington Post',
    url: 'https://www.washingtonpost.com/search/?query=Federal%20judge%20halts%20deportation%20of%20a%20woman%20who%20won%20a%20lawsuit%20over%20her%20immigration%20arrest',
  },
  {
    outlet: 'The Washington Post',
    publishedAt: '2019-01-15T12:00:00.000Z',
    url: 'https://www.washingtonpost.com/world/2019/01/15/teen-who-fled-saudi-arabia-new-life-canada-starts-with-new-name/',
  },
]

/**
 * The piece as printed has no pull quote; the site shows one, as an editor would set it: Musalo's
 * line on the Dark Ages, after the paragraph where she speaks at length.
 */
export const piecePullQuote = {
  afterParagraphContaining: 'I see this as a women’s rights issue.”',
  quoteStartsWith: 'basically throws us back to the Dark Ages',
}
