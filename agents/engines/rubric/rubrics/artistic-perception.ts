/**
 * Lens 05, Artistic Perception: what does this feel like, not just mean?
 *
 * The lens corrects instrumentalism — human experience of the system reduced to features and
 * benchmarks, with affect, ambiguity and the emotional labour behind it left out. A full
 * disclosure speaks to how the system is experienced, leaves room for uncertainty, and
 * recognises the people whose feelings and creative work it runs on.
 *
 * Why each indicator matters:
 * - emotional-labour: annotators, raters and moderators absorb the distressing material that
 *   makes systems "safe"; naming their wellbeing is the lens's central test. Central.
 * - affective-experience: what using the system feels like, not only what it can do.
 * - ambiguity-uncertainty: room for ambiguity and expressed uncertainty instead of fluent
 *   false confidence.
 * - creator-consent-credit: artists and authors whose work trains the models.
 * - wellbeing-reliance: emotional reliance and mental-health effects on users.
 * - creative-multimodal: creative and multimodal work earns the seed's small lift.
 * - aesthetic-register: a register beyond efficiency — beauty, play, wonder.
 */
import type { LensRubric } from './rubric-types.js';
import { near } from './rubric-patterns.js';

/** The people whose work is in a training set: code authors as much as artists and writers. */
const creatorsOfTheData =
  /artists?|authors?|writers?|creators?|illustrators?|musicians?|photographers?|developers|contributors|rights[-\s]?holders?|copyright\s+holders?|(?:repository|code)\s+owners?/iu;

export const artisticPerceptionRubric: LensRubric = {
  lensId: 'artistic-perception',
  indicators: [
    {
      id: 'emotional-labour',
      label: 'the emotional labour of annotators and moderators',
      gapText: 'No recognition of the emotional labour of annotators, raters and moderation workers.',
      findingText: 'Recognises the emotional labour and wellbeing of annotators, raters or moderators.',
      weight: 3,
      patterns: [
        /emotional\s+(?:labou?r|toll|burden|strain)/iu,
        near(
          /annotators?|raters?|labell?ers?|moderators?|content\s+reviewers?|data\s+(?:workers?|contributors?)|contractors?/iu,
          /well-?being|mental\s+health|psycholog[a-z]*|counsel(?:l)?ing|trauma[a-z]*|distress[a-z]*|disturbing|graphic\s+content|harmful\s+content\s+exposure/iu,
          80,
        ),
        /(?:psychological|mental\s+health|wellness)\s+support/iu,
      ],
    },
    {
      id: 'affective-experience',
      label: 'what using the system feels like',
      gapText: 'Capability is framed as technical feature, with no account of how the system is experienced or felt.',
      findingText: 'Speaks to how the system feels to the people who use it, not only what it does.',
      weight: 2,
      patterns: [
        /(?<!(?:we|i)\s)(?:feel|feels|feeling|felt)(?!\s+free)/iu,
        /emotions?|emotional\s+(?:experience|response|register|tone|impact|connection)/iu,
        /frustrat(?:ing|ion|ed)|comfort(?:ing)?|reassur(?:ing|ance)|unsettling|alienat(?:ing|ion)/iu,
        /(?:lived|human)\s+experience/iu,
      ],
    },
    {
      id: 'ambiguity-uncertainty',
      label: 'room for ambiguity and expressed uncertainty',
      gapText: 'No space for ambiguity or expressed uncertainty in how the system answers.',
      findingText: 'Makes room for ambiguity, or has the system express uncertainty rather than false confidence.',
      weight: 2,
      patterns: [
        /ambigu(?:ity|ities|ous)/iu,
        /(?:express|expresses|expressing|communicate|communicates|signal|signals|show|shows|convey|conveys)\s+(?:its\s+|their\s+)?(?:uncertainty|doubt|confidence\s+levels?)/iu,
        /uncertainty\s+(?:estimates?|quantification)/iu,
        /calibrat(?:ed|ion)/iu,
        // Outputs that carry their own uncertainty: a distribution, intervals or quantiles.
        /probabilistic\s+(?:forecasts?|predictions?|outputs?)|predictive\s+distributions?|(?:prediction|confidence|credible)\s+intervals?|quantile\s+(?:forecasts?|predictions?)/iu,
        /(?:say|says|admit|admits|tell|tells)\s+(?:users\s+)?(?:when\s+)?(?:it|they)\s+(?:does|do)\s+not\s+know/iu,
        // Forecasts that carry a spread of outcomes: sampled paths, quantile outputs, modelled uncertainty.
        /probabilistic\s+forecasting|(?:sample|samples|sampled|sampling)\s+(?:\S+\s+){0,3}?(?:trajectories|sample\s+paths|future\s+paths|scenarios)|(?:predict|predicts|predicted|forecast|forecasts|output|outputs)\s+(?:\S+\s+){0,2}?quantiles|(?:quantify|quantifies|quantifying|capture|captures|capturing|estimate|estimates|estimating|represent|represents)\s+(?:\S+\s+){0,2}?uncertainty/iu,
        /open\s+to\s+interpretation|more\s+than\s+one\s+(?:reading|meaning|interpretation)/iu,
      ],
    },
    {
      id: 'creator-consent-credit',
      label: 'consent and credit for the artists and authors whose work is used',
      gapText: 'No consent, credit or compensation for the artists and authors whose work is in the training data.',
      findingText: 'Addresses consent, credit or compensation for the artists and authors whose work is used.',
      weight: 2,
      patterns: [
        near(
          /artists?|authors?|writers?|creators?|illustrators?|musicians?|photographers?|rights[-\s]?holders?|copyright\s+holders?/iu,
          /consent|opt[-\s]?out|opt[-\s]?in|compensat[a-z]*|credit(?:s|ed|ing)?|royalt(?:y|ies)|permission|paid/iu,
          60,
        ),
        /opt[-\s]?out\s+(?:of|from)\s+(?:training|data\s+collection|crawling)/iu,
        // The people whose code or writing is in the data, given a choice over it.
        near(/opt[-\s]?(?:out|in)|(?:give|gives|giving)\s+(?:\S+\s+){0,6}?(?:a\s+)?choice/iu, /(?:source\s+)?code|repositor(?:y|ies)|(?:their|your|my)\s+(?:data|work|content)|developers|wrote/iu, 80),
        // An opt-out tool or process built for the people whose work is in the data, however far the
        // sentence runs on: "the opt out tool and process we developed for the community".
        near(/opt[-\s]?out\s+(?:tools?|process(?:es)?|forms?|mechanisms?|requests?)/iu, /datasets?|training\s+data|repositor(?:y|ies)|code|communit(?:y|ies)|authors?|creators?/iu, 200),
        // An opt-out named as a thing the project offers ("the opt-out option", "BigCode Opt-Out
        // process"): in a release timeline the line names no data, yet the opt-out is the authors'.
        /opt[-\s]?out\s+(?:options?|process(?:es)?|procedures?|tools?|forms?|mechanisms?|requests?)/iu,
        // Removal of the authors' work from the data, asked for or honoured: "removal requests for
        // individual contributors", "some developers do not wish their code to be used".
        near(
          creatorsOfTheData,
          /removal\s+requests?|(?:remove|removed|removing|exclude|excluded|excluding|withdraw|withdrawn)\s+(?:\S+\s+){0,4}?(?:their|from\s+the\s+(?:data|dataset|training))|(?:do|does)\s+not\s+(?:wish|want)\s+(?:for\s+)?(?:their|them)/iu,
          150,
        ),
        // The authors addressed directly: their work taken out of the data, or a way to check it is in.
        /(?:remove|removes|removing|removal\s+of|exclude|excluding|exclusion\s+of|delete|deleting|deletion\s+of)\s+(?:\S+\s+){0,2}?(?:your|their|his|her)\s+(?:own\s+)?(?:code|repositor(?:y|ies)|work|works|content|files|contributions|art(?:work)?s?|images|writing|books)|(?:your|their)\s+(?:own\s+)?(?:code|repositor(?:y|ies)|work|works|content|files|contributions|art(?:work)?s?|images|writing|books)\s+(?:\S+\s+){0,3}?(?:removed|excluded|deleted|taken\s+out)\s+from/iu,
        /(?:check|see|find\s+out|search|verify)\s+(?:\S+\s+){0,2}?(?:whether|if)\s+(?:your|their)\s+(?:own\s+)?(?:code|repositor(?:y|ies)|work|works|content|files|data|art(?:work)?s?|images|writing|books)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\S+\s+){0,2}?(?:in|part\s+of|included)/iu,
        // Removal asked for by whoever's files are in a dataset: "request the removal of files from the dataset".
        near(
          /removal\s+requests?|(?:request|requests|requested|requesting)\s+(?:the\s+|their\s+|its\s+)?(?:removal|exclusion|deletion)/iu,
          /datasets?|training\s+(?:data|sets?|corpus)|the\s+data|repositor(?:y|ies)|code|files|works?|contents?/iu,
          150,
        ),
        // The authors asked, through a form or survey, what they need from the project.
        near(/(?:ask|asks|asked|asking|invite|invites|invited|inviting)\s+(?:\S+\s+){0,2}?(?:developers|authors|creators|artists|contributors|rights[-\s]?holders|copyright\s+holders)/iu, /forms?|survey|questionnaire/iu, 80),
      ],
      // The three parts of a say over one's work, however the sentence orders them: the people who
      // made it, a choice or removal, and the work itself ("any developer may withdraw their
      // repositories"). Lemma-only cues, and no bare "remove" or "data": "remove the data files from
      // the developer folder" is an instruction, not consent.
      concepts: [
        ['=author', '=artist', '=creator', '=developer', '=contributor', '=writer', '=illustrator', '=photographer'],
        ['=opt', '=opt-out', '=removal', '=consent', '=permission', '=exclusion', '=withdraw'],
        ['=code', '=work', '=repository', '=dataset', '=artwork', '=book'],
      ],
      exclusions: [
        // A person's removal from a dataset for privacy is a data-subject right, not a maker's say over the work.
        near(/removal|remove|deletion|delete/iu, /personal\s+(?:data|information)|PII|privacy/iu, 60),
        // Switching off a product's telemetry or marketing is the user's privacy, not an author's say over training data.
        near(/opt[-\s]?out/iu, /telemetry|analytics|cookies|usage\s+(?:data|statistics)|marketing|e-?mails?|newsletters?|mailing\s+lists?|subscriptions?|notifications|(?:stop|stops)\s+receiving/iu, 60),
      ],
    },
    {
      id: 'wellbeing-reliance',
      label: 'user wellbeing and emotional reliance',
      gapText: 'No account of emotional reliance, wellbeing or mental-health effects on the people who use the system.',
      findingText: 'Addresses user wellbeing, emotional reliance or mental-health effects.',
      weight: 2,
      patterns: [
        /(?:emotional\s+)?(?:reliance|over-?reliance|dependence|dependency)\s+on\s+(?:the\s+)?(?:model|models|assistant|chatbot|ai|system)/iu,
        /user\s+well-?being/iu,
        /mental\s+health/iu,
        /lonel(?:y|iness)|companionship|parasocial/iu,
        /sycophan(?:cy|tic)/iu,
        /self-?harm|suicid(?:e|al)/iu,
        /vulnerable\s+users/iu,
      ],
    },
    {
      id: 'creative-multimodal',
      label: 'creative and multimodal work',
      gapText: 'No creative or multimodal work that engages the aesthetic register.',
      findingText: 'Works in creative or multimodal registers: images, sound, voice or storytelling.',
      weight: 1,
      patterns: [
        /(?:text-to-)?image\s+(?:generation|editing|model|models)/iu,
        /multimodal/iu,
        /(?:generate|generating|modify|modifying|edit|editing)\s+(?:and\s+\w+\s+)?images|image[-\s]to[-\s](?:image|video)|text[-\s]to[-\s](?:image|video|audio|music)|video\s+(?:generation|diffusion|models?)|artworks?|artistic/iu,
        /music|poetry|poems?|storytelling|fiction|creative\s+writing/iu,
        /creative\s+(?:tools?|work|uses?|applications?|expression)/iu,
        /speech\s+(?:synthesis|recognition)|text-to-speech|voice\s+(?:model|interface|mode)/iu,
        // Models that see: vision-language models and visual understanding of images and documents.
        /vision[-\s]language\s+models?|visual\s+(?:question\s+answering|document\s+understanding|understanding|reasoning)|image\s+(?:understanding|captioning|descriptions?|synthesis|variations?|reconstruction|compression|encoding|decoding|upscaling|restoration|segmentation|classification)|controlnets?/iu,
        // Making pictures, sound or video, with a few words between verb and medium ("generates
        // high-resolution images", "generate variations of a given image").
        /(?:generate|generates|generated|generating|create|creates|creating|produce|produces|producing|render|renders|rendering)\s+(?:\S+\s+){0,4}?(?:images?|pictures?|photos?|illustrations?|videos?|animations?|music|songs?|artworks?)\b/iu,
        /(?:in|out)painting|super[-\s]?resolution|style\s+transfer/iu,
        // A model that works on pictures or sound: encoding, compressing, captioning or editing them.
        /(?:encode|encodes|encoding|decode|decodes|decoding|compress|compresses|compressing|reconstruct|reconstructs|reconstructing|upscale|upscales|upscaling|caption|captions|captioning|edit|edits|segment|segments|describe|describes)\s+(?:\S+\s+){0,3}?(?:images|pictures|photos|videos|audio|speech)|(?:images?|pictures?|photos?|videos?)\s+(?:generated|created|produced|made)\s+(?:by|with|using)/iu,
        // Stories as what the model or dataset makes: "stories for young children", "we build stories".
        /(?:short\s+|children'?s\s+|bedtime\s+|fictional\s+)?stories\s+(?:for|involving|set\s+in|written\s+for)|(?:generate|generates|generated|generating|write|writes|wrote|writing|build|create|creates|created)\s+(?:\S+\s+){0,3}?(?:stor(?:y|ies)|narratives?|poems?|novels?)|story\s+(?:generation|writing)/iu,
        // A caption giving an image's prompt and its style: "flat design, vector art".
        /(?:vector|digital|concept|pixel|line|fan|pop)\s+art\b|oil\s+painting|watercolou?rs?|flat\s+design|photorealistic|cinematic\s+(?:lighting|shot|still)/iu,
      ],
      exclusions: [
        // A degree or a job title is not creative work the model does ("Master of Music" in an annotator table).
        /(?:master|bachelor|doctor)\s+of\s+(?:\S+\s+)?(?:music|arts?|fine\s+arts)|(?:degree|major|background)\s+in\s+(?:music|arts?)/iu,
        // Software and product stories are not storytelling.
        /(?:success|user|customer)\s+stor(?:y|ies)/iu,
      ],
    },
    {
      id: 'aesthetic-register',
      label: 'an aesthetic or affective register beyond features and benchmarks',
      gapText: 'Efficiency and benchmark framing dominate; there is no aesthetic, playful or affective register.',
      findingText: 'Speaks in an aesthetic or affective register (beauty, play, wonder) rather than only features and benchmarks.',
      weight: 1,
      patterns: [
        /beaut(?:y|iful|ifully)|wonder(?:ful)?|joy(?:ful)?|delight(?:ful)?|awe|grief|poetic|playful(?:ness)?|imagination|imaginative|tenderness|longing|curiosity/iu,
        // Looks described as felt: visual appeal, a whimsical or striking image. "Aesthetic" alone is
        // left out: labs use it as a rating axis or a data filter ("aesthetic score"), a metric like any other.
        /visually\s+(?:pleasing|appealing|stunning|striking)|stunning|breathtaking|evocative|whimsical/iu,
        // A personal, playful example rather than a benchmark: pictures or stories of the writer's
        // own pet, child or home ("images of my dog").
        /(?:images?|pictures?|photos?|portraits?|drawings?|paintings?|videos?|stor(?:y|ies)|poems?|songs?)\s+(?:\S+\s+){0,2}?(?:of|about|for|featuring)\s+(?:my|our)\s+(?:own\s+)?(?:dogs?|cats?|pets?|puppy|kitten|kids?|children|daughter|son|family|friends?|garden|home)\b/iu,
      ],
    },
  ],
  retrievalQueries: [
    'creative and multimodal capabilities images voice and storytelling',
    'how using the system feels emotional experience',
    'uncertainty and ambiguity in the model answers',
    'wellbeing of annotators raters and content moderators',
    'artists and authors consent credit and compensation',
    'user wellbeing emotional reliance and mental health',
  ],
};
