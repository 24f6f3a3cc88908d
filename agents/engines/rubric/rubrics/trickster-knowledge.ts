/**
 * Lens 08, Trickster Knowledge: what truth appears when the story is inverted?
 *
 * The lens corrects self-exemption — a solemn, self-congratulatory narrative that never names
 * its own contradictions or tests itself against its opposite. A full disclosure turns the
 * lab's story on itself: the tensions it lives with, the mistakes it made, the money behind its
 * choices, the claims it invites others to break.
 *
 * Every pattern here is written in the lab's own voice ("we made a mistake", "critics argue"):
 * a journalist inverting the lab's story is evidence about the lab, not the lab's own trickster
 * move, and third-party evidence counts half in any case.
 *
 * Why each indicator matters:
 * - names-contradictions: naming a tension or trade-off is the lens's central move. Central.
 * - self-critical-admissions: admitting mistakes and shortfalls, even minor technical ones, is
 *   the self-implicating register the seed credits. Central.
 * - commercial-incentives: the money behind "principled" choices is the usual unspoken inversion.
 * - tests-own-claims: marketing claims tested against their opposite.
 * - invites-scrutiny: asking outsiders to break one's claims.
 * - open-closed-paradox: open weights coexisting with closed data or closed flagships, surfaced
 *   and explained rather than left for critics to find.
 * - humour-irony: irony and self-mockery let the official story be laughed at.
 * - reversals-corrections: public corrections are the record of a story that was inverted.
 */
import type { LensRubric } from './rubric-types.js';

/**
 * Its own earlier release fixed in public ("a new version of all models, fixing various
 * inconsistencies in the original suite", "we retrained the models after finding a bug"): both a
 * correction on record and an admission that the first release fell short.
 */
const fixesItsOwnEarlierRelease = /(?:fix|fixes|fixed|fixing|correct|corrects|corrected|correcting|resolv(?:e|es|ed|ing))\s+(?:various\s+|several\s+|some\s+|a\s+number\s+of\s+|an?\s+|the\s+)?(?:\S+\s+)?(?:inconsistenc(?:y|ies)|discrepanc(?:y|ies)|errors?|mistakes?|bugs?|flaws?)\s+in\s+(?:the\s+|our\s+)?(?:original|previous|earlier|prior|initial|first)|re-?train(?:ed|ing)?\s+(?:\S+\s+){0,4}?(?:after\s+(?:discovering|finding|noticing)|due\s+to\s+(?:a|an|the)\s+(?:bug|error|mistake|inconsistency|discrepancy))/iu;

/**
 * An error of its own named ("licences were erroneously labelled as permissive"): the labelling
 * guide counts a public correction of this kind as an admission and as a correction.
 */
const namesAnErrorOfItsOwn = /(?:erroneously|mistakenly|incorrectly|wrongly|accidentally|inadvertently)\s+(?:been\s+)?(?:labell?ed|included|listed|reported|released|published|marked|classified|attributed|removed|added|omitted|filtered|leaked|exposed)/iu;

export const tricksterKnowledgeRubric: LensRubric = {
  lensId: 'trickster-knowledge',
  indicators: [
    {
      id: 'names-contradictions',
      label: 'its own contradictions and trade-offs',
      gapText: 'No willingness to name its central contradictions or the trade-offs it chose.',
      findingText: 'Names a contradiction or trade-off in its own position rather than presenting it as seamless.',
      weight: 3,
      patterns: [
        /tensions?|contradictions?|contradictory|paradox(?:es|ical)?|trade-?offs?|dilemmas?/iu,
        /at\s+odds\s+with/iu,
        /double[-\s]edged/iu,
        /cuts?\s+both\s+ways/iu,
        // Capability set against harm in one breath: "While … are impressive, they can also …".
        /while\s+(?:\S+\s+){0,8}?(?:impressive|powerful|useful|beneficial|promising|valuable|capable|excels?|enables?|allows?|improves?|helps?|performs?\s+well)[^.;]{0,80}?(?:can|may|could|might)\s+also/iu,
        /dual[-\s]use/iu,
        // A trade-off named in other words: "openness comes at the cost of control", "we weigh access against misuse".
        // Concessive tension between an aim and a practice: "Although Big Code strives for open
        // communication, core members can set up private channels", "While we aim to be inclusive, …".
        /(?:although|though|while|whilst|even\s+though|despite)\s+(?:\S+\s+){0,3}?(?:strives?|striving|aims?|aiming|tries|seeks?|seeking|intends?|aspires?|hopes?|is\s+committed|are\s+committed|commits?|efforts?)\s+(?:to|for|towards?)\s+[^.;]{1,200}?,\s*(?:\S+\s+){0,4}?(?:we|it|they|some|there|this|our|in\s+practice)\b/iu,
        // Its own safeguard conceded as partial: "Although we have filtered the data …, we can
        // imagine that some developers do not wish …".
        /(?:although|even\s+though)\s+we\s+(?:have\s+|had\s+)?(?:\S+ed|made|taken|done|built|run|put)\s+(?:[^.;()]|\([^)]*\)){1,220}?,\s*(?:we|it|there|some|this|they|not)\b/iu,
        // Interests that pull apart: "each contributor might have its own interests besides the collective effort".
        /(?:competing|conflicting|divergent|diverging)\s+(?:interests|priorities|agendas|goals|values|demands)|(?:own|other)\s+interests\s+(?:besides|beyond|alongside|apart\s+from|other\s+than|that\s+(?:may\s+|might\s+|can\s+)?(?:differ|conflict))/iu,
        // A dilemma about its own practice left open: "One open question is … whether we should remove X or Y".
        /(?:open|unresolved|difficult|hard)\s+question\s+(?:is|remains)\s+(?:\S+\s+){0,12}?whether|whether\s+we\s+should\s+[^.;?]{1,160}?\bor\b/iu,
        /at\s+the\s+(?:cost|expense|price)\s+of|comes?\s+at\s+(?:a|the)\s+(?:cost|price)|weigh(?:s|ed|ing)?\s+(?:\S+\s+){1,5}?against|balanc(?:e|es|ed|ing)\s+(?:\S+\s+){0,4}?(?:between|against)/iu,
      ],
      exclusions: [
        // Size against speed or memory is an engineering choice offered to users, not a contradiction in the lab's position.
        /(?:at\s+the\s+(?:cost|expense|price)\s+of|balanc(?:e|es|ed|ing)\s+(?:\S+\s+){0,4}?(?:between|against))\s+(?:\S+\s+){0,2}?(?:performance|latency|speed|throughput|memory|compute|accuracy|quality|size|cost|efficiency)/iu,
        /trade-?offs?\s+(?:\S+\s+){0,4}?(?:performance|latency|speed|throughput|memory|compute|accuracy|quality|size|cost)|(?:performance|latency|speed|throughput|memory|compute|accuracy|quality|size|cost)(?:\s+\S+){0,3}?\s+trade-?offs?/iu,
      ],
    },
    {
      id: 'self-critical-admissions',
      label: 'admissions of its own mistakes and shortfalls',
      gapText: 'No self-directed audit: no mistake, shortfall or failure of its own is admitted.',
      findingText: 'Admits a mistake, shortfall or failure of its own rather than presenting only polish.',
      weight: 3,
      patterns: [
        /(?:we|i)\s+(?:made|make)\s+(?:a\s+|several\s+|some\s+|serious\s+)?mistakes?/iu,
        /we\s+(?:got|were)\s+(?:it\s+|this\s+|that\s+)?wrong/iu,
        /we\s+(?:failed|fell\s+short|underestimated|overestimated|misjudged)/iu,
        /post-?mortems?|incident\s+reports?|lessons\s+(?:learned|learnt)/iu,
        /we\s+(?:apologi[sz]e|regret)/iu,
        /(?:our|its|the)\s+(?:models?|systems?)\s+still\s+(?:perform|performs|struggle|struggles|fail|fails|make|makes)/iu,
        /(?:what|this)\s+remains\s+(?:hard|difficult|unsolved)/iu,
        // Shortfalls of its own work stated plainly: "the implementation … is not efficient",
        // "there are a lot of unknowns with this work", "mirrors and exacerbates biases".
        /(?:is|are)\s+(?:still\s+|currently\s+)?(?:not\s+(?:efficient|optimi[sz]ed|perfect|robust|production[-\s]ready)|far\s+from\s+perfect|imperfect|buggy)/iu,
        /(?:a\s+lot\s+of|many|several|important)\s+unknowns|(?:remains?|is)\s+(?:an\s+)?open\s+(?:question|problem)/iu,
        /mirrors?\s+and\s+exacerbates?|(?:our|this|the)\s+(?:models?|system|approach|work|method|implementation|dataset)\s+(?:\S+\s+){0,2}?(?:has|have)\s+(?:several\s+|some\s+|many\s+|important\s+|clear\s+|known\s+)?(?:limitations|shortcomings|flaws|weaknesses)/iu,
        // About its own work, not others' wishes ("we acknowledge that not all developers may wish …").
        /(?:we|the\s+authors?)\s+(?:acknowledge|recogni[sz]e|admit)\s+that\s+(?:our|the|this|these)\s+(?:\S+\s+){0,2}?(?:models?|work|data|dataset|approach|system|implementation|results|evaluations?|methods?|filtering|pipeline|process|training|release|decisions?|choices?)|we\s+admit/iu,
        /known\s+(?:issues|bugs|problems|failure\s+modes)/iu,
        // Its own software admitted unfinished: "the codebase is in early development", "this
        // repository is a work in progress". The subject is its own artefact, so "the field is in its
        // early stages" does not count.
        /(?:codebase|code|repository|repo|project|implementation|library|toolkit|software|api|release|models?|it|this)\s+(?:is|are)\s+(?:still\s+|currently\s+)?(?:in\s+(?:an?\s+|its\s+)?(?:very\s+)?early\s+(?:stages?\s+of\s+)?(?:development|stages?|phase)|(?:an?\s+)?(?:early|experimental)[-\s](?:stage|alpha|preview)\b|(?:an?\s+)?work\s+in\s+progress|(?:highly\s+)?experimental\s+and)/iu,
        // Users warned of its rough edges: "you might encounter unexpected errors or not perfectly
        // optimized training code". An adjective of surprise or imperfection keeps out setup notes
        // ("you may see errors if the driver is missing").
        /(?:you|users)\s+(?:may|might|could|will|can)\s+(?:still\s+|also\s+|occasionally\s+)?(?:encounter|run\s+into|experience|hit|notice|come\s+across)\s+(?:some\s+)?(?:unexpected|occasional|minor|unforeseen|various|rough)\s+(?:\S+\s+)?(?:errors|bugs|issues|problems|crashes|glitches|instabilit(?:y|ies)|edges)|not\s+(?:yet\s+)?(?:perfectly|fully)\s+optimi[sz]ed/iu,
        // Its model said to share the failings just listed: "Granite-vision is not the exception in
        // this regard", "our model is no exception".
        /(?:is|are)\s+(?:not\s+(?:an?|the)|no)\s+exceptions?(?:\s+(?:in\s+this\s+regard|here|to\s+this|either))?\s*[.;!]?$/iu,
        // Its own list or release admitted incomplete: "this list is not exhaustive", "with ample room
        // for improvement", "a collection of selected failure modes of our model".
        /(?:list|lists|examples|coverage|restrictions|categories)\s+(?:\S+\s+){0,2}?(?:is|are)\s+(?:not|by\s+no\s+means|far\s+from)\s+(?:exhaustive|complete|comprehensive)|(?:non|not)[-\s]exhaustive|(?:does|do|can)\s*(?:not|n['’]t)\s+cover\s+(?:every|all)/iu,
        /(?:ample|much|plenty\s+of|lots\s+of)\s+room\s+for\s+improvement|(?:selected|observed|common|typical)\s+failure\s+modes/iu,
        // Its own safeguards conceded as incomplete: "we cannot guarantee that all personal data was
        // removed", "despite our efforts, the dataset may still contain toxic content".
        /(?:we|the\s+authors?)\s+(?:cannot|can\s*not|can['’]t|could\s*not|do\s+not|don['’]t)\s+(?:fully\s+)?guarantee|despite\s+(?:our|these|the)\s+(?:best\s+)?(?:efforts|filtering|precautions|safeguards|mitigations)|(?:may|might|could)\s+still\s+(?:contain|include|produce|generate|reflect|exhibit|leak)/iu,
        namesAnErrorOfItsOwn,
        fixesItsOwnEarlierRelease,
        // An error of its own found after the fact: "we also discovered that due to a typo one of our
        // models was smaller than we thought", "we later found a bug in the data loader".
        /we\s+(?:later\s+|subsequently\s+|also\s+|since\s+)?(?:discovered|found|realised|realized|noticed|learned)\s+(?:that\s+)?[^.;]{0,80}?\b(?:bugs?|typos?|errors?|mistakes?|inconsistenc(?:y|ies)|discrepanc(?:y|ies)|flaws?|glitch(?:es)?|leakage|contamination)/iu,
        /due\s+to\s+(?:a|an)\s+(?:typo|oversight|mistake|error\s+(?:on\s+our\s+(?:part|side)|in\s+our))|due\s+to\s+a\s+bug\s+in\s+(?:our|the\s+(?:training|data|evaluation|preprocessing))|than\s+(?:we\s+(?:had\s+)?(?:thought|believed|claimed|reported|intended)|(?:originally\s+)?(?:intended|reported|claimed|advertised))\b/iu,
        // A process of its own admitted as not yet in place: "We are still exploring how to implement
        // processes for such removal requests", "we have not yet worked out how to …".
        /we\s+(?:are|were)\s+still\s+(?:exploring|working\s+out|figuring\s+out|investigating|determining|deciding|learning)\s+how\s+(?:to|best\s+to|we)|we\s+(?:have|had)\s+not\s+yet\s+(?:worked\s+out|figured\s+out|found|solved|decided|determined)\s+how/iu,
      ],
    },
    {
      id: 'commercial-incentives',
      label: 'the commercial incentives behind its choices',
      gapText: 'Commercial incentives are never named as shaping what is released, claimed or withheld.',
      findingText: 'Names the commercial incentives behind its choices instead of presenting them as purely principled.',
      weight: 2,
      patterns: [
        /commercial\s+(?:interests?|pressures?|incentives?|reasons|considerations|motives?|strategy)/iu,
        /conflicts?\s+of\s+interest/iu,
        /business\s+model/iu,
        /(?:funds|fund|pays\s+for|finances)\s+(?:our|the|its)\s+research/iu,
        /revenue|(?<!non-)profit(?:s|ability)?/iu,
        /competitive\s+(?:pressures?|reasons|advantage|positioning)/iu,
      ],
    },
    {
      id: 'tests-own-claims',
      label: 'tests of its own claims against their opposite',
      gapText: 'Marketing claims are presented straight, never tested against their opposite.',
      findingText: 'Tests its own claims against their opposite: cautions about benchmarks, hype or overstatement.',
      weight: 2,
      patterns: [
        /benchmarks?\s+(?:do|does|may|might)\s+not\s+(?:capture|reflect|measure|predict)/iu,
        /(?:should|must)\s+be\s+(?:read|treated|taken|interpreted)\s+with\s+caution/iu,
        /overstat(?:e|es|ed|ing)|overclaim(?:s|ed|ing)?|hype/iu,
        /(?:we|this)\s+(?:may|might|could)\s+be\s+wrong/iu,
        /(?:critics|sceptics|skeptics)\s+(?:argue|say|point\s+out|contend|note)/iu,
        /(?:is|are)\s+not\s+(?:a\s+)?guarantee/iu,
        // Checking its own numbers: contamination checks, results that may not carry over.
        /(?:results|scores|benchmarks?|evaluations?|numbers)\s+(?:may|might|can|could|do|does)\s+not\s+(?:fully\s+)?(?:reflect|capture|generali[sz]e|transfer|represent)/iu,
        /(?:benchmark|data|test[-\s]set)\s+contamination|decontaminat(?:e|ed|ion)/iu,
        // Examples it shows admitted as chosen, not typical: "cherry-picked examples", "not representative".
        // Its own figures qualified: "take these results with a grain of salt", "scores are not directly comparable".
        /grain\s+of\s+salt|(?:should|must|cannot|can\s*not)\s+(?:not\s+)?be\s+over-?interpreted|not\s+(?:directly|strictly|fully)\s+comparable|(?:may|might|could|likely)\s+(?:over|under)[-\s]?estimat(?:e|es)\s+(?:the\s+)?(?:\S+\s+)?(?:performance|capabilit(?:y|ies)|abilit(?:y|ies)|accuracy|results|scores|gains)/iu,
        /cherry[-\s]?pick(?:ed|ing)|hand[-\s]?picked\s+(?:examples|samples|outputs)|(?:not|un)\s*representative\s+(?:of|examples|samples)/iu,
      ],
    },
    {
      id: 'invites-scrutiny',
      label: 'invitations to outside criticism and adversarial testing',
      gapText: 'No invitation for outsiders to criticise, attack or disprove its claims.',
      findingText: 'Invites outside criticism or adversarial testing of its own systems.',
      weight: 2,
      patterns: [
        /bug\s+bount(?:y|ies)/iu,
        /(?:invite|invites|invited|welcome|welcomes|encourage|encourages)\s+(?:independent\s+|external\s+|outside\s+)?(?:criticism|critique|scrutiny|challenges?|red[-\s]?teaming|audits?|replication|researchers\s+to\s+(?:test|probe|challenge|break))/iu,
        /whistle-?blow(?:er|ers|ing)?/iu,
        /(?:researcher|academic)\s+access\s+(?:programmes?|programs?)/iu,
        /(?:responsible|vulnerability)\s+disclosure/iu,
        // A channel for reporting vulnerabilities is an invitation to attack its systems.
        /report(?:ing)?\s+(?:a\s+|any\s+|potential\s+)?(?:security\s+)?(?:vulnerabilit(?:y|ies)|security\s+(?:issues?|bugs?|concerns?))|security\s+issue\s+notifications?/iu,
        // Outsiders asked to probe its systems for faults: "we encourage researchers to test the
        // model for biases", "we invite the community to report failure cases".
        /(?:invite|invites|welcome|welcomes|encourage|encourages|ask|asks|urge|urges)\s+(?:\S+\s+){0,4}?to\s+(?:evaluate|test|probe|audit|scrutini[sz]e|red[-\s]?team|stress[-\s]test|find|report|flag|share)\s+(?:\S+\s+){0,5}?(?:failures?|failure\s+cases|weakness(?:es)?|flaws?|bias(?:es)?|limitations?|vulnerabilit(?:y|ies)|harms?|harmful\s+(?:outputs?|content|behaviou?rs?)|errors?|mistakes?|risks?)/iu,
        /please\s+(?:report|flag|let\s+us\s+know\s+about|tell\s+us\s+about)\s+(?:any\s+)?(?:\S+\s+){0,3}?(?:harmful|biased|unsafe|problematic|offensive|toxic|incorrect|inaccurate)\s+(?:outputs?|content|behaviou?rs?|generations|responses|completions|results)/iu,
        // Comments invited on its own choices or shortfalls (not product feedback in general):
        // "we welcome comments on these restrictions", "we invite feedback on the failure modes".
        /(?:welcome|welcomes|invite|invites|encourage|encourages|seek|seeking|appreciate|open\s+to)\s+(?:\S+\s+){0,3}?(?:comments|feedback|input|suggestions|critiques?|contributions|help)\s+(?:on|about|regarding|with|to\s+(?:improve|fix|address))\s+(?:\S+\s+){0,4}?(?:restrictions|licen[cs]es?|limitations|failures?|failure\s+modes|issues|problems|approach|choices|decisions|polic(?:y|ies)|terms|risks|harms|bias(?:es)?|safety|shortcomings|gaps)/iu,
      ],
    },
    {
      id: 'open-closed-paradox',
      label: 'the split between what it opens and what it keeps closed',
      gapText: 'The coexistence of open and closed in its own releases is never surfaced as a tension or explained.',
      findingText: 'Surfaces the split between what it opens and what it keeps closed, and gives a reason.',
      weight: 2,
      patterns: [
        /(?:do|does|will)\s+not\s+(?:release|open[-\s]source|publish)\s+(?:the\s+)?weights[^.]{0,80}?because/iu,
        /(?:open[-\s]weights?|open[-\s]source|apache\s+2\.0)[^.]{0,120}?(?:proprietary|closed|api[-\s]only|hosted\s+service|only\s+through)/iu,
        /(?:proprietary|closed|api[-\s]only)[^.]{0,120}?(?:open[-\s]weights?|open[-\s]source|apache\s+2\.0)/iu,
        /open\s+(?:by\s+default\s+)?where\s+(?:openness\s+is\s+)?(?:safe|it\s+matters)/iu,
        // A reason given for what is opened and how: "due to the non-commercial license of X, we can
        // only release the weights as deltas", "licensed non-commercially, in line with the original licence".
        /(?:due\s+to|because\s+of|owing\s+to|given)\s+(?:\S+\s+){0,6}?(?:licen[cs]es?|terms|restrictions?|risks?|misuse|safety)[^.]{0,120}?(?:only\s+)?(?:release|releasing|publish|share|open|licensed|weights|deltas|closed|withheld)/iu,
        /(?:can|could|will)\s+only\s+(?:release|share|publish|open)|non[-\s]commercial\s+(?:\S+\s+){0,6}?(?:in[-\s]line\s+with|because|due\s+to|as\s+required\s+by|following)/iu,
        /(?:chose|choose|decided|decide)\s+(?:not\s+)?to\s+(?:release|open[-\s]source|publish|keep|withhold)\s+(?:\S+\s+){0,6}?(?:because|so\s+that|in\s+order\s+to|as|given)\b/iu,
        /(?:releas(?:e|es|ed|ing)|open[-\s]sourc(?:e|es|ed|ing))\s+(?:the\s+|our\s+|its\s+|these\s+)?(?:\S+\s+)?(?:weights|models?|checkpoints|code|data(?:sets?)?)\s+(?:\S+\s+){0,6}?(?:because|so\s+that|in\s+order\s+to|to\s+(?:enable|allow|democrati[sz]e|foster|let|support))\b/iu,
        // A reasoned non-release of any artefact: "we do not release the filtered dataset due to licensing".
        /(?:do|does|did|will|can|could)\s*(?:not|n['’]t)\s+(?:publicly\s+)?(?:release|share|publish|open[-\s]source|distribute)\s+(?:the\s+|our\s+|its\s+|this\s+)?(?:\S+\s+){0,3}?(?:weights|data(?:sets?)?|code|models?|checkpoints?|prompts|pipeline|corpus)\s+[^.]{0,100}?(?:because|due\s+to|owing\s+to|given|to\s+(?:protect|avoid|prevent|respect))/iu,
        // Openness conceded against a closed practice in one breath: "Although Big Code strives for
        // open communication, core members can set up private channels".
        /(?:although|though|while|whilst|even\s+though|despite)\s+[^.;]{0,80}?\bopen(?:ness|[-\s]source|[-\s]weights?|\s+communication|\s+science|\s+access|\s+collaboration)?\b[^.;]{0,200}?\b(?:private|closed|proprietary|internal[-\s]only|confidential|gated|withheld|not\s+(?:be\s+)?(?:released|public|shared))/iu,
      ],
    },
    {
      id: 'humour-irony',
      label: 'irony and self-mockery',
      gapText: 'No irony, paradox or self-mockery: the narrative treats its own seriousness as exempt.',
      findingText: 'Uses irony or humour about itself, letting the official story be laughed at.',
      weight: 1,
      patterns: [
        /iron(?:y|ic|ically)|humou?r(?:ous)?|self-?deprecat(?:ing|ion)|tongue[-\s]in[-\s]cheek|jokes?|joking|absurd(?:ity)?/iu,
        // Its critics' epithet turned on itself: a "stochastic parrot" drawn by its own image model.
        /stochastic\s+parrots?/iu,
      ],
      exclusions: [
        // Citing the paper is scholarship, not self-mockery.
        /(?:dangers\s+of|on\s+the)\s+stochastic\s+parrots?|stochastic\s+parrots?\s+(?:paper|\(|et\s+al)/iu,
      ],
    },
    {
      id: 'reversals-corrections',
      label: 'public corrections and reversed decisions',
      gapText: 'No public correction, retraction or reversed decision is on record.',
      findingText: 'Records a correction, retraction or reversal of its own earlier claims or decisions.',
      weight: 1,
      patterns: [
        /retract(?:ed|ion|s)?/iu,
        /errat(?:um|a)|corrections?\s+(?:to|of)\s+(?:our|an|the)\s+(?:earlier|previous)/iu,
        /we\s+(?:reversed|changed|updated|withdrew|revised)\s+(?:our|the|this|that)\s+(?:decision|policy|position|claim|guidance|statement)/iu,
        /(?:rolled|rolls|roll)\s+back/iu,
        /(?:withdrew|withdrawn|pulled)\s+(?:the\s+)?(?:model|release|feature|claim)/iu,
        fixesItsOwnEarlierRelease,
        // A correction of its own record: "licences erroneously labelled as permissive", "we corrected an error in the labels".
        namesAnErrorOfItsOwn,
        /(?:corrected|fixed)\s+(?:an?\s+|the\s+|several\s+)?(?:error|errors|mistake|mistakes)\s+in\s+(?:the\s+|our\s+)?(?:\S+\s+)?(?:data|dataset|labels?|results|evaluations?|scores|paper|report|licen[cs]es?|metadata)/iu,
      ],
    },
  ],
  retrievalQueries: [
    'tensions contradictions and trade-offs the lab names',
    'mistakes failures and lessons learned',
    'commercial interests revenue and business model',
    'limits of benchmarks and marketing claims',
    'criticism and independent scrutiny invited',
    'why some models are open and others closed',
    'decisions reversed or corrected',
  ],
};
