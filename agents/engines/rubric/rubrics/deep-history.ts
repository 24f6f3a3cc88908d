/**
 * Lens 02, Deep History: what historical process produced this?
 *
 * The lens corrects ahistoricism — technology told as a linear innovation story, detached from
 * the money, law, geopolitics and inherited data that made it. A full disclosure situates the lab:
 * who founded and funds it, what changed course and why, which rules and constraints bind it.
 *
 * Why each indicator matters:
 * - funding-ownership: who pays shapes what is built and what is said about it. Central.
 * - changes-of-direction: pivots and reversals are where contingent pressures show.
 * - regulatory-context: the rules a lab works under constrain model behaviour and are rarely named.
 * - geopolitical-economy: compute access, chips and export controls materially shape a lab's
 *   choices (the seed's sharpest silence).
 * - extractive-legacies: corpora inherit colonial and extractive histories of who was recorded.
 * - founding-lineage: an identifiable origin is the minimum historical context.
 * - intellectual-lineage: the public programmes and prior research the models inherit.
 * - historical-humility: treating one's own path as contingent rather than inevitable.
 */
import type { LensRubric } from './rubric-types.js';

/**
 * A project led by named organisations ("Big Code is led by ServiceNow Research and Hugging
 * Face") says both who owns it and where it came from. Patterns are read case-insensitively, so an
 * organisation is told from a person by the word that names it as one (Research, Labs, University …).
 */
const ledByAnOrganisation =
  /(?:is|are|was|were|been)\s+(?:jointly\s+|primarily\s+|mainly\s+)?(?:co-?)?led\s+by\s+(?:\S+\s+){0,3}?\S*?(?:research|labs?|ai|university|universities|institute|foundation|inc\.?|ltd\.?|corp(?:oration)?|compan(?:y|ies)|organi[sz]ations?|consortium|council|agency|lab\s+of)/iu;

export const deepHistoryRubric: LensRubric = {
  lensId: 'deep-history',
  indicators: [
    {
      id: 'funding-ownership',
      label: 'funding and ownership',
      gapText: 'No disclosure of who funds or owns the lab, and so of whose interests shape it.',
      findingText: 'Names who funds or owns the lab: investors, a parent company or public grants.',
      weight: 3,
      patterns: [
        /investors?|shareholders?|venture\s+(?:capital|firms?|investors?|funds?)/iu,
        /funding\s+round|series\s+[a-f]\s+(?:round|funding)/iu,
        // Backed by money, not by a model or a cloud: "backed by a moderation model" is not funding.
        /backed\s+by\s+(?:\S+\s+){0,3}?(?:investors?|venture|capital|funds?|funding|firms?|ventures|grants?|(?:\$|€|£)\s?\d)/iu,
        /(?:rais(?:e|es|ed|ing))\s+(?:\$|€|£|us\$)\s?\d[\d.,]*(?:\s+(?:million|billion|m|bn))?/iu,
        /(?:owned|controlled)\s+by(?!\s+(?:your|their|its\s+users|the\s+users?|users|you))|subsidiary|parent\s+company|wholly[-\s]owned/iu,
        /(?:research\s+)?grants?\s+from/iu,
        /valuation|valued\s+at|values\s+the\s+(?:[\p{L}-]+\s+){0,3}company/iu,
        // Who runs and pays for a project is named with "led by / funded by / sponsored by" and an
        // organisation: "Big Code is led by ServiceNow Research and Hugging Face".
        /(?:is|are|was|were|been)\s+(?:jointly\s+|primarily\s+|mainly\s+|generously\s+)?(?:co-?)?(?:funded|sponsored|financed|underwritten|bankrolled)\s+by\s+(?!(?:a|an|the\s+(?:user|model|community)|users|you|your|their|its)\b)\[?[\p{L}\p{N}][\p{L}\p{N}.&'’-]*/iu,
        // Led by an organisation, not by a person leading a training run.
        ledByAnOrganisation,
        /(?:funding|sponsorship|financial\s+support|grants?|compute|computing\s+resources|compute\s+time|gpus|tpus|accelerators|gpu\s+hours)\s+(?:was\s+|were\s+|is\s+|are\s+)?(?:generously\s+)?(?:provided|donated|contributed|granted|sponsored)\s+by/iu,
        // Resources given in kind are ownership of the work too: a partner's compute cluster made
        // available, organisations committing staff time.
        /(?:makes?|made|making)\s+(?:their|its|our|a|the)\s+(?:\S+\s+){0,2}?(?:compute|computing|gpu|supercomputing|hpc)\s+(?:cluster|clusters|resources|infrastructure|capacity)\s+available/iu,
        /(?:organi[sz]ations?|compan(?:y|ies)|partners?|sponsors?|institutions?|members?)\s+(?:\S+\s+){0,2}?(?:commit|commits|committed|contribute|contributes|contributed|donate|donates|donated|provide|provides|provided)\s+(?:\S+\s+){0,3}?(?:time|staff|engineers|researchers|funding|money|compute|resources)/iu,
        // Acknowledgements name who paid: "supported in part by a grant from …", "we thank X for providing the compute".
        /supported\s+(?:in\s+part\s+|partly\s+|financially\s+)?by\s+(?:a\s+|an\s+|the\s+)?(?:\S+\s+){0,4}?(?:grants?|funding|awards?|fellowships?|foundation|council|agency|endowment)/iu,
        /(?:thank|thanks|grateful\s+to|acknowledge)\s+(?:\S+\s+){0,6}?for\s+(?:generously\s+)?(?:providing|sponsoring|donating|funding|contributing|the)\s+(?:\S+\s+){0,2}?(?:compute|computing|gpus|tpus|gpu\s+hours|cluster|credits|funding|grants?)/iu,
        // A project's legal standing says who owns it: "Big Code is not a legal entity", "a non-profit".
        /(?:is|are|was|remains)\s+(?:not\s+)?(?:a|an)\s+(?:registered\s+|independent\s+|separate\s+|incorporated\s+)?(?:legal\s+entity|non-?profit(?:\s+organi[sz]ation)?|for-?profit\s+compan(?:y|ies)|public\s+benefit\s+corporation|charit(?:y|able\s+organi[sz]ation))/iu,
      ],
    },
    {
      id: 'changes-of-direction',
      label: 'changes of direction and the reasons for them',
      gapText: 'No account of changes of direction (pivots, licence changes, reversals) or of what drove them.',
      findingText: 'Names a change of direction in the lab\'s history and what drove it.',
      weight: 2,
      patterns: [
        /pivot(?:ed|ing|s)?/iu,
        /chang(?:e|ed|ing)\s+(?:our\s+|its\s+|the\s+)?(?:direction|course|strategy|approach|licen[cs]e|licensing|name|mind)/iu,
        /no\s+longer\s+(?:release|publish|offer|open|support|provide)[a-z]*/iu,
        /(?:shift(?:ed)?|mov(?:e|ed))\s+(?:away\s+)?from\s+[^.;]{1,60}?\s+to(?:wards?)?/iu,
        /rebrand(?:ed|ing)?|renamed/iu,
        /revers(?:ed|al\s+of)\s+(?:our|the|its|a|an)\s+(?:earlier\s+)?(?:decision|policy|position|strategy)/iu,
        /previously\s+(?:released|published|open|offered|closed|kept)/iu,
        /discontinu(?:e|ed|ing)/iu,
        // A course corrected after the fact, with what prompted it: "we removed the subset after
        // receiving reports that it contained personal data".
        /(?:removed|dropped|excluded|withdrew|took\s+down|stopped\s+(?:using|distributing|releasing))\s+(?:\S+\s+){0,6}?(?:after|following)\s+(?:discovering|finding|learning|noticing|receiving|reports?|complaints?|concerns?|feedback)/iu,
      ],
      exclusions: [
        // A change only imagined ("in case a stakeholder decides to change its licensing policy",
        // "if the project wants to change the license") is a rule for the future, not a change made.
        /(?:in\s+case|if|should|whether|unless|wants?\s+to|wish(?:es)?\s+to|decides?\s+to|need\s+to)\s+(?:\S+\s+){0,5}?chang(?:e|es|ing)\s+(?:our\s+|its\s+|the\s+|their\s+)?(?:\S+\s+)?(?:direction|course|strategy|approach|licen[cs]e|licensing|name|mind)/iu,
      ],
    },
    {
      id: 'regulatory-context',
      label: 'the regulatory environment the lab operates in',
      gapText: 'No account of the regulations (AI rules, data protection, content controls) that constrain what the models may say and do.',
      findingText: 'Names the regulatory environment that shapes its models.',
      weight: 2,
      patterns: [
        /regulat(?:ion|ions|ory|ors?)/iu,
        /(?:eu\s+)?ai\s+act/iu,
        /gdpr|data\s+protection\s+(?:law|laws|act|regulation|authorit(?:y|ies))/iu,
        /(?:comply|complies|complying|compliance)\s+with/iu,
        /content\s+(?:rules|requirements|controls)\s+(?:of|in|set\s+by|imposed)/iu,
        /(?:required|mandated)\s+by\s+(?:law|regulators?|the\s+government)/iu,
        // The law its data and outputs sit under: copyright law, fair use, a text-and-data-mining exception.
        /copyright\s+(?:law|laws|act|directive|exceptions?)|fair\s+use\s+(?:doctrine|exception|defen[cs]e|provisions?)|(?:text\s+and\s+data|tdm)\s+mining\s+exceptions?|(?:under|in)\s+(?:the\s+)?(?:laws?|legislation)\s+of\s+(?:the\s+)?\S+/iu,
      ],
      exclusions: [
        // "Regulations" as one item in a list of generic instruments names no regulation the lab
        // operates under: "documentation such as model cards and regulations", "norms, licences or regulation".
        /(?:model\s+cards?|data\s+cards?|documentation|licen[cs]es?|norms|guidelines|best\s+practices|codes?\s+of\s+conduct|tools|standards)\s*,?\s+(?:and|or)\s+(?:\S+\s+)?regulations?\b|\bregulations?\s*,?\s+(?:and|or)\s+(?:\S+\s+)?(?:model\s+cards?|documentation|licen[cs]es?|norms|guidelines|best\s+practices)/iu,
      ],
    },
    {
      id: 'geopolitical-economy',
      label: 'the geopolitical economy of compute and chips',
      gapText: 'Silence on the geopolitical economy shaping the lab: compute access, chips, export controls and supply chains are never named.',
      findingText: 'Names geopolitical conditions (compute access, export controls, supply chains) that shape the lab\'s work.',
      weight: 2,
      patterns: [
        /export\s+(?:controls?|restrictions|rules|licen[cs]es)/iu,
        /sanctions/iu,
        /geopoliti(?:cs|cal)/iu,
        /(?:chip|gpu|semiconductor|compute)\s+(?:access|supply|shortages?|constraints?|restrictions)/iu,
        /supply\s+chains?/iu,
        /sovereign\s+(?:ai|compute|cloud)/iu,
        /(?:access\s+to|shortage\s+of)\s+(?:chips|gpus|compute|accelerators)/iu,
      ],
    },
    {
      id: 'extractive-legacies',
      label: 'colonial and extractive legacies in data collection',
      gapText: 'No acknowledgement of colonial or extractive legacies in how the training corpora were built.',
      findingText: 'Acknowledges colonial or extractive legacies in how its corpora were built.',
      weight: 2,
      patterns: [
        /(?:post-?|neo-?|de)?coloni(?:al|alism|ality|sed|zed|sation|zation)/iu,
        /extractive|extraction\s+of\s+(?:knowledge|labou?r|value)/iu,
        /historical\s+(?:injustices?|harms?|inequit(?:y|ies)|exclusions?|biases)/iu,
        /legac(?:y|ies)\s+of/iu,
        /(?:taken|collected|scraped|gathered)\s+without\s+(?:consent|permission)/iu,
      ],
    },
    {
      id: 'founding-lineage',
      label: 'the lab\'s founding and origins',
      gapText: 'No account of how, when and by whom the lab was founded.',
      findingText: 'Gives an account of the lab\'s founding and origins, situating the work in an identifiable context.',
      weight: 1,
      patterns: [
        /(?:was\s+|were\s+)?founded\s+(?:in|by)/iu,
        /co-?founders?|founding\s+team/iu,
        /our\s+(?:history|origins?)/iu,
        /(?:began|started)\s+(?:in\s+\d{4}|as\s+an?)/iu,
        /established\s+in\s+\d{4}/iu,
        // A project's own beginnings: "was launched in May 2021", "an open-scientific collaboration".
        /(?:was|were)\s+(?:launched|founded|started|created|formed|established)\s+in\s+(?:\w+\s+)?\d{4}/iu,
        /open[-\s]scien(?:ce|tific)\s+(?:collaboration|project|initiative|consortium)|(?:collaboration|consortium|initiative)\s+(?:launched|founded|started|formed|led|co-led)\s+by/iu,
        // A lab that began as a workshop says so in its tagline: "Research workshop on large language models".
        // As what the project is ("an open collaboration"), not a value it strives towards ("open collaboration").
        /research\s+workshop|(?:a|an|the)\s+(?:year[-\s]long|international|open)\s+(?:research\s+)?(?:workshop|collaboration)/iu,
        // Who leads the project is its origin: "Big Code is led by ServiceNow Research and Hugging Face".
        ledByAnOrganisation,
        /(?:is|are|was|were)\s+(?:jointly\s+)?(?:co-?)?(?:founded|initiated|started|launched|organi[sz]ed)\s+by\s+(?!(?:a|an|the\s+(?:user|model|community)|users|you|your|their|its)\b)\[?[\p{L}\p{N}][\p{L}\p{N}.&'’-]*/iu,
        // Where the project came from: "spun out of a university lab", "grew out of a Discord community".
        /(?:spun|spin)[-\s]?(?:out|off)\s+(?:of|from)|grew\s+out\s+of|(?:emerged|originated)\s+from\s+(?:a|an|the)\s+(?:\S+\s+){0,3}?(?:project|collaboration|workshop|community|lab|laboratory|group|initiative|server|team)/iu,
        // A timeline entry for the project's own start: "September 26, 2022: Announcement of the BigCode project".
        /(?:announcement|launch|kick-?off|inception|founding|formation|creation|start)\s+of\s+(?:the\s+)?(?:\S+\s+){0,3}?(?:project|collaboration|initiative|consortium|workshop|lab|laboratory|organi[sz]ation|foundation|institute)/iu,
      ],
    },
    {
      id: 'intellectual-lineage',
      label: 'the prior work and public programmes the models build on',
      gapText: 'No account of the prior research, public programmes or open work the models inherit.',
      findingText: 'Situates its models in the prior research and public programmes they build on.',
      weight: 1,
      patterns: [
        /(?:builds?|built|building)\s+(?:on|upon)\s+(?:the\s+)?(?:work|research|findings|ideas|datasets?|prior|earlier|decades)/iu,
        /(?:prior|previous|earlier)\s+(?:work|research)\s+(?:by|of|from|on)/iu,
        /inspired\s+by/iu,
        // Naming what the work stands on: an architecture, a method, a paper, another team's card.
        /(?:based|built|builds?|building)\s+(?:on|upon)\s+(?:the\s+)?(?:\S+\s+){0,3}?(?:architecture|framework|work|research|method|approach|model\s+card|dataset|recipe|success|paper)/iu,
        /et\s+al\.?|originally\s+(?:taken|adapted|derived)\s+from|adapted\s+from|(?:following|follows)\s+(?:similar|prior|previous|earlier)\s+work/iu,
        /(?:adopt|adopts|adopted)\s+the\s+|similar\s+to\s+\S+|pretrained\s+text\s+encoder|(?:augmented|modified|extended)\s+version\s+of/iu,
        /(?:national|public|government)\s+(?:language\s+technology\s+)?(?:programmes?|programs?|initiatives?)/iu,
        // Reusing another's work: "the same tokenizer as StarCoder", "Following OLMo 2, we …".
        /(?:same|similar)\s+(?:\S+\s+)?(?:tokeni[sz]er|architecture|recipe|setup|method|pipeline|procedure|approach|hyper-?parameters|vocabulary|data\s+mix(?:ture)?)\s+as\s+(?:in\s+|used\s+(?:by|for|in)\s+)?\S+/iu,
        /following\s+(?:\S+\s+){1,3}?\(?(?:et\s+al|\d{4}\))|following\s+[^\s,]+(?:\s+[^\s,]+)?,\s+we/iu,
        // Naming the model, dataset or recipe it derives from: "we built upon LLaVA", "a fine-tune of
        // Vicuna", "a dataset that builds on The Pile", "with Stanford Alpaca's procedure".
        /(?:we|which|that|it)\s+(?:built|build|builds)\s+(?:up)?on\s+(?!years|decades|(?:our|its|their|a|an)\s)\S+/iu,
        /(?:fine[-\s]?tune|fork|derivative|distillation|continuation)\s+of\s+(?:the\s+)?\S+|\S+['’]s\s+(?:procedure|recipe|method|methodology|training\s+setup)/iu,
        // Material taken from named prior datasets: "prompts based on seed samples from UltraChat",
        // "knowledge present in web datasets like RefinedWeb and RedPajama".
        /(?:based|built|modell?ed|grounded)\s+(?:up)?on\s+(?:\S+\s+){0,2}?(?:samples|seeds|prompts|examples|questions|templates|texts|documents|conversations|instructions|data|datasets?|code|ideas|work)\s+(?:from|of|in)\s+(?!(?:our|its|their|the\s+(?:user|model))\b)\[?[\p{L}\p{N}][\p{L}\p{N}.'’-]*|(?:derived|adapted|seeded|bootstrapped|distilled|sampled)\s+from\s+(?:the\s+)?(?!(?:our|its|their)\b)\[?[\p{L}\p{N}][\p{L}\p{N}.'’-]*/iu,
        /(?<!evaluat\w*\s+(?:\S+\s+){0,4})(?:datasets|corpora|data\s+sources)\s+(?:like|such\s+as|including)\s+\[?[\p{L}\p{N}][\p{L}\p{N}.'’-]*/iu,
        // Trained with an open training framework others built: "We train models with Megatron-LM".
        /(?:train|trains|trained|training|pretrain(?:s|ed|ing)?)\s+(?:\S+\s+){0,3}?(?:with|using|on\s+top\s+of|through)\s+(?:the\s+)?\[?(?:megatron(?:-lm|-deepspeed)?|deepspeed|gpt-neox|nanotron|nemo|fairseq|t5x|mesh\s+tensorflow|levanter|torchtitan|composer|llm-foundry|open_lm|openrlhf|trl|axolotl)/iu,
        // Engaging a named line of prior research: "Analysis of Chinchilla scaling laws",
        // "the generated Winogender dataset", a programme that "culminated with the release of" a model.
        /(?:analysis|study|replication|reproduction|extension|revisit(?:ing)?|review)\s+of\s+(?:the\s+)?\S+\s+(?:scaling\s+laws?|method|approach|paper|results|findings|benchmark|dataset)|\S+\s+scaling\s+laws/iu,
        /(?:generated|extended|expanded|augmented|translated|re-?annotated|adapted)\s+(?:version\s+of\s+(?:the\s+)?)?(?!(?:synthetic|new|final|resulting|full|training|evaluation|test|our|this|same|entire|whole|additional|large|small|filtered|cleaned|raw|multilingual|instruction|preference|code|text|image)\b)\[?[\p{L}\p{N}][\p{L}\p{N}.'’-]*\]?(?:\([^)\s]*\))?\s+(?:dataset|benchmark|corpus|test\s+set)/iu,
        /(?:program(?:me)?|project|initiative|workshop|effort)\s+culminated\s+(?:in|with)/iu,
      ],
    },
    {
      id: 'historical-humility',
      label: 'the contingency of its own history',
      gapText: 'A linear innovation narrative with no acknowledgement of contingency or of what AI inherits.',
      findingText: 'Treats its own trajectory as contingent rather than as inevitable progress.',
      weight: 1,
      patterns: [
        /contingen(?:t|cy|cies)/iu,
        /(?:was\s+)?(?:not|never)\s+inevitable/iu,
        /(?:none|nothing)\s+of\s+(?:this|it|that)\s+was\s+inevitable/iu,
        /path[-\s]dependen(?:t|ce|cy)/iu,
        /history\s+of\s+(?:ai|computing|machine\s+translation|language\s+technology|artificial\s+intelligence)/iu,
        // The history of the field, not a time series' past values ("given the historical context").
        /in\s+(?:its|their|a|the)\s+(?:broader\s+)?historical\s+context|historical\s+context\s+of\s+(?:ai|artificial|machine|language|computing|the\s+field)/iu,
      ],
    },
  ],
  retrievalQueries: [
    'history of the lab and changes of direction',
    'founders and founding of the company',
    'funding investors ownership',
    'regulation law and compliance the lab operates under',
    'compute access chips export controls and geopolitics',
    'colonial and extractive legacies of data collection',
    'prior research and public programmes the models build on',
  ],
};
