/**
 * Lens 01, Indigenous Knowledge: whose knowledge is missing?
 *
 * The lens corrects extraction — languages, texts and speech treated as inputs to collect rather
 * than as communities with custodians, consent and sovereignty. A full disclosure says whose
 * language data was used, on what terms, with whom, and what flows back.
 *
 * Why each indicator matters:
 * - community-consent: without consultation and consent, corpus building is taking, whatever the
 *   licence of the web page it was scraped from. Central.
 * - data-sovereignty: the CARE principles and Indigenous data governance are the recognised
 *   standard; naming them shows the lab knows communities hold authority over their data. Central.
 * - named-community-partnerships: a partnership with a named community or its organisation can be
 *   checked; "the community" in general cannot.
 * - benefit-sharing: the test of whether a language is a market or a relationship.
 * - attribution: crediting speakers, authors and contributors keeps their knowledge theirs.
 * - language-coverage: naming Indigenous and minority languages (not a headline count) is the
 *   precondition for any of the above, and the seed's one point of genuine credit.
 * - oral-knowledge: much Indigenous knowledge is oral or relational; a text-only lab should say
 *   what its corpora cannot hold.
 */
import type { LensRubric } from './rubric-types.js';
import { near } from './rubric-patterns.js';
import { communityOrganisations, languageCommunities, languageLookAlikes, marginalisedLanguages, namedIndigenousLanguages, languageWithShare } from './shared-lexicons.js';

export const indigenousKnowledgeRubric: LensRubric = {
  lensId: 'indigenous-knowledge',
  indicators: [
    {
      id: 'community-consent',
      label: 'consultation with and consent from the language communities whose data is used',
      gapText: 'No consultation or consent process for the language communities whose text and speech are collected into training corpora.',
      findingText: 'States that the language communities whose text or speech is used were consulted or gave consent.',
      weight: 3,
      patterns: [
        /free,?\s+prior,?\s+(?:and\s+)?informed\s+consent/iu,
        near(/consent(?:ed|s)?|permission/iu, languageCommunities, 100),
        near(/consult(?:s|ed|ing|ation|ations)?/iu, languageCommunities, 60),
      ],
    },
    {
      id: 'data-sovereignty',
      label: 'Indigenous data sovereignty and the CARE principles',
      gapText: 'No mention of Indigenous data sovereignty or the CARE Principles for Indigenous Data Governance.',
      findingText: 'Recognises Indigenous data sovereignty: the communities data is drawn from keep authority over it.',
      weight: 3,
      patterns: [
        'data sovereignty',
        /care\s+principles/iu,
        /indigenous\s+data\s+(?:governance|rights|stewardship)/iu,
        /ocap/iu,
        /communit(?:y|ies)\s+(?:retain|retains|keep|keeps|own|owns|control|controls|govern|governs)\s+(?:their|its|the)\s+(?:own\s+)?(?:data|recordings|texts?|knowledge|language\s+data)/iu,
        /belongs?\s+to\s+the\s+communit(?:y|ies)/iu,
        near(/(?:retain|retains|keep|keeps|have|has|hold|holds)\s+(?:full\s+|final\s+)?(?:control|ownership|authority)\s+over/iu, languageCommunities, 60),
        /data\s+(?:stewardship|custodianship)\s+agreements?/iu,
      ],
    },
    {
      id: 'named-community-partnerships',
      label: 'partnerships with named Indigenous or language communities',
      gapText: 'No partnership with a named Indigenous or language community, or with an organisation that speaks for one.',
      findingText: 'Names partnerships with specific language communities or the organisations that represent them.',
      weight: 2,
      patterns: [
        near(/partner(?:s|ship|ships|ed|ing)?|co-?(?:developed|designed|created|led)|collaborat(?:e|es|ed|ing|ion|ions)/iu, communityOrganisations, 80),
        /partner\s+organi[sz]ations?\s+(?:in|from)/iu,
      ],
    },
    {
      id: 'benefit-sharing',
      label: 'benefit sharing with the communities whose languages are used',
      gapText: 'No benefit-sharing arrangement with the language communities whose text is scraped into training corpora.',
      findingText: 'Describes how benefits flow back to the communities whose languages the models use.',
      weight: 2,
      patterns: [
        'benefit-sharing',
        /revenue[-\s]shar(?:e|es|ing)/iu,
        near(/shar(?:e|es|ed|ing)\s+(?:the\s+)?(?:benefits|revenue|profits|proceeds)/iu, languageCommunities, 100),
        near(/royalt(?:y|ies)|compensat(?:e|es|ed|ing|ion)/iu, languageCommunities, 80),
        near(/benefit(?:s|ed|ing)?\s+from/iu, languageCommunities, 60),
        near(/share\s+of\s+(?:the\s+|our\s+)?(?:api\s+)?(?:revenue|revenues|proceeds|profits|income)/iu, communityOrganisations, 120),
      ],
    },
    {
      id: 'attribution',
      label: 'attribution and credit for the people whose knowledge is used',
      gapText: 'No attribution or credit for the speakers, authors and communities whose knowledge the corpora draw on.',
      findingText: 'Credits the contributors, authors or communities whose language data it uses.',
      weight: 1,
      patterns: [
        near(
          /credit(?:s|ed|ing)?|attribut(?:e|es|ed|ing|ion)|acknowledg(?:e|es|ed|ing|ement|ements)/iu,
          /authors?|contributors?|speakers|communit(?:y|ies)|elders?|volunteers|transcribers?|translators?/iu,
          60,
        ),
        // The data a corpus is built from, credited by name and link: "seed samples from [UltraChat](…)".
        /(?:samples?|data|datasets?|corpus|corpora|texts|seeds?|conversations)\s+(?:\S+\s+){0,3}?(?:from|drawn\s+from|sourced\s+from|taken\s+from|collected\s+from|based\s+on)\s+\[[^\]]+\]\([^)\s]+\)/iu,
      ],
    },
    {
      id: 'language-coverage',
      label: 'coverage of Indigenous and minority languages',
      gapText: 'No data on which Indigenous or minority languages are covered, or how well: only an aggregate language count.',
      findingText: 'Names the Indigenous and minority languages it covers, beyond an aggregate language count.',
      weight: 1,
      // A list of named languages with their shares ("Swahili: 0.02%") states coverage language by
      // language, which is what an aggregate count hides.
      patterns: [namedIndigenousLanguages, marginalisedLanguages, /fewer\s+than\s+(?:a|one)\s+million\s+speakers/iu, languageWithShare],
      exclusions: [languageLookAlikes],
    },
    {
      id: 'oral-knowledge',
      label: 'oral and non-textual knowledge',
      gapText: 'No acknowledgement of oral or non-textual knowledge, or of what text corpora cannot hold.',
      findingText: 'Acknowledges oral, non-textual or traditional knowledge that text corpora do not capture.',
      weight: 1,
      patterns: [
        /oral\s+(?:traditions?|histor(?:y|ies)|knowledge|cultures?|literature|storytelling)/iu,
        /non-?textual|unwritten|rarely\s+written/iu,
        /traditional\s+(?:knowledge|ecological\s+knowledge|stories)/iu,
        /indigenous\s+knowledge(?:\s+systems?)?/iu,
        /knowledge\s+(?:keepers?|holders?)/iu,
      ],
    },
  ],
  retrievalQueries: [
    'Indigenous and minority languages the models support',
    'consent and consultation of language communities about their data',
    'data sovereignty and community control over language data',
    'partnerships with Indigenous communities and language organisations',
    'sharing benefits with the communities whose languages are used',
    'credit and attribution for contributors of language data',
    'oral traditions and knowledge that is not written down',
  ],
};
