/**
 * Lens 07, Marginalised Voices: who is not at the table?
 *
 * The lens corrects exclusion — affected communities positioned as downstream users rather than
 * participants with representation, access and recourse. A full disclosure assesses impact on the
 * groups most exposed, tells the truth about the workers behind the data, and gives affected
 * people a say, a way in and a way to complain.
 *
 * Why each indicator matters:
 * - affected-groups: impacts on marginalised groups (bias, stereotypes, disparate performance)
 *   are the lens's core question. Central.
 * - worker-conditions: annotators and labellers are the least visible people at the table; their
 *   pay and conditions are rarely disclosed. Central.
 * - participatory-design: access is not voice; co-design is. Central.
 * - accessibility: disabled people are routinely left out of "everyone".
 * - redress: a channel to complain or appeal is the minimum of recourse.
 * - access-for-low-resource: open weights and free access redistribute who can use the models
 *   (the seed's "real structural good").
 * - compensated-participation: unpaid community labour is extraction in a friendlier register.
 * - language-speakers-served: speakers of minority languages named among those served.
 */
import type { LensRubric } from './rubric-types.js';
import { near } from './rubric-patterns.js';
import { languageLookAlikes, marginalisedLanguages, openWeights, othersModels } from './shared-lexicons.js';

export const marginalisedVoicesRubric: LensRubric = {
  lensId: 'marginalised-voices',
  indicators: [
    {
      id: 'affected-groups',
      label: 'an assessment of impacts on marginalised and affected groups',
      gapText: 'No assessment of impacts on the marginalised groups most exposed to the system.',
      findingText: 'Assesses how the system affects marginalised or vulnerable groups: bias, stereotypes, disparate performance.',
      weight: 3,
      patterns: [
        /(?:impacts?|harms?|effects?)\s+on\s+(?:marginali[sz]ed|vulnerable|affected|minority|minoriti[sz]ed|low-income|disabled|racial|ethnic|indigenous)/iu,
        /(?:bias|biases|discrimination)\s+against/iu,
        /stereotyp(?:e|es|ed|ing|ical)/iu,
        /(?:fairness|bias)\s+(?:evaluations?|audits?|testing|tests|assessments?|metrics|benchmarks?|analys[ie]s)/iu,
        /disparate\s+(?:impact|performance|outcomes)/iu,
        /impact\s+assessments?/iu,
        /(?:demographic|group)\s+(?:bias|biases|disparities|performance)/iu,
        /(?:social|gender(?:ed)?|racial|cultural)\s+(?:bias|biases|stigma)(?:\s+(?:evaluations?|evals|benchmarks?|case\s+stud(?:y|ies)))?|bias[-\s]evals?|(?:gender|pronoun)[-\s](?:intervened|swapped|bias)/iu,
        /(?:mirror|mirrors|reinforce|reinforces|exacerbate|exacerbates|amplify|amplifies)\s+(?:and\s+\w+\s+)?(?:\S+\s+){0,2}?biases/iu,
        /(?:cultures?|groups?|people)\s+(?:are|is)\s+(?:often\s+)?(?:set\s+as\s+the\s+default|under-?represented|over-?represented)/iu,
        // Stigma is what marginalised groups bear: benchmarks named for it ("SocialStigmaQA") and
        // stigmatised groups or conditions are an assessment of how the model treats them.
        // Disparate performance said in plain words: "works less well for speakers of other
        // languages", "will not work as well on darker skin tones".
        /(?:(?:does|do|will)\s+not\s+(?:work|perform)\s+as\s+well|(?:works?|performs?|performed|performance\s+is|accuracy\s+is)\s+(?:\S+\s+)?(?:worse|poorly|less\s+well|lower|degraded))\s+(?:\S+\s+){0,3}?(?:on|for|with|in|across)\s+(?:\S+\s+){0,3}?(?:non-english|other\s+languages|dialects?|accents?|women|girls|black|darker|skin\s+tones?|minorit\w+|older\s+(?:people|adults)|elderly|children|low-resource|non-western|communities|cultures|ethnic\w*|racial\w*|genders?)/iu,
        /social[-\s]?stigma\w*|stigmati[sz]ed\s+(?:groups?|communities|identities|conditions|people|populations)/iu,
      ],
      exclusions: [
        // Prohibited uses list harms a user might cause; they are not an assessment of who the model harms.
        /(?:promot|propagat|generat|creat|spread)\w*\s+(?:\S+\s+){0,6}?stereotyp\w*/iu,
        // "Social bias" as one label among a classifier's harm categories, or as what a detector flags.
        /(?:harm|profanity|violence|sexual\s+content|jailbreak\w*|toxicity|hate(?:\s+speech)?|unethical\s+behaviou?r)\s*,\s*(?:\S+\s+){0,2}?social\s+bias|social\s+bias\s*,\s*(?:\S+\s+){0,2}?(?:profanity|violence|sexual|jailbreak\w*|toxicity|hate)/iu,
        /(?:detect|flag|classif|label)\w*\s+(?:\S+\s+){0,4}?(?:social\s+|gender\s+|racial\s+)?bias(?:es)?\b/iu,
        // A content warning on data is not an assessment of who the model harms.
        /(?:data|dataset|content|text|examples)\s+(?:\S+\s+){0,3}?(?:contains?|includes?)\s+(?:\S+\s+){0,4}?(?:biases|stereotypes)(?:,?\s+(?:and|or)\s+(?:\S+\s+)?(?:biases|stereotypes))?/iu,
      ],
    },
    {
      id: 'worker-conditions',
      label: 'the pay and conditions of annotators and data workers',
      gapText: 'No disclosure of who labels the data or on what pay and conditions.',
      findingText: 'Discloses the pay or working conditions of the annotators and data workers behind the models.',
      weight: 3,
      patterns: [
        near(
          /annotators?|annotation\s+work(?:ers)?|labell?ers?|raters?|data\s+workers?|crowd\s?workers?|contractors?|moderators?/iu,
          /paid|pay|wages?|living\s+wage|hourly|per[-\s]task|working\s+conditions|benefits|union[a-z]*|employment\s+terms/iu,
          60,
        ),
        /(?:annotator|labell?er|rater|worker|contractor|moderator)s?['’]?\s+(?:pay|wages?|conditions|rights|welfare)/iu,
        /(?:fair|living|livable|liveable)\s+wages?|paid\s+fairly/iu,
        /(?:fair|decent|safe)\s+working\s+conditions/iu,
        // Pay stated as a rate: "above the local minimum wage", "$15 per hour".
        /minimum\s+wage|(?:hourly|per[-\s]hour)\s+(?:rate|wage|pay)|\$\s?\d+(?:\.\d+)?\s*(?:\/|per|an)\s*(?:hour|hr)\b/iu,
      ],
    },
    {
      id: 'participatory-design',
      label: 'participation of affected communities in design and decisions',
      gapText: 'No participatory design: affected communities are positioned as downstream users, not co-designers.',
      findingText: 'Brings affected communities into design or decisions as participants, not only as users.',
      weight: 3,
      patterns: [
        /co-?design(?:ed|ing|s)?|co-?creat(?:e|ed|ion)/iu,
        /participatory\s+(?:design|research|process|processes|methods?)/iu,
        /(?:community|user|civil\s+society)\s+(?:advisory\s+)?(?:boards?|councils?|panels?|assembl(?:y|ies))/iu,
        /(?:communit(?:y|ies)|speakers|users)\s+(?:help|helped|helps)\s+(?:to\s+)?(?:shape|decide|design|govern|set)/iu,
        /(?:community|co-design|listening)\s+(?:feedback\s+)?sessions?/iu,
        /(?:consult(?:s|ed)?|consultation\s+with)\s+(?:the\s+)?(?:affected|local|language)?\s*communit(?:y|ies)/iu,
        // Asking the people affected what they need before deciding: "we ask developers to fill
        // this form to better understand their needs", "interviews to learn users' priorities".
        /(?:understand|learn|hear|gather|collect|capture|identify)\s+(?:\S+\s+){0,2}?(?:their|users['’]?|developers['’]?|creators['’]?|communit(?:y|ies)['’]?|people['’]?s?|speakers['’]?)\s+(?:needs|concerns|priorities|perspectives|views|requirements|preferences|expectations)/iu,
        // A community asked to steer the project: "Webinar with the BigCode Community to provide
        // strategic direction", "the community sets the roadmap".
        near(
          /community|communities|contributors|stakeholders|civil\s+society/iu,
          /(?:provide|set|sets|setting|shape|shapes|shaping|steer|steers|steering|give|gives)\s+(?:the\s+|its\s+|our\s+)?(?:strategic\s+)?(?:direction|roadmap|priorities|agenda)/iu,
          60,
        ),
      ],
    },
    {
      id: 'accessibility',
      label: 'accessibility for disabled people',
      gapText: 'No mention of accessibility for disabled people.',
      findingText: 'Addresses accessibility for disabled people: assistive technology, screen readers or sign language.',
      weight: 2,
      patterns: [
        near(
          /accessib(?:le|ility)/iu,
          /disab(?:led|ility|ilities)|blind|deaf|low[-\s]vision|screen[-\s]readers?|assistive|wcag|sign\s+languages?|dyslexi[ac]|neurodivergent|cognitive\s+impairments?/iu,
          80,
        ),
        /wcag(?:\s+\d(?:\.\d)?)?/iu,
        /screen[-\s]readers?|assistive\s+technolog(?:y|ies)/iu,
        /(?:disabled|blind|deaf|low-vision)\s+(?:users|people|communities|developers)/iu,
        /sign\s+languages?/iu,
      ],
    },
    {
      id: 'redress',
      label: 'a channel for complaint and redress',
      gapText: 'No complaint, appeal or redress channel for people affected by the models.',
      findingText: 'Offers a channel for reporting harm, complaint or appeal.',
      weight: 2,
      patterns: [
        /(?:concerns?|harms?|issues|abuse|problems|complaints?)\s+[^.]{0,40}?(?:can|may)\s+be\s+(?:reported|raised|submitted|flagged)/iu,
        /(?:report|flag|appeal|contest)\s+(?:a\s+|an\s+)?(?:harm|harms|concern|concerns|decision|decisions|output|outputs|abuse|misuse)/iu,
        /grievance|redress|ombuds(?:man|person)?|appeals?\s+process/iu,
        /complaints?\s+(?:process|procedure|channel|form|mechanism)/iu,
        /reported\s+posts/iu,
        // Asking for one's own data to be taken out: "request that my data be removed", "removal requests", "opt out".
        /(?:request|requests|requesting|ask|asks)\s+(?:that\s+|for\s+|to\s+)?(?:\S+\s+){0,4}?(?:be\s+|have\s+(?:\S+\s+){0,2}?)?(?:removed|deleted|excluded|taken\s+down)|(?:removal|deletion|takedown|opt[-\s]?out)\s+(?:requests?|forms?|process|mechanism)/iu,
        // People given a way to take their own work out: "giving code creators the possibility to
        // remove data from the dataset", "allow authors to opt out", "lets artists withdraw their images".
        /(?:giv(?:e|es|ing)|offer(?:s|ing)?|allow(?:s|ing)?|let(?:s|ting)?|enabl(?:e|es|ing))\s+(?:\S+\s+){0,3}?(?:creators|owners|authors|developers|contributors|artists|users|people|individuals|rights[-\s]?holders|data\s+subjects)\s+(?:the\s+(?:possibility|option|ability|right|chance|means)\s+)?to\s+(?:\S+\s+)?(?:remove|delete|exclude|withdraw|opt[-\s]?out|take\s+down|request\s+removal)/iu,
        // The lab foresees objections and offers a way out: "some developers do not wish their
        // code to be used for pre-training" is the premise of an opt-out.
        // A contact offered for a complaint or a removal: "email us to report a harmful output or
        // to have your data removed". Security contacts are not a channel for the people harmed.
        /(?:contact|email|e-mail|write\s+to|reach\s+out\s+to|reach\s+out\s+at)\s+(?:us\s+)?(?:\S+\s+){0,6}?(?:to|if\s+you\s+(?:want|wish|would\s+like)\s+to)\s+(?:\S+\s+){0,2}?(?:report|remove|delete|opt[-\s]?out|flag|complain|contest|appeal|request\s+(?:the\s+)?removal)\b/iu,
        /(?:do\s+not|don['’]t|does\s+not|doesn['’]t)\s+(?:wish|want)\s+(?:for\s+)?(?:their|his|her|your)\s+(?:\S+\s+)?(?:code|data|work|works|content|images|text|writing|art)\s+to\s+be\s+(?:used|included|trained\s+on)/iu,
      ],
      exclusions: [
        // Security reports go to the engineers; they are not recourse for people the models harm.
        /(?:security|vulnerabilit(?:y|ies))\s+(?:issues?|bugs?|reports?|notifications?|disclosures?)|report(?:ing)?\s+(?:\S+\s+){0,2}?(?:security|vulnerabilit(?:y|ies)|bugs?)\b/iu,
      ],
    },
    {
      id: 'access-for-low-resource',
      label: 'access for low-resource and Global South developers',
      gapText: 'No commitment that lowers cost or gatekeeping for low-resource and Global South developers.',
      findingText: 'Lowers cost and gatekeeping for resource-constrained developers: open weights, free access or modest hardware.',
      weight: 2,
      patterns: [
        /global\s+(?:south|majority)/iu,
        /low-?(?:income|resource|bandwidth)\s+(?:countries|regions|settings|developers|communities|contexts)/iu,
        /(?:free|subsidi[sz]ed|discounted|no-cost)\s+(?:tier|access|credits|api\s+access)/iu,
        ...openWeights,
        /(?:consumer|modest|low-cost|commodity)\s+(?:hardware|gpus?|laptops?)/iu,
        /without\s+(?:api\s+)?(?:fees|costs?|charge|gatekeeping)/iu,
        // Running on little: "constrained compute resources", "limited GPU capabilities", "on-device".
        /(?:constrained|limited|modest|low[-\s]end)\s+(?:compute|gpu|hardware|devices?)(?:\s+(?:resources|capabilities))?|run\s+(?:\S+\s+)?on[-\s]device/iu,
        /for\s+free|free\s+of\s+charge|at\s+no\s+cost/iu,
        /publicly\s+released\s+under|released\s+under\s+(?:an?\s+|the\s+)?(?:apache|mit|permissive|open)/iu,
        // The release itself put under a permissive licence, however it is linked or hyphenated: "we
        // are releasing the model under the [Apache-2.0 license](…)".
        /(?:releas(?:e|es|ed|ing)|licens(?:e|es|ed|ing)|distribut(?:e|es|ed|ing)|publish(?:es|ed|ing)?|mak(?:e|es|ing)\s+available)\s+(?:all\s+|the\s+|our\s+|its\s+|these\s+|this\s+)?(?:\S+\s+){0,2}?(?:models?|weights|checkpoints)\s+under\s+(?:an?\s+|the\s+)?[\[`*_]*(?:apache|mit|bsd|permissive|open|cc[-\s]by)/iu,
        // Weights anyone can take: "We host all model weights and datasets on HuggingFace", "the
        // checkpoints are publicly available", "we release the weights of every model".
        /(?:host|hosts|hosted|hosting|release|releases|released|releasing|publish|publishes|published|share|shares|shared|open[-\s]source[sd]?|upload(?:ed|s)?)\s+(?:all\s+|the\s+|our\s+|its\s+|their\s+)?(?:\S+\s+){0,2}?(?:model\s+)?(?:weights|checkpoints)\b/iu,
        /(?:weights|checkpoints)\s+(?:\S+\s+){0,3}?(?:are|is)\s+(?:now\s+)?(?:publicly|freely|openly)\s+(?:available|accessible|downloadable)/iu,
        // Models on a public download hub rather than behind a paid API: "All models are hosted on
        // the Hugging Face Hub".
        /(?:models?|weights|checkpoints)\s+(?:\S+\s+){0,3}?(?:are|is)\s+(?:all\s+|now\s+|publicly\s+|freely\s+|openly\s+)?(?:hosted|available|released|published|downloadable)\s+(?:on|at|from|via|through|in)\s+(?:the\s+|our\s+)?[\[`*_]*(?:hugging\s?face|hf\b|hub\b|github)/iu,
      ],
    },
    {
      id: 'compensated-participation',
      label: 'compensation for community contributors and feedback',
      gapText: 'No compensated feedback or contribution channel: community labour goes unpaid.',
      findingText: 'Pays or otherwise compensates the people who contribute data, evaluation or feedback.',
      weight: 2,
      patterns: [
        near(
          /contribut(?:ors?|ions?)|volunteers?|participants?|feedback|testers?|speakers|transcribers?|recorders?/iu,
          /paid|compensat(?:ed|ion|es)|remunerat(?:ed|ion)|honorari(?:um|a)|stipends?|rewarded/iu,
          60,
        ),
        /honorari(?:um|a)|stipends?/iu,
      ],
    },
    {
      id: 'language-speakers-served',
      label: 'service to speakers of minority and low-resource languages',
      gapText: 'Speakers of minority and low-resource languages are not named among the people served.',
      findingText: 'Names speakers of minority and low-resource languages among the people it serves.',
      weight: 1,
      patterns: [
        marginalisedLanguages,
        /languages?\s+(?:the\s+industry|others)\s+(?:has|have)\s+(?:overlooked|left\s+behind|ignored)/iu,
        /fewer\s+than\s+(?:a|one)\s+million\s+speakers/iu,
        /languages?\s+left\s+behind/iu,
      ],
      exclusions: [languageLookAlikes],
    },
  ],
  retrievalQueries: [
    'impact on marginalised vulnerable and affected groups',
    'annotators labellers and data workers pay and conditions',
    'accessibility for disabled users',
    'communities participating in design and decisions',
    'reporting concerns complaints and redress',
    'access for developers in low-resource settings and the Global South',
    'compensation for contributors and volunteers',
  ],
};
