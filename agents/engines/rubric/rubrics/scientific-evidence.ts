/**
 * Lens 04, Scientific Evidence: what does the evidence show, and what are its limits?
 *
 * The lens corrects unfalsifiable claims — capability or safety asserted without published
 * evaluations, independent audits, data provenance or stated limits. A full disclosure lets an
 * outsider check every claim: what the model was trained on, how it was measured, who else
 * measured it, where it fails, what it cost, and how to replicate it.
 *
 * Why each indicator matters:
 * - training-data: provenance and composition are the foundation every other claim rests on;
 *   the seed's central gap. Central.
 * - independent-audit: evidence the lab did not produce itself. Central.
 * - evaluation-methodology: named benchmarks and methods make results checkable.
 * - published-limitations: limits and error rates at the level of capability and harm, not only
 *   tooling quirks.
 * - compute-energy: the material cost of the evidence.
 * - reproducibility: open weights, code and evaluation data are the strongest evidentiary
 *   posture a lab can take.
 * - safety-evaluations: pre-release testing and red-teaming, the evidence behind safety claims.
 * - technical-publication: reports and papers invite external scrutiny.
 */
import type { LensRubric } from './rubric-types.js';
import { near } from './rubric-patterns.js';
import { acceleratorCount, acceleratorLabelled, acceleratorTime, dataQuantity, energyAndEmissions, openWeights, othersModels } from './shared-lexicons.js';

/**
 * The artefacts a replication needs, as a release names them: weights, checkpoints, datasets,
 * code and the run's own records (logs, dashboards).
 */
const releasedArtefact = String.raw`(?:models?|weights|checkpoints?|datasets?|data|code(?:\s+repositor(?:y|ies))?|repositor(?:y|ies)|source\s+code|code-?base|implementation|scripts|notebooks|dashboards?|logs|benchmarks?)`;

/** A link whose target is a hosted dataset's or model's page (`[FineMath](…/datasets/…/finemath)`). */
const hostedArtefactLink = String.raw`\[[^\]]+\]\(https?:\/\/[^)\s]*\/(?:datasets|models?)\/[^)\s]+\)`;

export const scientificEvidenceRubric: LensRubric = {
  lensId: 'scientific-evidence',
  indicators: [
    {
      id: 'training-data',
      label: 'training data provenance and composition',
      gapText: 'No disclosure of training data provenance, composition or filtering methodology.',
      findingText: 'Discloses where the training data came from or what it contains.',
      weight: 3,
      patterns: [
        /training\s+(?:data|corpus|corpora|set|mixture)\s+(?:sources?|composition|mix|consists|consisted|includes|included|comprises|comprised|was\s+collected|were\s+collected|came|comes|was\s+drawn|is\s+drawn)/iu,
        /(?:sources?|composition|provenance|breakdown)\s+of\s+(?:the\s+|our\s+|its\s+)?(?:training\s+)?(?:data|datasets?|corpus|corpora)/iu,
        /(?:pre-?)?trained\s+on\s+(?:\d[\d.,]*\s*(?:trillion|billion|million|[tbm])?\s+tokens|a\s+(?:mix|mixture|corpus|dataset)|data\s+from|publicly\s+available)/iu,
        /(?:data|corpus|corpora|text)\s+(?:was|were)\s+collected\s+from/iu,
        /data\s+(?:sources|provenance|composition)/iu,
        /datasheets?|data\s+cards?/iu,
        // How much: "pretrained on ~15T tokens", "approximately 500B tokens", "about 1.2TB of Korean text".
        dataQuantity,
        // What on: "trained on a subset of LAION-5B", "trained on source code and natural language text".
        /(?:pre-?)?trained\s+(?:\S+\s+){0,2}?on\s+(?:\S+\s+){0,8}?(?:data|datasets?|corpus|corpora|subsets?|tokens|mix(?:ture)?|combination|text|code|images|captions|annotations)/iu,
        /(?:pre-?training|instruction[-\s]tuning|fine[-\s]tuning|post[-\s]training|training)\s+(?:data(?:sets?)?|corpus|corpora|mixture|set)/iu,
        // Composition by language: "initial pretraining with the top 12 languages".
        /(?:pre-?train(?:ed|ing)?|train(?:ed|ing))\s+(?:\S+\s+){0,2}?(?:with|on)\s+(?:the\s+)?(?:top\s+)?\d+\s+(?:programming\s+|natural\s+)?languages/iu,
        // How it was prepared: filtering, deduplication, curation, synthetic or annotated data.
        /(?:data|dataset|corpus)\s+(?:curation|filtering|deduplication|cleaning|processing|collection)|(?:filtered|deduplicated|curated)\s+(?:using|with|by|for)/iu,
        /(?:synthetic|human[-\s]annotated|annotated|scraped|crawled|licensed|publicly\s+available)\s+(?:data|datasets?|text|code|corpus|images)/iu,
        // Where the data came from, told of one dataset: "obtained by scraping the site", "samples from the
        // X dataset were used", "a combination of five datasets", "web datasets like RefinedWeb".
        /(?:obtained|collected|built|gathered)\s+by\s+(?:scrap|crawl|download|harvest)\w*|(?:samples|examples|prompts|data)\s+from\s+(?:\S+\s+){0,4}?datasets?\s+(?:were|was)\s+used|(?:combination|mix(?:ture)?|collection|union)\s+of\s+(?:\S+\s+){0,3}?datasets|(?:web|public|open)\s+datasets\s+(?:like|such\s+as|including)|(?:data\s?set|corpus)\s+(?:\S+\s+){0,2}?consists\s+of\s+(?:\S+\s+){0,3}?(?:datasets|sources|components|subsets)/iu,
        // A named deduplication method run over the data: "MinHash deduplication", "exact-match deduplication".
        /(?:minhash|exact(?:[-\s]match)?|near[-\s]duplicate|fuzzy|n-?gram)\s+de-?duplication/iu,
        // How a dataset was made: "a dataset created via …", "the data were generated by …" (with a placeholder it reads as withheld).
        /(?:datasets?|data|corpus|corpora)\b[^.]{0,80}?\b(?:created|built|generated|constructed|assembled)\s+(?:via|by|with|using|from)/iu,
        /(?:collected|scraped|crawled|obtained|gathered|sourced)\s+(?:\S+\s+){0,6}?(?:from|by\s+scraping)/iu,
        // What a dataset is made of: "The dataset consists of 160K conversations", "the corpus contains code in 86 languages".
        /(?:dataset|data\s+set|corpus|corpora|training\s+data|data\s+mix(?:ture)?)\s+(?:\S+\s+){0,2}?(?:consists?|consisted|is\s+composed|are\s+composed|comprises?|comprised|contains?|contained)\s+(?:of\s+)?(?:\S+\s+){0,3}?(?:\d|examples|samples|pairs|conversations|dialogues|documents|files|texts?|code|images|transcripts|comparisons)/iu,
        // A verb of telling with the training data as object: met when plain, a refusal when negated.
        /(?:disclos(?:e|es|ed|ing)|publish(?:es|ed|ing)?|releas(?:e|es|ed|ing)|shar(?:e|es|ed|ing)|reveal(?:s|ed|ing)?|document(?:s|ed|ing)?|list(?:s|ed|ing)?)\s+(?:the\s+|our\s+|its\s+|their\s+|all\s+)?(?:training\s+data(?:sets?)?|training\s+corpus|pre-?training\s+data|data\s+sources)/iu,
        // "Trained with/using" as well as "on": "models trained using The Pile", "trained with 1.2TB of text".
        /(?:pre-?)?trained\s+(?:\S+\s+){0,2}?(?:with|using)\s+(?:\S+\s+){0,5}?(?:data|datasets?|corpus|corpora|tokens|text|code|images|captions|pile)\b/iu,
        // Named sources introduced as a list: "we use the following datasets", "a blend of web text and code".
        /(?:the\s+)?following\s+(?:\S+\s+)?(?:datasets|data\s+sources|sources|corpora)\b|(?:blend|mix(?:ture)?|combination)\s+of\s+(?:\S+\s+){0,3}?(?:data|datasets|sources|corpora|text|images|documents)\b/iu,
        // Gathering told in the present: "to obtain text from as many modalities as possible".
        /(?:collect|obtain|gather|source|scrape|crawl|extract|download)\s+(?:\S+\s+){0,3}?(?:text|data|documents|code|images|samples|content|files|pages)\s+from\b/iu,
        // What data grew from: "prompts based on seed samples from UltraChat", "examples drawn from five datasets".
        /(?:based\s+on|seeded\s+(?:with|by)|built\s+on)\s+(?:\S+\s+){0,3}?(?:seed\s+)?(?:samples|data|datasets?|examples|documents|prompts|sources|subsets?|seeds|corpus|corpora)\s+(?:from|of|in)\b|(?:derived|drawn|sampled|taken|seeded|built)\s+from\s+(?:\S+\s+){0,3}?(?:samples|data|datasets?|examples|documents|prompts|sources|subsets?|seeds|corpus|corpora)\b/iu,
        // Which part of a dataset went in: "we only use the 'Questions about the world' [subset](…) of UltraChat".
        /\b(?:use[sd]?|using|select(?:s|ed)?|keep|kept|sampl(?:e|es|ed))\s+(?:\S+\s+){0,6}?\[?subsets?\]?(?:\([^)\s]*\))?\s+of\b/iu,
        // Filtering as the lab did it: "we filter out non English instructions", "we deduplicate the files".
        /\bwe\s+(?:also\s+|then\s+|further\s+)?(?:filter(?:ed)?(?:\s+out)?|discard(?:ed)?|exclud(?:e|ed)|deduplicat(?:e|ed)|decontaminat(?:e|ed))\s+(?:\S+\s+){0,4}?(?:non[-\s]?\w+|instructions?|documents|samples|examples|duplicates|categories|sources|files|pages|content|data|texts?|code|images|prompts)\b/iu,
        // A change of composition between versions: "Release of The Stack v1.1 with expanded data", "including additional datasets".
        /(?:expanded|additional|extended|supplementary)\s+(?:\S+\s+)?(?:data(?:sets?)?|corpus|corpora|sources|programming\s+languages)\b/iu,
        // Personal data taken out of the corpus: "de-identification of personally identifiable information", "PII redaction".
        /(?:de-?identification|redaction|anonymi[sz]ation|removal|masking)\s+of\s+(?:\S+\s+){0,2}?(?:personally\s+identifiable|pii\b|personal\s+(?:data|information))|\bpii\s+(?:redaction|removal|detection|masking|filtering|de-?identification|anonymi[sz]ation)/iu,
        // The data set out in a figure or table: "a detailed view of our data is presented in Figure 1".
        /\b(?:our|the|its)\s+(?:training\s+|pre-?training\s+|fine-?tuning\s+)?(?:data|datasets|data\s+mix(?:ture)?|corpus|corpora)\s+(?:is|are)\s+(?:\S+\s+)?(?:presented|shown|depicted|described|detailed|listed|summari[sz]ed|broken\s+down|visuali[sz]ed)\s+in\s+(?:figures?|fig\.|tables?|section|appendix)/iu,
        // The kinds of content the lab generated for its corpus: "we build several types of stories: educational …".
        /\bwe\s+(?:\S+\s+)?(?:build|built|generate[ds]?|create[ds]?|synthesi[sz]e[ds]?|produce[ds]?|write|wrote)\s+(?:\S+\s+){0,2}?(?:types|kinds|categories|varieties|styles|genres)\s+of\s+(?:\S+\s+)?(?:stories|texts?|samples|examples|prompts|documents|data|conversations|dialogues|problems|exercises|textbooks|posts)\b/iu,
        // A model released in a deduplicated-data variant is named for the data it was trained on: "Pythia-1.3B-Deduped".
        /\b[\p{L}\p{N}.]+-\d+(?:\.\d+)?[MBT]-dedup(?:ed|licated)?\b/iu,
      ],
      exclusions: [
        // Tooling offered to others for their own data is not the lab's training data.
        /(?:your|their)\s+(?:own\s+)?(?:custom\s+)?(?:training\s+)?(?:data(?:sets?)?|corpus)/iu,
        /(?:fine[-\s]?tun(?:e|ing)|train(?:ing)?)\s+(?:it\s+|the\s+model\s+)?on\s+(?:your|their|custom)/iu,
        // The size of an evaluation or test set is not training data: "the test set contains 1,000
        // questions", "two datasets, each of size up to 1,000 questions", "500 benchmark prompts".
        /(?:evaluation|eval|test|validation|held[-\s]out|benchmark)\s+(?:\S+\s+){0,2}?(?:sets?|splits?|datasets?|data|suites?)\s+(?:\S+\s+){0,4}?(?:contains?|consists?\s+of|comprises?|has|have|of|with|includes?)\s+(?:\S+\s+){0,3}?(?:~|about|up\s+to\s+)?\d[\d,.]*\s*\S*|(?:each\s+)?of\s+size\s+(?:up\s+to\s+|about\s+)?\d[\d,.]*\s*(?:\S+)?|\d[\d,.]*\s*(?:\S+\s+)?(?:test|evaluation|eval|benchmark)\s+(?:questions|examples|samples|prompts|items|problems|cases)/iu,
        // A context window or a GPU's memory is not an amount of training data.
        /(?:context|sequence|window|length|vocab(?:ulary)?)\s*(?:\S+\s+){0,3}?[:=(]?\s*\d[\d,]*\s*(?:k\s*)?tokens|\d+\s*[GT]B\s+(?:of\s+)?(?:GPU\s+)?(?:memory|RAM|VRAM)/iu,
        // An ablation model's data is an experiment's, not the released model's training data.
        /ablations?\s+(?:\S+\s+){0,4}?(?:model|models|runs?)\s+(?:\S+\s+){0,3}?trained(?:\s+\S+){0,6}/iu,
        // Tools named for a job ("[datatrove](…) for data processing") say which software, not which data.
        /(?:\(https?:\/\/[^)\s]*\)|framework|library|toolkit|tool)\s+for\s+(?:the\s+)?(?:data\s+(?:processing|curation|filtering)|training|evaluation)/iu,
        // Image resolution and aspect ratios describe the input format, not where the data came from.
        /(?:trained|training)\s+(?:\S+\s+){0,3}?on\s+(?:\S+\s+){0,4}?(?:aspect\s+ratios|resolutions?)\b(?:\s+\S+){0,4}/iu,
        // An optional walk-through for the reader: "optionally, you may use [synthetic data from …] to follow along".
        /\byou\s+(?:may|can|could|might)\s+(?:also\s+|optionally\s+)?use(?:\s+\S+){0,5}/iu,
        // A subset picked for evaluation is not training data.
        /subsets?\]?(?:\([^)\s]*\))?\s+of\s+(?:\S+\s+){0,3}?(?:for\s+)?(?:evaluation|benchmark(?:ing)?|test(?:ing)?)/iu,
      ],
      concepts: [
        ['=train', 'pretrain', 'pretrained', 'pretraining', 'finetune', 'curate', 'filter'],
        ['data', 'dataset', 'corpus', 'tokens', 'captions', 'subset'],
      ],
      negations: [
        /(?:data|datasets?|corpus|corpora|data\s+mixture)\s+(?:is|are|remains?)\s+(?:kept\s+)?(?:confidential|proprietary|undisclosed|secret)/iu,
        /(?:keep|keeps|kept|treat|treats)\s+(?:the\s+|our\s+|its\s+)?(?:training\s+)?(?:data|datasets?|corpus|data\s+mixture)\s+(?:confidential|proprietary|secret|private)/iu,
      ],
    },
    {
      id: 'independent-audit',
      label: 'independent third-party audits',
      gapText: 'No independent third-party audit of training data, bias or safety is referenced.',
      findingText: 'Refers to independent third-party audits or external evaluations of its models.',
      weight: 3,
      patterns: [
        /(?:independent(?:ly)?|third[-\s]party|external)\s+(?:audit(?:s|ed|ors?)?|evaluat(?:ion|ions|ed|ors?)|assess(?:ment|ments|ed|ors?)|review(?:s|ed|ers)?|red[-\s]?team(?:s|ing|ers)?|testing|tested|verification|verified)/iu,
        /audited\s+by/iu,
        /ai\s+(?:safety|security)\s+institute|aisi/iu,
      ],
    },
    {
      id: 'evaluation-methodology',
      label: 'published evaluations with named benchmarks and methods',
      gapText: 'No published evaluation methodology: benchmarks, protocols and results are not laid out.',
      findingText: 'Publishes evaluation results on named benchmarks or describes how evaluation was done.',
      weight: 2,
      patterns: [
        /evaluat(?:ed|ion|ions)\s+(?:on|against|across|results?|table|methodology|protocols?|suite|harness)/iu,
        /results\s+on/iu,
        /benchmark\s+(?:results|scores|suite)/iu,
        /(?:on|across)\s+\d+\s+of\s+\d+\s+(?:[\p{L}-]+\s+)?benchmarks/iu,
        /(?:in|on)\s+(?:our|an)\s+internal\s+(?:[\p{L}-]+\s+){0,3}benchmark/iu,
        /human\s+(?:raters|evaluation|evaluators)/iu,
        /evaluat(?:e|ed|ion)\s+(?:datasets?|data|suite|harness|scripts?|tasks?|library|framework|metrics?)/iu,
        /benchmark(?:s|ed|ing)?\s+(?:our|the|its)\s+models?|benchmark\s+(?:datasets?|metrics|tasks)|(?:public|standard|academic)\s+benchmarks/iu,
        /(?:outperform(?:s|ed|ing)?|achiev(?:e|es|ed|ing)|scor(?:e|es|ed|ing))\s+(?:\S+\s+){0,8}?(?:on|in|of|across)\s+(?:\S+\s+){0,4}?(?:benchmarks?|datasets?|tasks|evals?)/iu,
        // Metrics with their names: an analyst reads "F1", "pass@1", "recall of 1.0" as a method.
        /(?:f1|pass@\d+|bleu|rouge(?:-\w+)?|perplexity|win[-\s]rates?|auc|fid|clip\s+scores?|exact[-\s]match|accuracy|recall|precision)(?:\s+(?:scores?|of|at))?/iu,
        /(?:zero|few|one)[-\s]shot\s+(?:evaluations?|prompting|settings?|performance)|ablations?/iu,
        /(?:internal|external)\s+evals?|(?:validation|test)\s+(?:set|split)/iu,
        // An evaluation dataset's design: what it measures in a model and in what format.
        /(?:used\s+to\s+)?evaluat(?:e|es|ing)\s+(?:a|the|our|each|whether\s+(?:a|the))\s+(?:\S+\s+)?models?['’]?s?/iu,
        /(?:multiple[-\s]choice|binary|a\/b|yes\/no)\s+questions/iu,
        // How a quantity is measured: "we measure memorization as …", "we evaluate on HumanEval using pass@1".
        /we\s+(?:evaluate|evaluated|measure|measured|assess|assessed|benchmark|benchmarked)\s+(?:\S+\s+){0,5}?(?:on|using|with|against|across|by|as)/iu,
        /(?:results|performance|scores?|numbers)\s+(?:\S+\s+)?(?:are|is)\s+(?:shown|reported|summari[sz]ed|listed|given|plotted)\s+(?:in|below)/iu,
        // "We evaluated X alongside other models in the 1B-4B range using the standard … benchmark".
        /we\s+(?:evaluate|evaluated|measure|measured|benchmark|benchmarked)\s+(?:\S+\s+){0,14}?(?:using|on|against)\s+(?:the\s+)?(?:standard|public|established|\S+)\s+(?:\S+\s+)?(?:benchmarks?|harness|suite|evals?)/iu,
        /(?:standard|public|established|academic)\s+(?:\S+\s+)?benchmark\b|(?:added|add|adds|contributed)\s+(?:\d+\s+)?(?:\S+\s+){0,2}?tasks\s+to\s+(?:\S+\s+)?(?:\S*eval\S*|harness|benchmark)/iu,
        // A table row of scores: two or more decimal cells side by side ("| DocVQA | 0.88 | 0.91 |").
        /\|\s*\**[<>~]?\d{1,3}\.\d{1,3}\**\s*%?\s*\|\s*\**[<>~]?\d{1,3}\.\d{1,3}\**\s*%?\s*(?:\||$)/iu,
        // How a score was obtained: "evaluated using 50 sampling steps", "measured on a single GPU", "we report accuracy"
        // ("evaluated by" names who, not how: an internal red team is safety testing).
        /evaluat(?:ed|es)\s+(?:\S+\s+){0,3}?(?:using|with|at|under|in\s+terms\s+of)\b|measured\s+(?:by|in|with|using|on|as)\b|we\s+report\s+(?:\S+\s+){0,4}?(?:results|scores?|accuracy|performance|metrics|numbers)\b/iu,
        /(?:higher|lower|better|worse)\s+(?:\S+\s+)?(?:scores?|accuracy|fid|quality|performance|results)\s+than\b/iu,
        // The harness or named benchmark the numbers come from: "with the LM evaluation harness", "on the MMMU benchmark".
        /(?:lm|lmms|llms?|bigcode)[-_\s]?eval(?:uation)?(?:[-_\s]harness)?|lighteval|opencompass|(?:on|across|using|with)\s+(?:the\s+)?(?:\S+\s+){0,3}?benchmarks?\b/iu,
        // A model set against others in a study: "Model A (30 steps) was compared against B (50 steps), C and D".
        /(?:was|were|is|are|been)\s+compared\s+(?:against|to|with)\b/iu,
        // Metrics by their usual abbreviations (document, speech, forecasting and image scores); patterns are read
        // case-insensitively, so none of these may also be an everyday word ("mAP" would match "map").
        /\b(?:ANLS|CER|WER|MSE|MAE|RMSE|MASE|WQL|CRPS|CIDEr|SSIM|PSNR|LPIPS|Elo\s+(?:scores?|ratings?))\b|mean\s+average\s+precision/u,
        // A result stated against a field of models or a set of comparisons: "performs best in almost all comparisons".
        /according\s+to\s+(?:our|the)\s+(?:\S+\s+)?(?:evaluations?|benchmarks?|measurements?|experiments?|tests?|studies|study)\b/iu,
        /(?:performs?|performed|ranks?|ranked|scores?|scored)\s+(?:\S+\s+){0,3}?(?:best|highest|first|top|better|worse)\s+(?:\S+\s+){0,8}?(?:in|on|across|among)\s+(?:\S+\s+){0,4}?(?:comparisons|evaluations?|benchmarks?|leaderboards?|metrics|tasks)\b/iu,
        // Keeping benchmarks out of the training data is part of how a score is made trustworthy.
        /decontaminat(?:e|es|ed|ing|ion)\b/iu,
        // An evaluation dataset set out by what it is for: "the generated dataset as discussed in the section 'Evaluating …'".
        /(?:datasets?|questions|prompts|statements)\s+(?:\S+\s+){0,8}?(?:for\s+|to\s+|in\s+)?["'“]?evaluat(?:e|es|ing|ion)\b/iu,
        // Judgements by people: "human preference evaluation", "a user study", "preferred by human raters".
        /(?:human|user)\s+(?:preference|studies|study|ratings?|judg(?:e)?ments?|assessments?)|preferred\s+by\s+(?:\S+\s+)?(?:humans|raters|annotators|users|evaluators)/iu,
        // An evaluation's status in a release table: "0-shot Ready", "few-shot available".
        /(?:zero|one|few|\d+)[-\s]shot\s+(?:ready|available|done|complete|released)\b/iu,
        // An evaluation set's design by its size in questions: "two datasets, each of size up to 1,000 questions".
        /(?:datasets?|sets?|suites?)\b[^.]{0,30}?\b(?:of\s+size|with|containing|consisting\s+of)\s+(?:up\s+to\s+|about\s+|around\s+|roughly\s+|~)?\d[\d,.]*\s*[kK]?\s+(?:questions|items|problems|test\s+cases)\b/iu,
      ],
      exclusions: [
        // The size of a training set in questions is training data, not an evaluation's design.
        /(?:training|train|sft|fine-?tuning|instruction(?:[-\s]tuning)?|pre-?training|preference|alignment)\s+(?:datasets?|sets?|data|splits?)\b[^.]{0,30}?\b(?:of\s+size|with|containing|consisting\s+of)\s+(?:up\s+to\s+|about\s+|around\s+|roughly\s+|~)?\d[\d,.]*\s*[kK]?\s+(?:questions|items|problems|test\s+cases)\b/iu,
        // A plan for an evaluation suite is not a published one.
        /(?:developing|building|create|creating|designing)\s+(?:a\s+|an\s+)?(?:\S+\s+){0,2}?evaluation\s+suite/iu,
      ],
      sections: [{ heading: /evaluations?|benchmarks?|results|performance|metrics|leaderboard/iu, reads: 'both' }],
    },
    {
      id: 'published-limitations',
      label: 'published limitations and error rates',
      gapText: 'No substantive limitations or error rates disclosed at the level of capability or harm.',
      findingText: 'Publishes concrete limitations, failure modes or error rates.',
      weight: 2,
      patterns: [
        /(?:known\s+|model\s+|current\s+|important\s+)?limitations(?!\s+of\s+liability)/iu,
        /error\s+rates?|false[-\s](?:positive|negative)\s+rates?/iu,
        /failure\s+modes?/iu,
        /hallucinat(?:e|es|ion|ions|ing)/iu,
        /(?:can|could|may|might|will\s+sometimes)\s+(?:produce|generate|make|reproduce|output|give)\s+(?:confident\s+but\s+)?(?:incorrect|inaccurate|false|wrong|harmful|biased|stereotyp[a-z]*|mistakes|errors)/iu,
        /(?:markedly|noticeably|significantly|considerably|substantially)\s+(?:lower|worse|weaker)/iu,
        /not\s+recommended\s+for|should\s+not\s+be\s+(?:used|relied\s+(?:up)?on)\s+for/iu,
        /training\s+cut-?off/iu,
        // What the data or outputs may carry: "some data contains content that includes social biases", "may contain errors".
        /(?:contains?|includes?|contain|may\s+(?:contain|include))\s+(?:\S+\s+){0,4}?(?:offensive|harmful|toxic|biased|upsetting|disturbing|inaccurate|incorrect)\s+(?:content|text|material|language|outputs?|information)|(?:may|might|can)\s+(?:\S+\s+){0,2}?(?:contain|include)\s+(?:\S+\s+){0,2}?(?:errors|inaccuracies|biases|mistakes)|content\s+that\s+includes\s+(?:\S+\s+){0,2}?biases/iu,
        /(?:we|it)\s+(?:do|does|can)\s*(?:not|n['’]t)\s+guarantee/iu,
        /not\s+(?:trained|designed|intended|built|optimi[sz]ed)\s+to\s+(?:be\s+|give\s+|produce\s+)?(?:factual|accurate|reliable|truthful|safe)/iu,
        /(?:is|are)\s+(?:currently\s+|still\s+)?limited\s+to|(?:only|mainly|mostly)\s+(?:trained|tested|evaluated)\s+(?:and\s+(?:trained|tested|evaluated)\s+)?on/iu,
        /(?:does|do|did|will|would|may|might|can)\s+not\s+(?:work|perform|generali[sz]e|achieve|render|handle|be\s+generated)(?:\s+\S+){0,3}?\s+(?:well|properly|reliably|accurately|perfect\w*)/iu,
        /cannot\s+(?:render|reliably|accurately|handle|generate|produce)|not\s+(?:efficient|optimi[sz]ed|robust|reliable)/iu,
        /(?:may|might|can|could)\s+(?:\S+\s+){0,2}?(?:produce|generate|output|lead\s+to)\s+(?:\S+\s+){0,3}?(?:unexpected|unsafe|harmful|offensive|toxic|socially\s+unacceptable|inappropriate)/iu,
        /(?:offensive|harmful|toxic|biased)\s+(?:content|outputs?|text)\s+(?:may|might|can)\s+(?:occur|appear|be\s+produced)/iu,
        /prone\s+to|hard\s+to\s+predict|(?:early|research)\s+preview|(?:not\s+)?(?:expected|designed|intended)\s+to\s+work\s+as/iu,
        /(?:significantly|considerably|substantially)\s+(?:lower|worse|weaker|limited|degraded)/iu,
        /mirrors?\s+and\s+exacerbates?\s+biases|(?:reinforce|exacerbate|amplify)\s+(?:\S+\s+)?biases/iu,
        // Hedged in place: "the model may in some cases produce inaccurate … responses", "general vision
        // tasks may pose higher risks of biased output", "we do not support computer use yet".
        /(?:can|could|may|might)\s+(?:\S+\s+){1,3}?(?:produce|generate|output|give|return)\s+(?:\S+\s+){0,2}?(?:incorrect|inaccurate|false|wrong|harmful|biased|unsafe|offensive|toxic)/iu,
        /(?:may|might|can|could)\s+(?:\S+\s+){0,2}?(?:pose|carry|involve)\s+(?:\S+\s+){0,2}?risks?\s+of\s+(?:\S+\s+){0,2}?(?:biased|harmful|unsafe|incorrect|inaccurate|toxic|offensive)/iu,
        /(?:do|does)\s+not\s+(?:yet\s+)?support|(?:is|are)\s+not\s+(?:yet\s+)?supported/iu,
        // Capability limits in the usual words: "struggles with", "is susceptible to", "less accurate on", "primarily trained on English".
        /struggl(?:e|es|ed|ing)\s+(?:with|to)|(?:susceptible|vulnerable)\s+to|less\s+(?:accurate|reliable|robust|capable|effective)|(?:primarily|predominantly)\s+(?:trained|tested|evaluated)\s+(?:\S+\s+){0,2}?on|limited\s+(?:ability|capacity|understanding|knowledge|performance|support\s+for)/iu,
        /(?:reflect|reflects|inherit|inherits|exhibit|exhibits|perpetuate|perpetuates|encode|encodes)\s+(?:\S+\s+){0,3}?(?:biases|stereotypes|prejudices)/iu,
        // Generation faults and outright failure: "may produce artifacts", "can fail to follow the prompt", "is not yet fully reliable".
        /(?:may|might|can|could|sometimes|occasionally|often)\s+(?:\S+\s+){0,3}?(?:artifacts|artefacts|distortions|glitches)\b|(?:may|might|can|could|often|sometimes)\s+(?:still\s+)?fail\s+(?:to|on|at|when)\b|(?:is|are)\s+not\s+(?:yet\s+)?(?:fully\s+|always\s+|perfectly\s+)?(?:accurate|reliable|robust|perfect)\b/iu,
        /not\s+(?:suitable|appropriate|intended|meant)\s+for\b|(?:known|current|remaining)\s+(?:issues|problems|shortcomings|weaknesses)\b/iu,
        // Abilities the model lacks, and results that degrade: "unable to", "not capable of", "degraded quality on long inputs".
        /\b(?:unable\s+to|incapable\s+of|not\s+(?:able|capable)\s+(?:to|of)|difficult(?:y|ies)\s+(?:with|in))\b|(?:degraded|reduced|poor|poorer)\s+(?:\S+\s+)?(?:quality|performance|accuracy|results|outputs?)\b/iu,
        // The lab pointing away from its own model: "other models … offer superior performance compared to this model".
        /(?:superior|better|higher|stronger)\s+(?:\S+\s+)?(?:performance|results|accuracy|quality)\s+(?:compared\s+(?:to|with)|than)\s+(?:this|the\s+present|the\s+current)\s+model/iu,
        // Scope stated as for now, or as only: "currently the models support English instructions", "the model only accepts text".
        /\b(?:currently|at\s+(?:the\s+moment|present)|for\s+now)\s+(?:the\s+|this\s+|our\s+|its\s+)?(?:\S+\s+)?models?\s+(?:only\s+)?(?:supports?|accepts?|handles?|understands?)\b|\bmodels?\s+(?:\S+\s+)?(?:currently\s+)?only\s+(?:supports?|accepts?|handles?|understands?)\b/iu,
        // The model counted among those sharing the risks just named: "X is not the exception in this regard", "is no exception".
        /(?:models?|systems?|it|this|[\p{L}\p{N}.-]*\d[\p{L}\p{N}.-]*)\s+(?:is|are)\s+(?:not\s+(?:an?|the)|no)\s+exceptions?\b/iu,
      ],
      exclusions: [
        // A data-subject right ("request limitations on data processing") and liability terms are not limits of the model.
        /limitations?\s+on|limitations?\s+of\s+liability/iu,
        // Limitations as a research topic, or hallucination as a detection target, are not the lab's own.
        /(?:prob(?:e|es|ing)|study(?:ing)?|understand(?:ing)?|investigat(?:e|ing)|explor(?:e|ing)|research(?:ing)?)(?:\s+and\s+\w+)?\s+(?:on\s+|into\s+)?(?:the\s+)?limitations/iu,
        // What a tool or client accepts is a tooling quirk, not a limit of the model: "the SDK only works with …".
        /(?:sdk|api|library|package|cli|client|plugin|extension|toolkit|tool|app)\s+(?:\S+\s+)?(?:currently|only)\s+(?:\S+\s+){0,3}?(?:supports?|accepts?|handles?|works?)\b/iu,
        /hallucinations?(?:\s+and\s+\w+)?\s+(?:related\s+)?(?:risks?|detection)|(?:detect(?:s|ing)?|flag(?:s|ging)?|identify(?:ing)?)\s+(?:\S+\s+){0,3}?hallucinat\w*/iu,
      ],
      sections: [
        { heading: /limitations?|known\s+issues|caveats|shortcomings|failure\s+modes|(?:bias(?:es)?|risks)(?:,?\s+(?:and\s+)?(?:risks|biases|limitations))+|out[-\s]of[-\s]scope/iu, reads: 'sentences' },
      ],
    },
    {
      id: 'compute-energy',
      label: 'compute and energy costs of training and inference',
      gapText: 'No disclosure of compute, energy or emissions for training or inference.',
      findingText: 'Discloses compute, energy or environmental costs of training or inference.',
      weight: 2,
      patterns: [
        ...energyAndEmissions,
        // Accelerator time is compute; on its own it is not energy or emissions (see environmental-cost).
        /(?:gpu|tpu|accelerator)[-\s]hours/iu,
        /(?:petaflop|exaflop)[a-z-]*|\d[\d.,]*\s*(?:e\d+\s+)?flops/iu,
        /compute\s+(?:budget|used|usage|costs?)/iu,
        // Hardware and time: "512 H100s", "384 H100 GPUs for 24 days", "Hours used: 200000".
        acceleratorCount,
        acceleratorTime,
        // A list item or config line: "GPUs = 384 (48 nodes of 8)", "TPUs: 256".
        acceleratorLabelled,
      ],
      exclusions: [
        // Hardware needed to run the model or an evaluation is not what training cost.
        /(?:requires?|need(?:s|ed)?|run(?:s|ning)?\s+on|fits?\s+(?:on|in)|with)\s+(?:a\s+|at\s+least\s+)?(?:single\s+|one\s+)?\d*\s*(?:\S+\s+){0,2}?(?:GPUs?|accelerators?|[ABHLV]\d{2,3}s?)/iu,
        /sav(?:e|es|ing)\s+(?:\S+\s+)?flops/iu,
      ],
    },
    {
      id: 'reproducibility',
      label: 'weights and code for independent replication',
      gapText: 'No replication path: the weights, code, benchmarks or data needed to reproduce results are not all released.',
      findingText: 'Releases weights, code or evaluation data that let others inspect and replicate its results.',
      weight: 2,
      patterns: [
        ...openWeights,
        near(/weights/iu, /download(?:ed|able)?|available|releas(?:e|es|ed|ing)|publish(?:ed)?/iu, 50),
        /(?:releas(?:e|es|ed|ing)|publish(?:es|ed|ing)?|open[-\s]sourc(?:e|ed|es|ing))\s+(?:the\s+|our\s+|its\s+)?(?:code|source\s+code|training\s+code|evaluation\s+(?:code|data|harness)|benchmarks?|datasets?)/iu,
        near(/benchmarks?|datasets?|evaluation\s+(?:code|data|harness)/iu, /released|published|available|public/iu, 40),
        /reproducib(?:le|ility)|replicab(?:le|ility)|replicat(?:e|ed|ion)\s+(?:our|the|these|its)\s+(?:results|findings|experiments|evaluations?)/iu,
        /to\s+reproduce|(?:training|evaluation)\s+logs|(?:intermediate\s+|training\s+)?checkpoints\s+(?:\S+\s+){0,4}?(?:available|released|provided|published|downloadable)/iu,
        /(?:release|releases|released|releasing|provide|provides)\s+(?:\S+\s+){0,5}?(?:checkpoints|models?|weights|datasets?|prompts|scripts?|code)/iu,
        // Where the materials of a result are: "the exact prompts we used", "this folder contains the evaluation results".
        /exact\s+(?:prompts|settings|hyper-?parameters|configurations?|commands)|(?:contains|includes|holds)\s+(?:\S+\s+){0,3}?(?:evaluation\s+results|raw\s+(?:results|outputs|generations)|checkpoints|training\s+logs)/iu,
        /licen[cs]ed\s+under\s+(?:the\s+|an?\s+)?(?:apache|mit|bsd|cc[-\s]by|open|permissive|creativeml|openrail)|(?:apache|mit|bsd)[-\s]\d(?:\.\d)?\s+licen[cs]e|open\s+rail(?:\+\+)?-?m?\s+licen[cs]e|permissive\s+\S*\s*licen[cs]e/iu,
        /(?:prompts|scripts|code)\s+(?:\S+\s+){0,3}?(?:contained|provided|available)\s+in/iu,
        // Links to the run's own materials: "[log file](…)", "training slurm script", "tensorboard",
        // "the code we used to run deduplication", "scripts and logs are all there".
        /(?:training|launch|slurm|evaluation|fine-?tuning|pre-?training|data[-\s]processing|preprocessing)\s+(?:\S+\s+)?(?:scripts?|logs?|configs?|recipes?)|log\s+files?|tensorboard/iu,
        /(?:pip\s+)?install\s+(?:this|the|our)\s+(?:\S+\s+)?(?:package|library)|\|\s*\[?checkpoints?\]?\s*(?:\(|\|)|checkpoints\s+(?:\S+\s+){0,4}?licen[cs]ed\s+under|creative\s+commons\s+licen[cs]e/iu,
        /(?:scripts|logs|configs|recipes|result\s+tables)\s+(?:\S+\s+){0,4}?(?:are\s+)?(?:all\s+)?(?:there|here|included|provided|linked)|(?:code|scripts?|configs?|recipes?)\s+(?:that\s+)?(?:we\s+)?used\s+(?:to|for|in)\b/iu,
        // Where others can get it: "the data is available on the Hugging Face Hub", "checkpoints can be downloaded from …".
        /(?:datasets?|data|models?|checkpoints|weights|code|prompts|evaluations?)\s+(?:\S+\s+){0,3}?(?:is|are|can\s+be)\s+(?:publicly\s+|freely\s+|also\s+)?(?:available|released|hosted|downloaded|accessed)\s+(?:on|at|from|via|through|in|under)/iu,
        // Verbs of hosting and sharing with the artefact as object: "we host all model weights and datasets on …".
        new RegExp(String.raw`(?:host(?:s|ed|ing)?|shar(?:e|es|ed|ing)|upload(?:s|ed|ing)?|open[-\s]sourc(?:es|ed|ing))\s+(?:\S+\s+){0,4}?${releasedArtefact}\b`, 'iu'),
        // A release as a noun, as timelines write it: "Release of SantaCoder, a 1.1B … model", "Sharing of … dashboards".
        new RegExp(String.raw`(?:release|sharing|publication|open[-\s]sourcing|introduction|launch)\s+of\s+(?:\S+\s+){0,6}?${releasedArtefact}\b`, 'iu'),
        // A catalogue entry: a link to the hosted dataset or model, then what it is ("[FineMath](…) - Mathematics pretraining dataset").
        new RegExp(String.raw`${hostedArtefactLink}\s*[-–—:]\s*\p{L}+`, 'iu'),
        // A link whose text is the artefact itself: "[checkpoint](…)", "the [subset](…)", "[download](…)".
        /\[(?:\S+\s+){0,2}?(?:subsets?|checkpoints?|weights|code|download)\]\(https?:/iu,
        // A model table: a row with a size cell ("70M", "1.4B") and a link to where that model is kept.
        /\|\s*\**\d+(?:\.\d+)?\s*[MBT]\**\s*\|(?:[^|\n]*\|){0,8}?[^|\n]*\]\(https?:\/\/[^)\s]+\)/iu,
        // The repository as the release itself: "this is the official codebase for …", "made publicly available".
        /official\s+(?:code(?:-?base)?|implementation|repository|repo|weights|checkpoints|release)\b|(?:weights|checkpoints?|models?|code|datasets?|data|scripts?)\s+(?:\S+\s+){0,4}?(?:(?:is|are|was|were|been|be)\s+)?made\s+(?:\S+\s+)?(?:publicly\s+|openly\s+|freely\s+)?available\b/iu,
        // What a replication of the training run needs: "154 intermediate checkpoints", "checkpoints every 1000 steps", "config files".
        /intermediate\s+checkpoints|checkpoints?\s+(?:\S+\s+){0,2}?(?:every|per|at\s+(?:each|every))\s+(?:\S+\s+)?(?:steps?|tokens|epochs?|iterations?)\b|config(?:uration)?\s+files?\b/iu,
        // Code named by the stage it runs: "training and inference code", "the finetuning code".
        /(?:training|inference|fine-?tuning|finetuning|evaluation|sampling)\s+(?:and\s+\S+\s+)?code\b/iu,
        // Where to get it, told to the reader: "download the weights", "the checkpoints can be found [here](…)".
        /download\s+(?:\S+\s+){0,3}?(?:weights|checkpoints?|models?|datasets?)\b|(?:weights|checkpoints?|models?|code|datasets?|scripts?)\s+(?:\S+\s+){0,4}?can\s+be\s+found\b/iu,
        // Open as a state of the artefact: "StarCoder is open source", "the weights are openly licensed".
        /(?:is|are|was|were)\s+(?:fully\s+|now\s+)?(?:open[-\s]?sourced?|openly\s+(?:available|released|licen[cs]ed)|open[-\s]access)\b/iu,
        // Code offered for the stages of the work: "code for training and finetuning", "scripts for inference".
        /(?:code|scripts?|notebooks?|recipes?)\s+(?:\S+\s+)?for\s+(?:\S+\s+){0,2}?(?:training|fine-?tuning|finetuning|inference|evaluation|reproduc\w+|sampling)\b/iu,
        // Provision in the progressive and of the lab's own implementation: "we are providing two checkpoints",
        // "we also provide our own implementation for training".
        new RegExp(String.raw`\bwe\s+(?:are\s+|also\s+|now\s+)*(?:providing|provide)\s+(?:\S+\s+){0,5}?(?:checkpoints?|weights|models?|datasets?|code|source\s+code|code-?base|implementations?|scripts|notebooks|logs)\b`, 'iu'),
        // Where the reader gets the model: "the model … can be cloned using:", "the weights, that you can get from …".
        /(?:models?|weights|checkpoints?|repositor(?:y|ies)|code)\b(?:[^.]|\.(?=\S)){0,60}?\bcan\s+be\s+(?:cloned|downloaded|obtained|fetched|pulled)\b|(?:weights|checkpoints?)\b(?:[^.]|\.(?=\S)){0,30}?\b(?:you|one|users)\s+can\s+(?:get|obtain|download|fetch|clone)\b/iu,
        // Stage code offered as linked sections: "already provided … in the [training](…) and [inference](…) sections".
        near(/\[(?:training|inference|fine-?tuning|finetuning|evaluation|sampling)\](?=\()/iu, /provided|available|released|included|find/iu, 80),
        // A model table row whose status cell marks the model released: "| Pythia-19M | 6 | … | Ready |".
        /^\s*\|\s*\**[\p{L}\p{N}._-]*\d+(?:\.\d+)?[MBT]\b[^|\n]*\|(?:[^|\n]*\|)*?\s*(?:ready|released|available|downloadable)\s*\|/iu,
      ],
      exclusions: [othersModels],
    },
    {
      id: 'safety-evaluations',
      label: 'pre-release safety testing and red-teaming',
      gapText: 'No published red-team or safety-evaluation results.',
      findingText: 'Describes pre-release safety testing, red-teaming or a dedicated safety classifier.',
      weight: 1,
      patterns: [
        /red[-\s]?team(?:s|ed|ing|ers)?/iu,
        /safety\s+(?:evaluations?|testing|tests|classifiers?|model|models|benchmarks?)/iu,
        /pre-?release\s+(?:evaluations?|testing)/iu,
        /(?:dangerous|hazardous)\s+capabilit(?:y|ies)/iu,
        /risk\s+categories/iu,
        /risk\s+definitions?|(?:designed|trained|built)\s+to\s+detect\s+(?:\S+\s+){0,3}?(?:risks?|harms?|jailbreaks?|unsafe)/iu,
        /(?:datasets?|evaluations?|tests?)\s+(?:\S+\s+){0,2}?to\s+test\s+(?:for\s+)?(?:\S+\s+){0,3}?(?:behaviou?rs?|risks?|harms?|safety)/iu,
        /(?:guardrail|guard|moderation|safety)\s+(?:models?|classifiers?)/iu,
        // What a safety classifier is for: "detects harmful content in images", "classifying unsafe prompts".
        /(?:detect(?:s|ing)?|detection\s+of|classif(?:y|ies|ying)|classification\s+of|flag(?:s|ging)?)\s+(?:\S+\s+){0,4}?(?:harmful|unsafe|toxic|risky|inappropriate|violent|jailbreak)\w*/iu,
        /(?:harm|risk|jailbreak|toxicity|safety)\s+(?:detection|detectors?|classification)\b/iu,
        /adversarial\s+(?:testing|prompts|attacks|evaluations?|probing)|jailbreak(?:s|ing)?\s+(?:attempts|prompts|tests|evaluations?|robustness)|toxicity\s+(?:evaluations?|benchmarks?|scores?|tests?)/iu,
        /(?:evaluat|test|measur|assess|prob)(?:e|es|ed|ing)\s+(?:\S+\s+){0,4}?(?:for\s+)?(?:harmful|unsafe|dangerous|toxic|risky|deceptive|power-seeking)\s+(?:behaviou?rs?|outputs?|content|capabilities|responses)/iu,
        // A guard model recommended to run beside the release: "to enhance safety, we recommend using X alongside Granite Guardian".
        /(?:alongside|together\s+with|paired\s+with|combined\s+with|in\s+combination\s+with)\s+(?:an?\s+|the\s+|our\s+)?(?:\S+\s+){0,2}?(?:guard(?:ian)?|shield|guardrails?|moderation\s+(?:models?|classifiers?|apis?))\b/iu,
        near(/(?:enhance|improve|increase|ensure|strengthen)\s+safety/iu, /(?:recommend|advise|suggest)\s+(?:using|running|deploying|pairing)\s+(?:\S+\s+){0,5}?(?:alongside|together\s+with|paired\s+with|with)/iu, 40),
      ],
    },
    {
      id: 'technical-publication',
      label: 'technical reports and peer-reviewed papers',
      gapText: 'No technical report or peer-reviewed paper opens the work to external scrutiny.',
      findingText: 'Publishes a technical report, model card or papers that invite external scrutiny.',
      weight: 1,
      patterns: [
        /technical\s+reports?/iu,
        /model\s+cards?|system\s+cards?/iu,
        /arxiv(?::\s*\d{4}\.\d{4,5})?/iu,
        /peer[-\s]reviewed/iu,
        /(?:publish|published|publishes)\s+(?:a\s+|our\s+|the\s+)?(?:research\s+)?(?:papers?|findings|report)/iu,
        /(?:refer\s+to|see|read|in)\s+(?:our\s+|the\s+)?(?:\S+\s+)?(?:paper|tech(?:nical)?\s+report|blog\s+post|preprint)/iu,
        /(?:paper|preprint)\s*:/iu,
        /(?:our|the\s+accompanying|the\s+associated|the\s+corresponding)\s+(?:\S+\s+)?(?:paper|preprint|publication)|(?:described|detailed|discussed|introduced|presented)\s+in\s+(?:\S+\s+){0,2}?(?:paper|report|preprint)/iu,
        // A slot for the paper's link ("Paper link: …"; with a placeholder, "TODO: Paperlink", it reads as withheld).
        /paper[-\s]?links?/iu,
        // A link whose text is the publication: "[paper](…)", "[our technical report](…)".
        /\[(?:our\s+|the\s+)?(?:paper|tech(?:nical)?\s+report|preprint|publication)\]\(/iu,
        // Publication as a noun, as timelines write it: "Introduction of the dataset and paper publication".
        /paper\s+(?:publication|release)|(?:publication|release)\s+of\s+(?:the\s+|our\s+|a\s+|its\s+)?(?:\S+\s+)?(?:paper|preprint|technical\s+report)/iu,
        // The lab's collection of model pages, each with its model card: "please visit our collection [here](…)".
        /(?:visit|see|browse|explore|check\s+out)\s+(?:our|the)\s+(?:model\s+)?collection(?=\s*(?:\[|\(|on\s|at\s|here\b))/iu,
      ],
      exclusions: [
        // A link to arXiv says nothing about whose paper it is: a cited method or dataset
        // ("[Winogender](https://arxiv.org/abs/…)") is another lab's publication.
        /https?:\/\/(?:www\.)?arxiv\.org\/\S*/iu,
        // A documentation duty laid on deployers is not the lab's publication: "you must provide
        // documentation such as a model card to your users".
        /(?:you|licensees?|users|deployers?|distributors?|recipients|downstream\s+\S+)\s+(?:\S+\s+){0,2}?(?:must|shall|should|are\s+required\s+to|agrees?\s+to|have\s+to)\s+(?:\S+\s+){0,10}(?:model\s+cards?|documentation|technical\s+reports?|system\s+cards?)|(?:explanatory|accompanying)\s+documentation/iu,
      ],
    },
  ],
  retrievalQueries: [
    'training data sources and composition',
    'evaluation methodology and benchmark results',
    'independent audits and external evaluation',
    'known limitations failure modes and error rates',
    'compute and energy used for training',
    'open weights code and reproducibility',
    'technical report model card and research papers',
    'safety testing and red teaming before release',
  ],
};
