/**
 * Lens 03, Cross-Cultural Wisdom: which perspectives have been flattened?
 *
 * The lens corrects flattening — cultures measured by coverage counts, every perspective assumed
 * to translate into one universal frame. A full disclosure shows multilingual work measured
 * language by language, shaped by the people whose languages they are, and honest about what
 * does not carry across.
 *
 * Why each indicator matters:
 * - per-language-evaluation: disaggregated quality is the difference between coverage and
 *   service; aggregate counts hide the languages that work worst. Central.
 * - cultural-consultation: speakers, sociolinguists and cultural scholars are who can tell when
 *   meaning has been flattened. Central.
 * - non-anglophone-decentring: naming English- or Western-centric defaults is the first step to
 *   countering them.
 * - untranslatability: acknowledging meaning that does not translate resists the universal-
 *   translatability assumption.
 * - cultural-evaluation: benchmarks written by and for the communities served, not translated
 *   from English ones.
 * - multilingual-investment: real multilingual capability is the floor, and earns the seed's credit.
 * - plural-values: safety and alignment norms that recognise cultures differ in what counts as harm.
 */
import type { LensRubric } from './rubric-types.js';
import { near } from './rubric-patterns.js';
import { languageLookAlikes, namedLanguages, languageWithShare } from './shared-lexicons.js';

export const crossCulturalWisdomRubric: LensRubric = {
  lensId: 'cross-cultural-wisdom',
  indicators: [
    {
      id: 'per-language-evaluation',
      label: 'disaggregated per-language quality',
      gapText: 'Language support is measured by count and coverage, not by disaggregated per-language quality.',
      findingText: 'Reports quality language by language, including where it drops.',
      weight: 3,
      patterns: [
        /per-?language|language-by-language|disaggregated/iu,
        /performance\s+varies\s+(?:considerably\s+|widely\s+|significantly\s+|greatly\s+)?(?:between|across|by)\s+languages/iu,
        /(?:quality|performance|accuracy|results?)\s+(?:in|for|on)\s+[^.;]{1,60}?\s+(?:is|are|was|were)\s+(?:markedly\s+|noticeably\s+|considerably\s+|significantly\s+|much\s+|substantially\s+)?(?:lower|worse|weaker|higher|better)/iu,
        /(?:perform|performs|performed)\s+(?:noticeably\s+|markedly\s+|considerably\s+|much\s+|significantly\s+|substantially\s+)?(?:worse|better)\s+(?:in|on|for)/iu,
      ],
    },
    {
      id: 'cultural-consultation',
      label: 'consultation with speakers and cultural scholars',
      gapText: 'No evidence of consultation with native speakers, cultural scholars or sociolinguists.',
      findingText: 'Shows consultation with native speakers or cultural and linguistic experts during development.',
      weight: 3,
      patterns: [
        near(
          /consult(?:s|ed|ing|ation|ations)?|feedback|input|advice|reviewed\s+by/iu,
          /(?:native|first-language|local)\s+speakers|speakers\s+of|sociolinguists?|anthropologists?|cultural\s+(?:experts?|scholars?|advis[eo]rs?|consultants?)|language\s+communit(?:y|ies)|elders?|(?:language|s[aá]mi|indigenous|community)\s+organi[sz]ations?/iu,
          80,
        ),
        /community\s+feedback\s+sessions?/iu,
        /sociolinguists?|anthropologists?|cultural\s+(?:advis[eo]rs?|scholars?|consultants?)/iu,
      ],
    },
    {
      id: 'non-anglophone-decentring',
      label: 'decentring of English and Western defaults',
      gapText: 'No acknowledgement of English-centric or Western-centric defaults in the models.',
      findingText: 'Names English- or Western-centric defaults and positions the work against them.',
      weight: 2,
      patterns: [
        /(?:english|anglophone|western|us|euro)[-\s]centric/iu,
        // The people and places outside the default, not non-English data filtered out or deferred.
        /non[-\s](?:english|western|anglophone)(?:[-\s]speaking)?\s+(?:countries|communities|cultures|speakers|users|people|perspectives|world|regions|societies|populations|contexts)/iu,
        // Research or data described as done mostly in English, the default named as such.
        /(?:research|work|studies|progress|development|data|datasets|benchmarks|models)\s+(?:\S+\s+){0,8}?(?:mainly|mostly|primarily|predominantly|largely|overwhelmingly)\s+(?:been\s+)?(?:done|conducted|focused|written|available|developed)\s+(?:in|on)\s+english/iu,
        /anglophone/iu,
        /global\s+(?:south|majority)/iu,
        /(?:trained|train)\s+(?:mostly|mainly|primarily|predominantly|largely)\s+on\s+english/iu,
        /(?:other|non-english)\s+languages\s+as\s+an\s+afterthought/iu,
        // The Western or English default named as a problem.
        /(?:white|western|english|anglo)(?:\s+and\s+(?:white|western|english))?\s+(?:cultures?|norms|perspectives?|values|viewpoints?)\s+(?:\S+\s+){0,6}?(?:default|dominant|over-?represented|norm)/iu,
        /(?:cultures?|communities|languages)\s+(?:\S+\s+){0,6}?(?:insufficiently|under-?)\s*(?:represented|accounted\s+for)|(?:under-?represented|insufficiently\s+(?:represented|accounted\s+for))\s+(?:\S+\s+){0,3}?(?:languages|cultures|communities)/iu,
      ],
    },
    {
      id: 'untranslatability',
      label: 'meaning that does not translate across languages and cultures',
      gapText: 'Translation is framed as interchangeable signal; no acknowledgement of culturally specific meaning that does not translate.',
      findingText: 'Acknowledges culturally specific meaning that does not carry over in translation.',
      weight: 2,
      patterns: [
        /untranslatab(?:le|ility)/iu,
        /(?:does|do)\s+not\s+(?:translate|carry\s+over)/iu,
        /lost\s+in\s+translation/iu,
        /cannot\s+be\s+(?:directly\s+|fully\s+|simply\s+)?translated/iu,
        /culturally\s+(?:specific|situated|embedded)\s+(?:meaning|meanings|concepts?|knowledge|reasoning)/iu,
        /incommensurab(?:le|ility)/iu,
        /idioms?|honorifics?|kinship\s+terms?/iu,
      ],
    },
    {
      id: 'cultural-evaluation',
      label: 'evaluation grounded in the cultures served',
      gapText: 'No culturally grounded evaluation built with or by the communities served.',
      findingText: 'Evaluates with culturally grounded benchmarks or native-speaker raters.',
      weight: 2,
      patterns: [
        /culturally\s+(?:grounded|relevant|specific|appropriate|aware)\s+(?:benchmarks?|evaluations?|tests?|test\s+sets?)/iu,
        /native[-\s]speaker\s+(?:evaluat[a-z]*|raters?|annotators?|review(?:ers)?)/iu,
        /(?:benchmarks?|evaluation\s+sets?|test\s+sets?)\s+(?:(?:were|was|are|is|have\s+been|has\s+been)\s+)?(?:built|written|created|designed|curated)\s+(?:by|with)\s+(?:native\s+)?speakers/iu,
        /(?:native|fluent)\s+speakers\s+(?:rated|evaluated|judged|reviewed)/iu,
        // Tasks or benchmarks in a named language, or evaluation across many languages.
        new RegExp(`(?:${namedLanguages.source})\\s+(?:\\S+\\s+)?(?:tasks|benchmarks?|evaluations?|test\\s+sets?|exams?)`, 'iu'),
        /(?:evaluat\w+|benchmark\w*|tested)\s+(?:\S+\s+){0,4}?(?:in|on|across)\s+(?:\d+|multiple|several|many)\s+languages/iu,
        // A benchmark's language edition, named by its language code ("SocialStigmaQA-JA", "MMLU-KO").
        /\b[A-Z][A-Za-z0-9]*(?:QA|Bench|MMLU|GLUE|Eval|EVAL|Test)[-_](?:JA|KO|ZH|AR|HI|BN|ID|TH|VI|SW|YO|FR|DE|ES|PT|RU|TR|FA|UR|TA|TE|AM|HA|IG|ZU)\b/u,
        // Benchmarks written in and for one language or culture, not translated from English ones.
        /\b(?:JGLUE|JMMLU|KoBEST|KMMLU|CLUE|CMMLU|C-Eval|ArabicMMLU|IndoMMLU|AfriMMLU|AfriQA|IrokoBench|Global-MMLU|BLEnD|CulturalBench|SeaEval)\b/u,
      ],
    },
    {
      id: 'multilingual-investment',
      label: 'substantive multilingual capability',
      gapText: 'No evidence of multilingual capability beyond a dominant language.',
      findingText: 'Invests in multilingual capability: supported languages, translation or tokenisation for non-English text.',
      weight: 1,
      patterns: [
        /multilingual(?:ity|ism)?/iu,
        /languages?\s+other\s+than\s+english|non[-\s]english\s+languages?/iu,
        /(?:\d[\d,]*\+?|hundreds\s+of|dozens\s+of)\s+(?:supported\s+)?(?:languages|dialects)/iu,
        /translation\s+(?:model|models|system|systems|quality|into|between|across)/iu,
        near(/tokeni[sz]er/iu, /languages?|text/iu, 60),
        /non[-\s]english\s+(?:language\s+)?models?/iu,
        languageWithShare,
      ],
      exclusions: [languageLookAlikes, /(?:programming|coding)\s+languages?|top\s+\d+\s+languages/iu],
    },
    {
      id: 'plural-values',
      label: 'different cultural values in safety and alignment',
      gapText: 'Safety and alignment are framed with one universal value set; no account of how norms differ across cultures.',
      findingText: 'Recognises that values and harms differ across cultures and adapts its policies accordingly.',
      weight: 1,
      patterns: [
        /(?:value|moral|ethical)\s+pluralism|pluralistic/iu,
        /(?:different|differing|diverse|local)\s+(?:cultural\s+)?(?:values|norms|sensibilities)/iu,
        /cultural\s+(?:differences|norms|values|contexts?)/iu,
        /locali[sz]ed\s+(?:safety|policies|guidelines|moderation)/iu,
        /(?:region|culture|country)[-\s]specific\s+(?:policies|guidelines|safety|norms)/iu,
      ],
    },
  ],
  retrievalQueries: [
    'languages supported and multilingual capability',
    'performance and quality differences between languages',
    'consultation with native speakers linguists and cultural experts',
    'English-centric defaults and non-Western perspectives',
    'culturally specific meaning and the limits of translation',
    'cultural values and norms in safety policies',
  ],
};
