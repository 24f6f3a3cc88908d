/**
 * Lens 06, Future Modelling: where is this heading, and for whom?
 *
 * The lens corrects unexamined trajectories — systems shipped without naming who bears their
 * future costs (labour, environment, governance) or who decides them. A full disclosure names
 * concrete risks, the thresholds that would stop a release, the people automation displaces, the
 * environmental bill, who governs deployed agents, and who else gets a say.
 *
 * Why each indicator matters:
 * - safety-gates: a threshold or gate that can delay a release is the difference between a risk
 *   named and a risk managed. Central.
 * - labour-displacement: a lab shipping coding agents and automation owes an account of the
 *   workers it displaces (the seed's sharpest gap). Central.
 * - risk-scenarios: concrete scenarios (misuse, weapons uplift, cyber-offence) make futures
 *   discussable.
 * - environmental-cost: the future cost of scaling, in energy and emissions.
 * - deployment-governance: who oversees deployed and agentic systems and can stop them.
 * - public-deliberation: whose futures these are, decided with whom.
 * - costs-and-beneficiaries: who gains and who pays.
 * - user-autonomy: local and open deployment gives users some control over their own futures.
 */
import type { LensRubric } from './rubric-types.js';
import { near } from './rubric-patterns.js';
import { energyAndEmissions, othersModels } from './shared-lexicons.js';

export const futureModellingRubric: LensRubric = {
  lensId: 'future-modelling',
  indicators: [
    {
      id: 'safety-gates',
      label: 'safety thresholds and deployment gates',
      gapText: 'No safety thresholds or deployment gates: nothing states what would stop or delay a release.',
      findingText: 'Sets safety thresholds or deployment gates that can stop or delay a release.',
      weight: 3,
      patterns: [
        /(?:capability|risk|safety)\s+thresholds?/iu,
        /responsible\s+scaling\s+(?:policy|committee|framework)/iu,
        /(?:preparedness|frontier\s+safety)\s+framework/iu,
        /(?:delay|delays|delayed|halt|halts|halted|pause|pauses|paused|block|blocks|blocked|stop|stops|stopped)\s+(?:a\s+|the\s+|any\s+)?(?:release|releases|deployment|launch|training\s+run)/iu,
        /(?:before|prior\s+to)\s+(?:each\s+|every\s+|any\s+)?(?:release|deployment)/iu,
        /staged\s+(?:release|rollout|deployment|access)/iu,
        /(?:do|does|will)\s+not\s+(?:release|deploy|open[-\s]source)\s+[^.]{0,80}?because/iu,
        // A release held back for safety reasons: "we are withholding the weights because of misuse
        // risks", "not released until red-teaming is complete". Held back for quality is no gate.
        /(?:not\s+(?:yet\s+)?(?:be\s+)?(?:release|released|releasing|publish|published|open[-\s]?sourc(?:e|ed|ing))|withh(?:o|e)ld(?:s|ing)?|hold(?:s|ing)?\s+back|held\s+back)\s+(?:\S+\s+){0,12}?(?:safety|misuse|risks?|harms?|abuse|red[-\s]team(?:ing|ed)?)\b/iu,
        // Release conditioned on a review: "released only after a safety review", "pending an ethics assessment".
        /(?:release[sd]?|deploy(?:ed|s)?|launch(?:ed|es)?|available)\s+(?:\S+\s+){0,4}?(?:only\s+)?(?:after|until|following|pending|once)\s+(?:\S+\s+){0,3}?(?:safety|red[-\s]team(?:ing)?|risk|ethics|ethical)\s+(?:reviews?|evaluations?|assessments?|testing|tests|checks?|audits?)/iu,
      ],
    },
    {
      id: 'labour-displacement',
      label: 'labour displacement from automation',
      gapText: 'No engagement with labour-displacement risks despite shipping automation and agents.',
      findingText: 'Engages with what its automation means for workers: displacement, transition or reskilling.',
      weight: 3,
      patterns: [
        /(?:job|jobs|labou?r|employment|workforce|worker|workers)\s+(?:displacement|losses|loss|impacts?|effects?|market|markets|transitions?)/iu,
        /(?:displac(?:e|es|ing)|replac(?:e|es|ing)|automat(?:e|es|ing)\s+away)\s+(?:human\s+)?(?:jobs|workers|roles|developers|engineers|people|staff|translators|writers)/iu,
        // Retraining people, not models: "retraining of the model" is not about work.
        /(?:reskill|upskill)(?:ing|s|ed)?|retrain(?:ing|s|ed)?\s+(?:of\s+)?(?:programmes?|programs?|workers|staff|people|employees|the\s+workforce|developers)/iu,
        /(?:economic|labou?r[-\s]market)\s+(?:impacts?|disruption|effects?)/iu,
        /future\s+of\s+work/iu,
        // Whose living is at stake: "the livelihoods of artists", "could put illustrators out of work".
        /livelihoods?|(?:put|puts|putting|throw|throws)\s+(?:\S+\s+){0,3}?out\s+of\s+(?:work|jobs?|business)|(?:lose|lost|losing|loses)\s+(?:their\s+)?(?:jobs|livelihoods?|income)/iu,
      ],
    },
    {
      id: 'risk-scenarios',
      label: 'named risk scenarios',
      gapText: 'No named risk scenarios for how the systems could cause harm.',
      findingText: 'Names concrete risk scenarios: misuse, weapons uplift, cyber-offence, surveillance or loss of control.',
      weight: 2,
      patterns: [
        /misuse/iu,
        /(?:chemical|biological|nuclear|radiological|cyber)(?:\s+and\s+(?:chemical|biological|nuclear|radiological|cyber))?[-\s]?(?:weapons?|offen[cs]e|attacks?|uplift|risks?|threats?|security)/iu,
        /cbrn/iu,
        /(?:catastrophic|existential|systemic)\s+risks?/iu,
        /loss\s+of\s+(?:human\s+)?control/iu,
        /threat\s+models?|risk\s+scenarios?/iu,
        /dual[-\s]use/iu,
        /(?:mass\s+)?(?:persuasion|disinformation|misinformation|manipulation|surveillance)|autonomous\s+weapons?/iu,
        /impersonat\w+|(?:dangerous|unsafe|harmful)\s+(?:goals|behaviou?rs|capabilities)|risks?\s+from\s+advanced\s+ai|power[-\s]seeking|self[-\s]preservation|cyber[-\s]?attacks?|malware|bio[-\s]?weapons?/iu,
        // What a usage policy forbids, as an activity: "Producing … illegal weapons or explosives",
        // "Conducting cyber attacks, including ransomware". Topics a dataset covers are not scenarios.
        /(?:produc|creat|plann|build|mak|synthesi[sz]|develop|distribut|acquir|conduct|launch|facilitat|generat|spread|hack|disrupt|damag|destroy|forg)(?:e|es|ed|ing)?\s+(?:\S+\s+){0,5}?(?:weapons?|explosives?|bombs?|malware|ransomware|attacks?|pathogens?|toxins?|controlled\s+substances|disinformation|propaganda|scams?|fraud|infrastructure|computer\s+systems|government\s+documents)/iu,
        // Attacks on the model itself and failure modes of advanced systems.
        /jailbreak(?:s|ing)?\s+(?:attacks?|attempts?)|prompt[-\s]injections?|deceptive\s+(?:behaviou?rs?|alignment)|scheming|sandbagging|reward\s+hacking/iu,
        /terroris(?:m|t)|ransomware|ddos|phishing|social\s+engineering\s+attacks?|child\s+sexual\s+abuse|csam|election\s+(?:interference|manipulation)|critical\s+infrastructure|deep-?fakes?|non-?consensual\s+(?:intimate\s+)?(?:images?|imagery)/iu,
      ],
      exclusions: [
        // Cleaning malware out of a dataset is data hygiene, not a misuse scenario.
        /(?:scan|remov|detect|identif|filter)(?:e|es|ed|ing|y|ies|ied)?\s+(?:\S+\s+){0,5}?malware/iu,
      ],
    },
    {
      id: 'environmental-cost',
      label: 'the environmental cost of training and scaling',
      gapText: 'No environmental or compute/energy cost disclosure for training or inference.',
      findingText: 'Names the environmental cost of training and running its models.',
      weight: 2,
      patterns: [
        ...energyAndEmissions,
        // Emissions as labs report them: "CO2 eq", "tCO2e", power drawn, offsets bought.
        /co2[-\s]?eq\.?|t?co2e|carbon[-\s](?:neutral(?:ity)?|offsets?|offsetting|free\s+(?:energy|electricity|power))|net[-\s]zero|power\s+(?:consumption|draw|usage)/iu,
      ],
    },
    {
      id: 'deployment-governance',
      label: 'governance and oversight of deployed and agentic systems',
      gapText: 'No governance mechanism for the deployed and agentic systems: who oversees them, and who can stop them, is unstated.',
      findingText: 'Describes who oversees deployed systems and how they can be stopped or corrected.',
      weight: 2,
      patterns: [
        /human\s+oversight|human[-\s]in[-\s]the[-\s]loop/iu,
        near(/board|committee|council|panel/iu, /reviews?|reviewed|oversees?|overseen|oversight|approv(?:e|es|al)|decides?|can\s+delay|sign[-\s]off/iu, 60),
        /governance\s+(?:structure|board|framework|process|processes|policy|policies)/iu,
        /incident\s+(?:reporting|response)|kill\s+switch|rollback\s+procedures?/iu,
        /(?:usage|acceptable[-\s]use)\s+polic(?:y|ies)/iu,
        // Oversight of what is deployed: human review of outputs, observability of agents, guardrails assigned to deployers.
        /observability|session\s+replay|audit\s+(?:logs?|logging|trails?)/iu,
        /(?:having\s+)?a\s+human\s+(?:\S+\s+)?(?:curate|review|filter|check|approve)|human\s+review\s+of/iu,
        /responsible\s+for\s+(?:adding|implementing|putting\s+in\s+place)\s+(?:the\s+|appropriate\s+)?(?:guardrails|safeguards)/iu,
        // Use restrictions passed down to whoever deploys or redistributes the model: a licence's
        // governance of deployments it does not run itself.
        /(?:you|licensees?|deployers?|distributors?|downstream\s+(?:users|developers|deployers)|anyone\s+(?:who|that)\s+(?:shares|distributes|deploys|redistributes))\s+(?:\S+\s+){0,4}?(?:must|shall|are\s+required\s+to|agrees?\s+to|have\s+to)\s+(?:\S+\s+){0,8}?(?:include|pass|place|impose|enforce|apply|flow|carry|extend|bind|require|notify)\s+(?:\S+\s+){0,6}?(?:restrictions|terms|obligations|conditions|limitations)/iu,
        /(?:use\s+)?restrictions\s+(?:\S+\s+){0,6}?(?:apply|extend|pass(?:ed)?|flow|carry)\s+(?:\S+\s+){0,2}?(?:to|down\s+to|on\s+to)\s+(?:\S+\s+){0,2}?(?:downstream|derivatives?|modifications|subsequent|further|all|any|every|third)/iu,
        // Watching a deployment and being able to stop it: "we monitor usage for abuse", "access
        // may be revoked for violations", a published governance card for the release.
        /monitor(?:s|ed|ing)?\s+(?:\S+\s+){0,4}?(?:for\s+)?(?:abuse|misuse|violations|policy\s+violations|harmful\s+use)|(?:revoke|revokes|revoked|suspend|suspends|suspended|terminate|terminates|terminated)\s+(?:\S+\s+){0,3}?(?:access|licen[cs]es?|accounts?|api\s+keys?)|governance\s+cards?/iu,
        /recommend\s+(?:using|deploying|pairing|running)\s+(?:\S+\s+){0,4}?(?:alongside|together\s+with|with|behind)\s+(?:\S+\s+){0,3}?(?:guardian|guardrails?|safety\s+(?:model|classifier|filter)|moderation|content\s+filter)/iu,
        /(?:downstream|subsequent)\s+(?:users|deployers|developers|distributors|recipients|licensees)\s+(?:\S+\s+){0,6}?(?:must|are\s+bound|shall|agree|are\s+required)|(?:a\s+)?similar\s+set\s+of\s+(?:use\s+)?restrictions|(?:enforceable|binding)\s+(?:use\s+)?restrictions/iu,
      ],
      exclusions: [
        // What a product is sold for ("intended for use cases … such as model observability and
        // monitoring") is its market, not who oversees the systems it is deployed in.
        /(?:intended\s+for|use[-\s]cases?)\s+[^.]{0,80}?(?:such\s+as|like|including)\s+[^.]{0,120}/iu,
      ],
    },
    {
      id: 'public-deliberation',
      label: 'public deliberation about whose futures the technology shapes',
      gapText: 'No inclusive deliberation about whose futures the technology shapes.',
      findingText: 'Opens decisions about the technology\'s direction to public or community deliberation.',
      weight: 2,
      patterns: [
        /public\s+(?:consultation|deliberation|input|participation|engagement)/iu,
        /citizens['’]?\s+(?:assembl(?:y|ies)|jur(?:y|ies)|panels?)/iu,
        /democratic\s+(?:input|governance|process|processes|oversight|deliberation)/iu,
        /deliberative\s+(?:polls?|processes|forums?)/iu,
        /(?:whose|which)\s+futures?/iu,
        /(?:alternative|plural|multiple|different)\s+futures/iu,
        // Open sessions where a community is asked about the project's course: "Webinar with the
        // BigCode Community to provide strategic direction", "town hall with our users". A social
        // meetup is not deliberation, so only sessions held to be heard are named.
        /(?:webinars?|town[-\s]?halls?|public\s+meetings?|open\s+meetings?|hearings?|consultations?|roundtables?|listening\s+sessions?|assembl(?:y|ies))\s+(?:with|for|of)\s+(?:the\s+|our\s+|its\s+|a\s+)?(?:\S+\s+){0,2}?(?:community|communities|public|stakeholders|contributors|members|users|citizens)/iu,
        // The people affected set the direction or review progress: "the community to provide
        // strategic direction", "members vote on the roadmap".
        near(
          /community|communities|contributors|stakeholders|citizens|(?:the|members\s+of\s+the)\s+public/iu,
          /(?:provide|provides|set|sets|setting|shape|shapes|shaping|steer|steers|steering|give|gives|decide|decides|discuss|discusses)\s+(?:the\s+|its\s+|our\s+)?(?:strategic\s+|future\s+|project['’]?s?\s+)?(?:direction|roadmap|priorities|agenda)|review\s+(?:the\s+)?progress|vot(?:e|es|ed|ing)|consensus/iu,
          60,
        ),
        /community[-\s](?:calls?|consultations?|votes?|polls?|town[-\s]?halls?|webinars?|hearings?)/iu,
        // Decisions that need everyone's agreement: "reach consensus among all contributors".
        /(?:reach|requires?|need|needs|by)\s+(?:a\s+)?(?:consensus|agreement|vote)\s+(?:among|of|from|by)\s+(?:all\s+)?(?:the\s+|our\s+|its\s+)?(?:\S+\s+)?(?:contributors|members|participants|stakeholders|community|communities)/iu,
      ],
    },
    {
      id: 'costs-and-beneficiaries',
      label: 'who gains from the technology and who bears its costs',
      gapText: 'No account of who gains from the technology and who bears its costs.',
      findingText: 'Names who gains from the technology and who bears its costs.',
      weight: 2,
      patterns: [
        /who\s+(?:benefits|gains|bears|pays|loses|wins)/iu,
        /(?:costs?|risks?|harms?|burdens?)\s+(?:are\s+|is\s+)?(?:borne|carried|shouldered)\s+by/iu,
        /(?:fall|falls|fell)\s+(?:hardest\s+|disproportionately\s+)on/iu,
        /(?:concentration|distribution)\s+of\s+(?:power|wealth|gains|benefits|profits)/iu,
        /winners\s+and\s+losers/iu,
        /(?:widen|widens|deepen|deepens|exacerbat(?:e|es))\s+(?:existing\s+)?inequalit(?:y|ies)/iu,
        // Who is shut out: "difficult for academia and smaller labs to develop such models", "hard to get a benefit … in non-English speaking countries".
        /(?:difficult|hard|harder|impossible|out\s+of\s+reach|prohibitive)\s+for\s+(?:\S+\s+){0,4}?(?:academia|academics|universities|smaller|small|independent|researchers|startups|communities|countries|non-profits?)/iu,
        /hard\s+to\s+(?:get|gain|draw|obtain)\s+(?:a\s+|any\s+)?benefits?/iu,
      ],
    },
    {
      id: 'user-autonomy',
      label: 'local deployment and user control over the models',
      gapText: 'No path for users to run, inspect or adapt the models on their own terms.',
      findingText: 'Lets users run, study or adapt the models themselves, giving them some control over their own use.',
      weight: 1,
      patterns: [
        /(?:run|runs|running)\s+(?:them\s+|it\s+|the\s+models?\s+)?(?:locally|on[-\s]device|offline|on\s+(?:your|their)\s+own\s+(?:hardware|machines?|servers?))/iu,
        /on[-\s]device|self[-\s]host(?:ed|ing)?/iu,
        /privacy[-\s]preserving/iu,
        /(?:anyone|developers|users|researchers|communities)\s+(?:can|could|may)\s+(?:download|run|study|adapt|modify|fine[-\s]?tune|inspect)/iu,
        /quanti[sz](?:ed|ation)\s+(?:versions?|models?|weights)/iu,
        /llama\.cpp|ollama|gguf/iu,
        // Users run and adapt the model themselves: inference code, quantisation, fine-tuning, weights to download.
        /(?:run|running|perform|performing)\s+inference|quanti[sz](?:ed|ation)|\d+-bit/iu,
        /can\s+be\s+(?:fine[-\s]?tuned|adapted|downloaded|cloned|customi[sz]ed|run\s+locally)|(?:obtain|obtaining|download|downloading)\s+the\s+weights|open[-\s]weights?\s+models?/iu,
        /example\s+of\s+(?:continual\s+)?(?:pre-?training|fine[-\s]?tuning)/iu,
        /(?:you\s+can|users\s+can)\s+(?:also\s+)?(?:run|host|launch|start)\s+(?:a|an|the|your\s+own)\s+(?:\S+\s+){0,3}?(?:web\s+ui|demo|server|interface|app)/iu,
        // Instructions that hand training to the reader: "if you're interested in fine-tuning the
        // model", "Start the training (or fine-tuning) job", "Modify the training configs to use
        // your data", "scripts to finetune the model on your own dataset".
        /(?:interested\s+in|want\s+to|wish\s+to|like\s+to|how\s+to|you\s+can|you\s+may|users\s+can|developers\s+can)\s+(?:also\s+)?(?:\S+\s+){0,2}?(?:fine[-\s]?tun(?:e|ing)|(?:continue\s+)?(?:pre-?)?train(?:ing)?|adapt(?:ing)?|customi[sz](?:e|ing)|extend(?:ing)?)\b/iu,
        /(?:pre-?)?training\s+\((?:and|or)\s+fine[-\s]?tuning\)|(?:pre-?)?training\s+(?:and|or|\/)\s+fine[-\s]?tuning\s+(?:\S+\s+)?(?:jobs?|scripts?|code|configs?|configurations?|recipes?|instructions|guides?|tutorials?|notebooks?|examples?)/iu,
        /(?:fine[-\s]?tun(?:e|es|ing)|train(?:s|ing)?|adapt(?:s|ing)?)\s+(?:\S+\s+){0,4}?(?:on|with|to|using)\s+your\s+(?:own\s+)?(?:data|datasets?|domain|tasks?|images?|texts?|corpus)|to\s+use\s+your\s+(?:own\s+)?(?:data|datasets?)/iu,
        /(?:modify|edit|change|adjust|customi[sz]e|adapt|tweak)\s+(?:the\s+|your\s+|these\s+)?(?:\S+\s+){0,2}?(?:configs?|configurations?|config\s+files?|hyper-?parameters|training\s+scripts?|recipes?)\b/iu,
        // Weights under a licence that lets users keep and change them: "the models are released
        // under the Apache 2.0 license".
        /(?:models?|weights|checkpoints)\s+(?:\S+\s+){0,6}?(?:released|licensed|available|distributed)\s+under\s+(?:an?\s+|the\s+)?(?:apache|mit|bsd|permissive|open|cc[-\s]by)/iu,
        // Weights handed to users: "download the checkpoints", "the weights are available on …",
        // "train your own LoRA", "you can run the model with …".
        /(?:download|downloading|load|loading|pull|pulling)\s+(?:the\s+|our\s+|all\s+|these\s+)?(?:\S+\s+){0,2}?(?:weights|checkpoints|models)\b|(?:host|hosts|hosted|release|releases|released|publish|published|share|shared|provide|provides|provided|offer|offers|upload(?:ed|s)?|make\s+available|made\s+available)\s+(?:all\s+|the\s+|our\s+|its\s+)?(?:\S+\s+){0,2}?[\[`*_]*(?:model\s+)?(?:weights|checkpoints)\b/iu,
        // Models put where anyone can download them: "All Pythia models are hosted on the Hugging
        // Face Hub". Availability through a vendor's API is not the user's control, so only
        // download hubs are read.
        /(?:models?|weights|checkpoints)\s+(?:\S+\s+){0,3}?(?:are|is)\s+(?:all\s+|now\s+|publicly\s+|freely\s+|openly\s+)?(?:hosted|available|released|published|downloadable)\s+(?:on|at|from|via|through|in)\s+(?:the\s+|our\s+)?[\[`*_]*(?:hugging\s?face|hf\b|hub\b|github)/iu,
        /can\s+be\s+(?:easily\s+)?(?:loaded|downloaded|run|served)\s+(?:\S+\s+){0,2}?(?:with|using|via|through|from|in)\s+[\[`*_]*(?:the\s+)?[\[`*_]*(?:hugging\s?face|transformers|diffusers|vllm|llama\.cpp|ollama|comfyui|mlx|onnx|tensorrt|pytorch|jax)/iu,
        /(?:train|fine[-\s]?tune|build|create|adapt|customi[sz]e)\s+(?:\S+\s+)?your\s+own\s+(?:\S+\s+)?(?:models?|loras?|controlnets?|adapters?|checkpoints?|versions?|variants?)/iu,
        /(?:you|users|developers|anyone)\s+can\s+(?:also\s+)?(?:easily\s+)?(?:run|use|load|serve|deploy|host)\s+(?:the\s+|our\s+|these\s+|this\s+|all\s+)?(?:\S+\s+){0,2}?(?:models?|checkpoints?|weights)\b/iu,
        // The reader starts the run or brings the data: "Start the training job", "Run the
        // fine-tuning script", "Convert your data to the arrow format". The lab's own runs ("we
        // run the training job on 64 GPUs") are compute, not user control.
        /(?<!\bwe\s)(?<!\bWe\s)(?:start|launch|run|kick\s+off|resume)\s+(?:the\s+|a\s+|your\s+)?(?:pre-?training|training|fine[-\s]?tuning|finetuning)\s+(?:\(or\s+\S+\)\s+)?(?:jobs?|runs?|scripts?|pipeline)/iu,
        /(?:convert|prepare|format|preprocess|bring|load|plug\s+in)\s+your\s+(?:own\s+)?(?:data|datasets?|time\s+series|corpus|images|documents)/iu,
        // Code the reader runs the model with: "notebooks for inference", "scripts to finetune".
        /(?:notebooks?|colabs?|scripts?|examples?|code)\s+(?:\S+\s+){0,2}?(?:for|to)\s+(?:run(?:ning)?\s+)?(?:\S+\s+){0,2}?(?:inference|fine[-\s]?tun(?:e|ing)|finetun(?:e|ing)|sampling)/iu,
        // Guidance handed to the reader: "instructions for training Stable Cascade", "notebooks
        // provided for text-to-image and LoRA", "we provide code for finetuning and ControlNet".
        /instructions\s+(?:\S+\s+){0,2}?(?:for|on|to|about)\s+(?:how\s+to\s+)?(?:\S+\s+){0,1}?(?:train|training|fine[-\s]?tun\w+|finetun\w+|run|running|use|using|deploy|deploying|inference|sampling)\b/iu,
        /notebooks?\s+(?:\S+\s+){0,2}?(?:provided|included)|(?:provided|included|example)\s+notebooks?/iu,
        /(?:provide|provides|provided|release|releases|released|share|shares|shared|publish|publishes|published|open[-\s]sourced?)\s+(?:the\s+|our\s+|all\s+)?(?:\S+\s+){0,2}?(?:code|scripts?|notebooks?)\s+(?:for|to)\s+(?:\S+\s+)?(?:train|training|fine[-\s]?tun\w+|finetun\w+|inference|run|running|sampling)\b/iu,
        // A local runtime, not an API: "can be used with diffusers", "is supported in vLLM".
        /(?:can\s+be\s+(?:used|run|loaded|served)|(?:is|are)\s+(?:also\s+|now\s+)?(?:supported|available|accessible|integrated))\s+(?:\S+\s+){0,2}?(?:with|in|via|through|using|by)\s+(?:the\s+)?(?:\S+\s+)?[\[`*_]*(?:transformers|diffusers|vllm|llama\.cpp|ollama|comfyui|mlx|onnx|tensorrt|pytorch|jax)/iu,
        /(?:weights|checkpoints)\s+(?:\S+\s+){0,3}?(?:are|is)\s+(?:now\s+|publicly\s+|freely\s+|openly\s+)?(?:available|downloadable|accessible)\s+(?:on|at|from|via|through|for\s+download)/iu,
        // Runs on hardware the user owns: "cheap enough to fine-tune on consumer hardware".
        /(?:consumer|commodity|personal)[-\s](?:grade\s+)?(?:hardware|gpus?|graphics\s+cards?|laptops?|machines?|devices?|computers?)|(?:your|their)\s+own\s+(?:hardware|gpus?|laptops?|machines?|computers?|infrastructure)/iu,
        /(?:gradio|streamlit|comfyui)\s+(?:\S+\s+)?(?:apps?|demos?|ui|web\s+ui|interfaces?|nodes?|workflows?)/iu,
        // Runnable material the reader is pointed to: "this notebook shows how to use ControlNets",
        // "a notebook that provides you with basic functionality", "refer to this notebook". Recipes
        // are left out: a lab follows and uses recipes for its own training.
        /(?:notebooks?|colabs?|tutorials?|cookbooks?|example\s+scripts?)\]?(?:\([^)\s]*\))?\s+(?:that\s+|which\s+)?(?:shows?|demonstrates?|explains?|walks?\s+(?:you\s+)?through|provides?\s+you|gives?\s+you|lets?\s+you|helps?\s+you)\b/iu,
        /(?:refer\s+to|see|check\s+out|try|open)\s+(?:\S+\s+){0,1}?\[?(?:this|these|the|our)\s+(?:\S+\s+)?(?:notebooks?|colabs?|tutorials?|cookbooks?)\b/iu,
        // Code for both ends of the model handed over: "training & inference scripts", "in the
        // training and inference sections" of the repository.
        /(?:pre-?training|training|fine[-\s]?tuning|finetuning)\]?(?:\([^)\s]*\))?\s*(?:&|and|\/)\s*\[?(?:inference|sampling|evaluation)\]?(?:\([^)\s]*\))?\s+(?:scripts?|code|sections?|folders?|directories|notebooks?|recipes?|examples?)/iu,
        // Adapting the model is left open to the reader: "fine-tuning, LoRA and ControlNet are
        // possible with this method", "LoRA training is supported".
        /(?:fine[-\s]?tuning|finetuning|loras?|controlnets?|adapters?)\b(?:[^.]|\betc\.){0,60}?\b(?:are|is)\s+(?:all\s+|also\s+|fully\s+)?(?:possible|supported)\b/iu,
        // The reader's own derivatives and copies: "one that you trained yourself", "the weights,
        // that you can get from the hub", "models you can use".
        /(?:you|users)\s+(?:have\s+)?(?:trained|fine[-\s]?tuned|finetuned|built)\s+(?:\S+\s+){0,2}?(?:yourself|themselves|on\s+your\s+own)|(?:weights|checkpoints|models)\s*,?\s+(?:that\s+|which\s+)?you\s+can\s+(?:\S+\s+)?(?:get|download|obtain|fetch|use|run|load|fine[-\s]?tune)\b/iu,
        // A release handed over under a permissive licence, said of the act: "we are releasing the
        // model under the Apache-2.0 license", "all the code from this repo is under an MIT licence".
        /(?:releas(?:e|es|ed|ing)|licens(?:e|es|ed|ing)|distribut(?:e|es|ed|ing)|publish(?:es|ed|ing)?|mak(?:e|es|ing)\s+available)\s+(?:all\s+|the\s+|our\s+|its\s+|these\s+|this\s+)?(?:\S+\s+){0,2}?(?:models?|weights|checkpoints|code)\s+under\s+(?:an?\s+|the\s+)?[\[`*_]*(?:apache|mit|bsd|permissive|open|cc[-\s]by)|(?:code|source|repository|repo)\s+(?:\S+\s+){0,4}?(?:is|are)\s+(?:\S+\s+)?under\s+(?:an?\s+|the\s+)?[\[`*_]*(?:apache|mit|bsd|permissive|open[-\s]source|cc[-\s]by)/iu,
        // Checkpoints given out as a batch or a location: "we are providing two checkpoints for
        // Stage C", "`s3://…` contains the checkpoints converted to HF format".
        /(?:providing|offering|releasing|sharing|publishing|hosting|uploading)\s+(?:all\s+|the\s+|our\s+|its\s+)?(?:\S+\s+){0,2}?(?:model\s+)?(?:weights|checkpoints)\b|(?:contains?|holds?|stores?)\s+(?:all\s+)?(?:the\s+|our\s+)?(?:\S+\s+){0,2}?(?:model\s+)?(?:weights|checkpoints)\s+(?:\S+\s+){0,3}?(?:converted|available|for\s+download)/iu,
        /(?:train|training|fine[-\s]?tun(?:e|ing)|finetun(?:e|ing))\s+(?:of\s+|for\s+|your\s+own\s+)?(?:\S+\s+){0,2}?(?:loras?|controlnets?|adapters?)\b/iu,
        /(?:training|fine[-\s]?tuning|finetuning)\s+(?:scripts?|code|recipes?|configs?|notebooks?)\s+(?:\S+\s+){0,3}?(?:are\s+|is\s+)?(?:provided|available|included|released|published|open[-\s]sourced)|(?:provide|release|publish|include|share|open[-\s]source)[sd]?\s+(?:the\s+|our\s+|all\s+)?(?:\S+\s+){0,2}?(?:training|fine[-\s]?tuning|finetuning)\s+(?:scripts?|code|recipes?|configs?|notebooks?)/iu,
      ],
      exclusions: [
        othersModels,
        // "Weights & Biases" is an experiment-tracking service; its dashboards hand out no weights.
        /weights\s*(?:&|and)\s*biases/iu,
        // Quantising input values is how a model tokenises its data, not a lighter model for users.
        /(?:scaling|tokeni[sz]ation|binning|discreti[sz]ation|normali[sz]ation)\s+and\s+quanti[sz]ation|quanti[sz](?:ation|ed|es)\s+(?:of\s+)?(?:the\s+)?(?:input|values|time\s+series|signals?|observations)/iu,
      ],
    },
  ],
  retrievalQueries: [
    'risks misuse and risk scenarios',
    'safety thresholds and release decisions',
    'impact of agents and automation on jobs and workers',
    'environmental cost energy and emissions',
    'governance and oversight of deployed systems',
    'public deliberation about the future of the technology',
    'who benefits and who bears the costs',
    'running models locally and user control',
  ],
};
