/**
 * Generates organisational prose from the benchmark lexicon: sentences of 15 to 60 words built
 * from a small grammar (subject, verb, object, then prepositional phrases, purpose and relative
 * clauses, lists) with Zipf-distributed word choice, grouped into paragraphs and pages that keep
 * to one or two topics. Deterministic for a given seeded generator.
 */
import { createZipfPicker, type SeededRandom } from './support/seeded-random.js';
import type { Lexicon, Noun, Topic, Verb } from './retrieval-vocabulary.js';

export const minimumSentenceWords = 15;
export const maximumSentenceWords = 60;

type Pick<T> = (random: SeededRandom) => T;

interface TopicPickers {
  readonly topic: Topic;
  readonly noun: Pick<Noun>;
  readonly verb: Pick<Verb>;
  readonly adjective: Pick<string>;
}

/** How a subject agrees with its verb. */
type Person = 'we' | 'singular' | 'plural';

/** A piece of a sentence; `leadingComma` puts a comma after the word before it. */
interface Phrase {
  readonly words: readonly string[];
  readonly leadingComma?: boolean;
}

export interface ProseGenerator {
  readonly topics: readonly Topic[];
  sentence(random: SeededRandom, topic: Topic): string;
  /** A page: paragraphs separated by blank lines, mostly about `primary`, partly `secondary`. */
  page(random: SeededRandom, primary: Topic, secondary: Topic, sentences: number): string;
}

const prepositions = [
  'across', 'through', 'within', 'for', 'with', 'under', 'beyond', 'alongside', 'before', 'after', 'among', 'in', 'on', 'into',
  'against', 'in partnership with', 'on behalf of', 'as part of', 'in line with', 'ahead of',
];
const modals = ['can', 'may', 'should', 'must', 'will'];
const years = ['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026'];

function wordCount(words: readonly string[]): number {
  return words.reduce((count, word) => count + word.split(' ').length, 0);
}

function article(nextWord: string): string {
  return /^[aeiou]/i.test(nextWord) && !/^(uni|use|eu)/i.test(nextWord) ? 'an' : 'a';
}

export function createProseGenerator(lexicon: Lexicon): ProseGenerator {
  const pickersOf = (topic: Topic): TopicPickers => ({
    topic,
    noun: createZipfPicker(topic.nouns),
    verb: createZipfPicker(topic.verbs),
    adjective: createZipfPicker(topic.adjectives),
  });
  const topicPickers = new Map(lexicon.topics.map((topic) => [topic, pickersOf(topic)]));
  const general = pickersOf(lexicon.general);
  const name = createZipfPicker(lexicon.names, 0.8);
  const adverb = createZipfPicker(lexicon.adverbs);

  const pickersFor = (topic: Topic): TopicPickers => topicPickers.get(topic) ?? general;
  // Topic words dominate, but every page also speaks the general register of the sector.
  const noun = (random: SeededRandom, pickers: TopicPickers) => (random.chance(0.7) ? pickers.noun : general.noun)(random);
  const verb = (random: SeededRandom, pickers: TopicPickers) => (random.chance(0.55) ? pickers.verb : general.verb)(random);
  const adjective = (random: SeededRandom, pickers: TopicPickers) => (random.chance(0.6) ? pickers.adjective : general.adjective)(random);

  function nounPhrase(random: SeededRandom, pickers: TopicPickers, number: 'singular' | 'plural' | 'any' = 'any', allowOf = true): string[] {
    return numberedNounPhrase(random, pickers, number, allowOf).words;
  }

  /** A noun phrase and whether it is plural (a mass noun never is, whatever was asked). */
  function numberedNounPhrase(
    random: SeededRandom,
    pickers: TopicPickers,
    number: 'singular' | 'plural' | 'any',
    allowOf: boolean,
  ): { words: string[]; plural: boolean } {
    const head = noun(random, pickers);
    const plural = !head.mass && (number === 'plural' || (number === 'any' && random.chance(0.35)));
    const words: string[] = [];
    if (random.chance(0.45)) words.push(adjective(random, pickers));
    words.push(plural ? head.plural : head.singular);
    const determiner = head.mass
      ? random.pick(['', '', 'the', 'our', 'this', 'greater', 'more'])
      : plural
        ? random.pick(['', 'the', 'our', 'these', 'many', 'several', 'all', 'new', 'external'])
        : random.pick(['the', 'the', 'our', 'each', 'every', 'this', 'a']);
    if (determiner === 'a') words.unshift(article(words[0]!));
    else if (determiner !== '') words.unshift(determiner);
    if (allowOf && random.chance(0.2)) words.push('of', ...nounPhrase(random, pickers, 'any', false));
    return { words, plural };
  }

  function subject(random: SeededRandom, pickers: TopicPickers): { words: string[]; person: Person } {
    const roll = random.next();
    if (roll < 0.3) return { words: ['we'], person: 'we' };
    if (roll < 0.45) return { words: [name(random)], person: 'singular' };
    if (roll < 0.6) return { words: ['our', noun(random, pickers).singular, random.pick(['team', 'group', 'programme', 'work'])], person: 'singular' };
    const phrase = numberedNounPhrase(random, pickers, roll < 0.8 ? 'plural' : 'singular', false);
    return { words: phrase.words, person: phrase.plural ? 'plural' : 'singular' };
  }

  function verbGroup(random: SeededRandom, chosen: Verb, person: Person): string[] {
    const singular = person === 'singular';
    const roll = random.next();
    if (roll < 0.35) return [singular ? chosen.third : chosen.base];
    if (roll < 0.55) return [chosen.past];
    if (roll < 0.7) return [singular ? 'has' : 'have', chosen.participle];
    if (roll < 0.8) return [singular ? 'continues' : 'continue', 'to', chosen.base];
    if (roll < 0.9) return [random.pick(modals), chosen.base];
    return [singular ? 'is' : 'are', chosen.gerund];
  }

  function opening(random: SeededRandom, pickers: TopicPickers): string[] {
    switch (random.integer(0, 7)) {
      case 0:
        return ['In', `${random.pick(years)},`];
      case 1:
        return ['Over', 'the', 'past', 'year,'];
      case 2:
        return ['As', 'part', 'of', 'our', `${noun(random, pickers).singular},`];
      case 3:
        return ['Since', `${random.pick(years)},`];
      case 4: {
        const word = adverb(random);
        return [`${word[0]!.toUpperCase()}${word.slice(1)},`];
      }
      case 5:
        return ['Today,'];
      case 6:
        return ['Together', 'with', `${name(random)},`];
      default:
        return ['Where', 'appropriate,'];
    }
  }

  function extension(random: SeededRandom, pickers: TopicPickers): Phrase {
    switch (random.integer(0, 9)) {
      case 0:
      case 1:
      case 2:
        return { words: [random.pick(prepositions), ...nounPhrase(random, pickers)] };
      case 3:
        return { words: ['to', verb(random, pickers).base, ...nounPhrase(random, pickers)] };
      case 4:
        return { words: ['while', verb(random, pickers).gerund, ...nounPhrase(random, pickers)], leadingComma: true };
      case 5:
        return { words: ['which', verb(random, pickers).third, ...nounPhrase(random, pickers)], leadingComma: true };
      case 6: {
        const first = nounPhrase(random, pickers, 'any', false);
        const second = nounPhrase(random, pickers, 'any', false);
        const third = nounPhrase(random, pickers, 'any', false);
        return { words: ['including', ...first.slice(0, -1), `${first[first.length - 1]!},`, ...second, 'and', ...third], leadingComma: true };
      }
      case 7:
        return { words: ['so', 'that', ...nounPhrase(random, pickers, 'plural', false), 'can', verb(random, pickers).base, ...nounPhrase(random, pickers)] };
      case 8:
        return { words: ['and', verb(random, pickers).past, ...nounPhrase(random, pickers)] };
      default:
        return random.chance(0.5)
          ? { words: ['across', String(random.integer(3, 140)), noun(random, pickers).plural] }
          : { words: ['by', String(random.integer(2, 95)), 'percent', random.pick(['since', 'in']), random.pick(years)] };
    }
  }

  function sentence(random: SeededRandom, topic: Topic): string {
    const pickers = pickersFor(topic);
    // Most sentences in institutional prose sit in the 20s and 30s; a few run long.
    const target = minimumSentenceWords + Math.floor((maximumSentenceWords - minimumSentenceWords + 1) * random.next() ** 1.6);
    const words: string[] = [];
    if (random.chance(0.3)) words.push(...opening(random, pickers));
    const { words: subjectWords, person } = subject(random, pickers);
    words.push(...subjectWords);
    if (random.chance(0.15)) words.push(adverb(random));
    words.push(...verbGroup(random, verb(random, pickers), person), ...nounPhrase(random, pickers));
    let count = wordCount(words);
    let refusals = 0;
    while (count < target) {
      let phrase = extension(random, pickers);
      // Near the limit, fall back to a short prepositional phrase, which always fits.
      if (refusals > 8) phrase = { words: [random.pick(prepositions.slice(0, 14)), noun(random, general).plural.split(' ')[0]!] };
      const size = wordCount(phrase.words);
      if (count + size > maximumSentenceWords) {
        refusals += 1;
        if (count >= minimumSentenceWords && refusals > 12) break;
        continue;
      }
      if (phrase.leadingComma) words[words.length - 1] = `${words[words.length - 1]!},`;
      words.push(...phrase.words);
      count += size;
    }
    const text = words.join(' ').replace(/,,/g, ',');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  }

  function page(random: SeededRandom, primary: Topic, secondary: Topic, sentences: number): string {
    const paragraphs: string[] = [];
    let remaining = sentences;
    while (remaining > 0) {
      const length = Math.min(remaining, random.integer(3, 7));
      const paragraph: string[] = [];
      for (let index = 0; index < length; index += 1) {
        const roll = random.next();
        const topic = roll < 0.6 ? primary : roll < 0.85 ? secondary : random.pick(lexicon.topics);
        paragraph.push(sentence(random, topic));
      }
      paragraphs.push(paragraph.join(' '));
      remaining -= length;
    }
    return paragraphs.join('\n\n');
  }

  return { topics: lexicon.topics, sentence, page };
}
