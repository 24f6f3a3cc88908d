/**
 * The vocabulary of the retrieval benchmark's synthetic corpus: the words AI labs use about
 * themselves, grouped by topic so generated pages have subjects (a safety page, a data page, a
 * careers page), which gives their embeddings the clustered structure of a real evidence store
 * instead of uniform noise. Lists run from the commonest word to the rarest; the generator
 * draws from them with Zipf frequencies.
 *
 * Notation, to keep the lists readable: `_` joins a multi-word noun ("red_team"); a leading `~`
 * marks a mass noun (no plural); a verb is `base`, or `base/past/gerund[/participle]` when its
 * forms are irregular.
 */

export interface Noun {
  readonly singular: string;
  readonly plural: string;
  /** Mass nouns take no plural and no "a"/"each". */
  readonly mass: boolean;
}

export interface Verb {
  readonly base: string;
  readonly third: string;
  readonly past: string;
  readonly gerund: string;
  /** "has taken", not "has took". */
  readonly participle: string;
}

export interface Topic {
  readonly name: string;
  readonly nouns: readonly Noun[];
  readonly verbs: readonly Verb[];
  readonly adjectives: readonly string[];
}

export interface Lexicon {
  readonly topics: readonly Topic[];
  /** Words any page uses, whatever its topic. */
  readonly general: Topic;
  readonly adverbs: readonly string[];
  /** Programme, product and partner names, generated from syllables. */
  readonly names: readonly string[];
}

interface TopicSource {
  readonly name: string;
  readonly nouns: string;
  readonly verbs: string;
  readonly adjectives: string;
}

const topicSources: readonly TopicSource[] = [
  {
    name: 'safety',
    nouns: `risk safeguard evaluation ~misuse ~harm threshold mitigation incident guardrail classifier red_team jailbreak vulnerability
      capability ~oversight ~alignment ~robustness failure_mode scenario stress_test protocol escalation hazard severity_level refusal
      monitor tripwire containment misuse_pathway uplift bioweapon_risk cyber_capability autonomy_evaluation deception_probe
      sandbox kill_switch ~interpretability circuit probe reward_hack specification_gap adversarial_prompt`,
    verbs: `evaluate mitigate detect monitor test assess restrict escalate prevent contain flag/flagged/flagging probe harden verify trigger audit
      withhold/withheld/withholding quarantine`,
    adjectives: `dangerous catastrophic severe harmful adversarial unsafe critical residual emergent misaligned deceptive autonomous
      high-risk low-risk dual-use precautionary conservative`,
  },
  {
    name: 'governance',
    nouns: `board ~accountability committee stakeholder regulator framework ~compliance mandate commitment obligation principle
      ~transparency consultation review_process decision trustee legislation standard certification jurisdiction authority charter
      whistleblower ombudsman steering_group policy_team audit_trail conflict_of_interest voting_right fiduciary_duty public_benefit
      responsible_scaling_policy safety_case attestation`,
    verbs: `govern oversee/oversaw/overseeing/overseen approve ratify delegate enforce comply consult disclose sanction appoint convene deliberate adjudicate
      certify mandate codify`,
    adjectives: `accountable independent binding voluntary statutory fiduciary regulatory external internal formal enforceable
      democratic multi-stakeholder non-binding legitimate`,
  },
  {
    name: 'research',
    nouns: `model benchmark paper dataset architecture parameter experiment result baseline ablation training_run token
      context_window ~reasoning ~inference attention_head checkpoint evaluation_suite hypothesis preprint technical_report
      scaling_law loss_curve mixture_of_experts transformer optimiser learning_rate ~pretraining ~post-training reward_model
      preference_dataset chain_of_thought leaderboard replication`,
    verbs: `train scale benchmark fine-tune distil/distilled/distilling pretrain replicate ablate measure outperform generalise converge publish/published/publishing
      release quantise compress`,
    adjectives: `state-of-the-art frontier novel multimodal open-weight efficient scalable sparse dense empirical theoretical
      reproducible peer-reviewed large-scale small-scale proprietary`,
  },
  {
    name: 'data',
    nouns: `~data corpus ~provenance licence annotation ~consent ~filtering web_crawl contributor record ~metadata retention_period
      ~privacy deletion_request ~anonymisation sample source publisher creator ~copyright opt-out training_mixture data_card
      ~deduplication personal_information synthetic_data label labeller ~curation scraper robots_file data_broker takedown_notice`,
    verbs: `collect curate filter annotate license anonymise crawl delete retain label sample deduplicate scrape purchase
      document source opt/opted/opting`,
    adjectives: `public private personal sensitive licensed synthetic proprietary copyrighted anonymised scraped curated
      representative biased multilingual high-quality`,
  },
  {
    name: 'products',
    nouns: `customer enterprise platform assistant API subscription feature integration workflow developer release ~pricing
      partner application agent plugin console tier ~usage chatbot copilot endpoint SDK marketplace rate_limit onboarding
      support_ticket use_case contract service_level_agreement roadmap beta waitlist`,
    verbs: `launch integrate ship/shipped/shipping subscribe upgrade deploy automate customise onboard scale/scaled/scaling serve bill power
      streamline unlock embed/embedded/embedding`,
    adjectives: `enterprise-grade seamless powerful intuitive reliable affordable productive customisable fast scalable secure
      generally-available experimental premium free`,
  },
  {
    name: 'people',
    nouns: `employee researcher engineer community volunteer contractor annotator user educator student citizen worker union
      fellowship grant mentor ~diversity ~inclusion hiring_process career team_member intern scholar ~wellbeing ~culture
      ~compensation contractor_network rater content_moderator advisory_council resident_fellow`,
    verbs: `hire recruit mentor train empower include support/supported/supporting retain welcome compensate represent
      listen/listened/listening participate volunteer organise`,
    adjectives: `diverse inclusive talented underrepresented early-career remote global local fair equitable collaborative
      interdisciplinary junior senior mission-driven`,
  },
  {
    name: 'infrastructure',
    nouns: `cluster accelerator datacenter GPU ~energy ~emissions ~cooling chip supply_chain ~capacity ~efficiency ~latency
      ~throughput ~hardware region power_grid ~water_use carbon_footprint renewable_contract compute_budget inference_server
      network_fabric cloud_provider TPU rack ~electricity export_control fab wafer substation`,
    verbs: `provision power cool/cooled/cooling offset/offset/offsetting consume build/built/building expand procure allocate host operate
      optimise measure/measured/measuring shut/shut/shutting`,
    adjectives: `renewable carbon-neutral energy-intensive efficient sovereign distributed regional on-premise hyperscale
      low-carbon water-intensive constrained`,
  },
  {
    name: 'languages',
    nouns: `language dialect translation speaker script ~culture tradition ~heritage ~vocabulary ~localisation ~knowledge elder
      custodian oral_history community_archive minority_language indigenous_language low-resource_language linguist
      orthography idiom proverb storyteller ~sovereignty ~care_principle nation territory`,
    verbs: `translate preserve localise speak/spoke/speaking/spoken transcribe revitalise honour document/documented/documenting steward consult/consulted/consulting
      acknowledge respect`,
    adjectives: `multilingual indigenous local cultural regional endangered oral ancestral customary relational sovereign
      community-led vernacular`,
  },
  {
    name: 'society',
    nouns: `economy ~labour job ~education ~healthcare ~inequality opportunity ~displacement ~misinformation election ~democracy
      public_interest ~access benefit productivity livelihood small_business public_service teacher patient newsroom
      ~polarisation social_contract income transition fund citizen_assembly`,
    verbs: `benefit displace transform empower widen/widened/widening reduce/reduced/reducing share/shared/sharing distribute
      include/included/including prepare adapt reskill`,
    adjectives: `economic social societal democratic public equitable broad-based inclusive vulnerable marginalised
      transformative disruptive long-term`,
  },
  {
    name: 'security',
    nouns: `threat attacker breach model_weight access_control ~encryption insider credential patch exploit perimeter
      ~cybersecurity security_team bug_bounty penetration_test supply-chain_attack nation-state_actor incident_response
      security_review hardware_key zero-day secure_enclave`,
    verbs: `secure encrypt patch exfiltrate defend harden/hardened/hardening disclose/disclosed/disclosing report investigate
      authenticate isolate`,
    adjectives: `secure malicious sophisticated state-backed confidential encrypted zero-trust vulnerable responsible
      coordinated`,
  },
  {
    name: 'partnerships',
    nouns: `investor ~revenue ~funding partnership university government nonprofit collaboration agreement ~valuation
      shareholder cloud_partner philanthropy research_grant consortium memorandum joint_venture equity_stake donor
      ministry academic_partner foundation`,
    verbs: `partner fund invest collaborate co-develop sponsor announce acquire raise/raised/raising sign/signed/signing
      donate endow`,
    adjectives: `strategic long-term academic philanthropic commercial non-profit capped-profit multi-year landmark exclusive
      non-exclusive`,
  },
  {
    name: 'openness',
    nouns: `weight ~open_source repository licence fork community_release ~documentation model_card system_card report
      source_code changelog Apache_licence responsible_use_policy acceptable_use_policy download model_hub_page
      github_issue discussion_forum technical_blog_post reproducibility_package`,
    verbs: `open-source publish/published/publishing release/released/releasing document/documented/documenting fork
      redistribute modify inspect audit/audited/auditing share/shared/sharing`,
    adjectives: `open open-weight permissive restrictive closed downloadable transparent auditable community-driven
      source-available gated`,
  },
  {
    name: 'science',
    nouns: `scientist discovery ~biology ~chemistry protein ~climate_science weather_forecast drug_candidate clinical_trial
      hospital diagnosis genome molecule material laboratory simulation ~medicine vaccine pathogen ~biosecurity ecosystem
      satellite_image crop_yield ~fusion_research mathematician proof theorem physicist telescope`,
    verbs: `discover accelerate/accelerated/accelerating simulate diagnose predict synthesise sequence model/modelled/modelling
      prove/proved/proving analyse forecast screen cure/cured/curing`,
    adjectives: `scientific clinical biological medical computational experimental peer-reviewed breakthrough
      interdisciplinary data-driven predictive`,
  },
  {
    name: 'education',
    nouns: `school classroom curriculum tutor ~literacy course learner lesson ~homework ~assessment exam ~pedagogy
      university_student lecturer textbook library scholarship bootcamp certificate workshop ~training_material`,
    verbs: `teach/taught/teaching tutor enrol/enrolled/enrolling graduate study/studied/studying grade upskill instruct
      certify mentor/mentored/mentoring`,
    adjectives: `educational personalised accessible affordable lifelong introductory advanced age-appropriate
      student-centred`,
  },
  {
    name: 'law',
    nouns: `regulation ~law court lawsuit plaintiff copyright_claim treaty convention code_of_practice ~liability
      ~due_diligence impact_assessment notified_body ~enforcement fine directive act tribunal precedent safe_harbour
      ~data_protection legal_team counsel sanction_regime`,
    verbs: `legislate regulate litigate sue settle comply/complied/complying appeal enact repeal ban/banned/banning
      indemnify prohibit`,
    adjectives: `legal unlawful lawful liable extraterritorial harmonised prohibited high-risk general-purpose
      systemic cross-border`,
  },
  {
    name: 'media',
    nouns: `journalist newsroom article interview press_release headline ~coverage podcast op-ed investigation leak
      spokesperson press_briefing report_card commentator newsletter blog_post social_media_post ~public_attention
      controversy announcement`,
    verbs: `announce report/reported/reporting reveal criticise question/questioned/questioning leak cover/covered/covering
      quote allege confirm deny/denied/denying`,
    adjectives: `critical investigative sceptical sensational exclusive leaked anonymous public-facing viral
      controversial`,
  },
];

const generalSource: TopicSource = {
  name: 'general',
  nouns: `~work approach ~progress mission ~safety goal ~research system ~technology ~future world ~society team ~people
    ~humanity ~responsibility value challenge ~impact ~trust ~innovation ~development area effort step focus priority practice
    way time year process question ~understanding ~information ~evidence example part role program initiative outcome vision
    ~leadership ~stewardship milestone ~learning insight`,
  verbs: `develop deploy publish/published/publishing release/released/releasing invest support/supported/supporting ensure strengthen expand
    improve commit/committed/committing share/shared/sharing document/documented/documenting monitor/monitored/monitoring
    review assess build/built/building collaborate engage consult prioritise address reduce/reduced/reducing protect enable advance
    accelerate deliver measure/measured/measuring report disclose/disclosed/disclosing limit test design integrate maintain update
    provide adopt establish launch/launched/launching pilot study explore understand/understood/understanding learn respond invite
    continue/continued/continuing make/made/making take/took/taking/taken bring/brought/bringing lead/led/leading hold/held/holding
    begin/began/beginning/begun grow/grew/growing/grown keep/kept/keeping find/found/finding see/saw/seeing/seen`,
  adjectives: `responsible safe trustworthy robust transparent rigorous comprehensive advanced global beneficial meaningful
    significant public careful new important broad ongoing early clear practical ambitious thoughtful measurable human
    long-standing world-class leading`,
};

const adverbs = `carefully continuously openly responsibly rigorously independently actively publicly deliberately increasingly
  closely regularly thoughtfully proactively transparently consistently collaboratively systematically already also`;

const nameSyllables = {
  first: 'Au Ve Ka Lu Mi Sor Tal Ori Zen Que Nor Ira Bel Cae Dra Eli Fen Gal Hy Ixa Jor Kel Lys Mar Nex Ol Pra Rho Syl Tor Uma Vel Wyn Xe Yar Zo'.split(' '),
  second: 'ra lis tor vex dan mira nor lyn quin sa ther ion dra mon vel rix tis nova ro lume'.split(' '),
  suffix: ['', '', '', ' Labs', ' Project', ' Initiative', ' Fund', ' Alliance', ' Network', ' Programme'],
};

function splitWords(list: string): string[] {
  return list.split(/\s+/).filter((word) => word.length > 0);
}

const vowels = new Set(['a', 'e', 'i', 'o', 'u']);

/** English -s/-es ending for plural nouns and third-person verbs. */
function withS(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (word.endsWith('y') && word.length > 1 && !vowels.has(word[word.length - 2]!)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function pastOf(word: string): string {
  if (word.endsWith('e')) return `${word}d`;
  if (word.endsWith('y') && !vowels.has(word[word.length - 2]!)) return `${word.slice(0, -1)}ied`;
  return `${word}ed`;
}

function gerundOf(word: string): string {
  if (word.endsWith('ie')) return `${word.slice(0, -2)}ying`;
  if (word.endsWith('e') && !word.endsWith('ee')) return `${word.slice(0, -1)}ing`;
  return `${word}ing`;
}

export function parseNoun(entry: string): Noun {
  const mass = entry.startsWith('~');
  const singular = entry.replace(/^~/, '').replace(/_/g, ' ');
  if (mass) return { singular, plural: singular, mass };
  const words = singular.split(' ');
  // "conflict of interest" pluralises its head, not its last word.
  const headIndex = words.indexOf('of') > 0 ? words.indexOf('of') - 1 : words.length - 1;
  const plural = words.map((word, index) => (index === headIndex ? withS(word) : word)).join(' ');
  return { singular, plural, mass };
}

export function parseVerb(entry: string): Verb {
  const [base, past, gerund, participle] = entry.split('/') as [string, string?, string?, string?];
  const simplePast = past ?? pastOf(base);
  return { base, third: withS(base), past: simplePast, gerund: gerund ?? gerundOf(base), participle: participle ?? simplePast };
}

function parseTopic(source: TopicSource): Topic {
  return {
    name: source.name,
    nouns: splitWords(source.nouns).map(parseNoun),
    verbs: splitWords(source.verbs).map(parseVerb),
    adjectives: splitWords(source.adjectives),
  };
}

function generatedNames(): string[] {
  const names: string[] = [];
  nameSyllables.first.forEach((first, firstIndex) => {
    nameSyllables.second.forEach((second, secondIndex) => {
      names.push(`${first}${second}${nameSyllables.suffix[(firstIndex * 7 + secondIndex) % nameSyllables.suffix.length]}`);
    });
  });
  return names;
}

export function buildLexicon(): Lexicon {
  return {
    topics: topicSources.map(parseTopic),
    general: parseTopic(generalSource),
    adverbs: splitWords(adverbs),
    names: generatedNames(),
  };
}

/** Every distinct lower-case word form the lexicon can produce (before numbers and years). */
export function vocabularyOf(lexicon: Lexicon): Set<string> {
  const words = new Set<string>();
  const add = (phrase: string) => phrase.toLowerCase().split(/[\s]+/).forEach((word) => words.add(word));
  for (const topic of [...lexicon.topics, lexicon.general]) {
    topic.nouns.forEach((noun) => [noun.singular, noun.plural].forEach(add));
    topic.verbs.forEach((verb) => [verb.base, verb.third, verb.past, verb.gerund, verb.participle].forEach(add));
    topic.adjectives.forEach(add);
  }
  lexicon.adverbs.forEach(add);
  lexicon.names.forEach(add);
  return words;
}
