/** Passives read from a CoNLL-U treebank, and Suffixscape's passives scored against them. */
import { describe, expect, it } from 'vitest';
import { loadTreebank, parseConllu, parsePassiveSubset, scoreTreebank } from './suffixscape-treebank.js';

const conllu = [
  '# sent_id = 1',
  '# text = The data were deleted.',
  '1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_',
  '2\tdata\tdata\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_',
  '3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_',
  '4\tdeleted\tdelete\tVERB\tVBN\t_\t0\troot\t_\t_',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '',
  '# sent_id = 2',
  '# text = The data were deleted by the team.',
  '1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_',
  '2\tdata\tdata\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_',
  '3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_',
  '4\tdeleted\tdelete\tVERB\tVBN\t_\t0\troot\t_\t_',
  '5\tby\tby\tADP\tIN\t_\t7\tcase\t_\t_',
  '6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_',
  '7\tteam\tteam\tNOUN\tNN\t_\t4\tobl:agent\t_\t_',
  '8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '',
  '# sent_id = 3',
  '# text = We deleted the data.',
  '1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\t_',
  '2\tdeleted\tdelete\tVERB\tVBD\t_\t0\troot\t_\t_',
  '3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_',
  '4\tdata\tdata\tNOUN\tNNS\t_\t2\tobj\t_\t_',
  '5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_',
  '',
].join('\n');

describe('UD treebank passives', () => {
  it('reads whether each sentence has a passive, and one without an agent', () => {
    expect(parseConllu(conllu)).toEqual([
      { text: 'The data were deleted.', passive: true, agentless: true },
      { text: 'The data were deleted by the team.', passive: true, agentless: false },
      { text: 'We deleted the data.', passive: false, agentless: false },
    ]);
  });

  it('scores the passives Suffixscape finds against the annotation', () => {
    const scores = scoreTreebank(parseConllu(conllu));
    expect(scores.sentences).toBe(3);
    expect(scores.agentless).toEqual({ precision: 1, recall: 1, f1: 1, tp: 1, fp: 0, fn: 0 });
    expect(scores.anyPassive).toEqual({ precision: 1, recall: 1, f1: 1, tp: 2, fp: 0, fn: 0 });
  });

  it('takes an enhanced obl:by oblique of the passive predicate as its agent, as this version of EWT marks it', () => {
    const enhanced = [
      '# text = The cartoons were chosen by a jury.',
      '1\tThe\tthe\tDET\tDT\t_\t2\tdet\t2:det\t_',
      '2\tcartoons\tcartoon\tNOUN\tNNS\t_\t4\tnsubj:pass\t4:nsubj:pass\t_',
      '3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t4:aux:pass\t_',
      '4\tchosen\tchoose\tVERB\tVBN\t_\t0\troot\t0:root\t_',
      '5\tby\tby\tADP\tIN\t_\t7\tcase\t7:case\t_',
      '6\ta\ta\tDET\tDT\t_\t7\tdet\t7:det\t_',
      '7\tjury\tjury\tNOUN\tNN\t_\t4\tobl\t4:obl:by\t_',
      '',
      '# text = The cartoons were chosen on Monday.',
      '1\tThe\tthe\tDET\tDT\t_\t2\tdet\t2:det\t_',
      '2\tcartoons\tcartoon\tNOUN\tNNS\t_\t4\tnsubj:pass\t4:nsubj:pass\t_',
      '3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t4:aux:pass\t_',
      '4\tchosen\tchoose\tVERB\tVBN\t_\t0\troot\t0:root\t_',
      '5\ton\ton\tADP\tIN\t_\t6\tcase\t6:case\t_',
      '6\tMonday\tMonday\tPROPN\tNNP\t_\t4\tobl\t4:obl:on\t_',
    ].join('\n');
    expect(parseConllu(enhanced).map((sentence) => sentence.agentless)).toEqual([false, true]);
  });

  it('reads the committed subset of UD English EWT dev: every sentence, with its passives and agents', async () => {
    const sentences = await loadTreebank();
    expect(sentences).toHaveLength(2001);
    const passives = sentences.filter((sentence) => sentence.passive);
    expect(passives.length).toBeGreaterThan(100);
    expect(passives.some((sentence) => !sentence.agentless)).toBe(true);
    expect(sentences.some((sentence) => sentence.agentless && !sentence.passive)).toBe(false);
  });

  it('refuses a malformed line of the subset with its line number', () => {
    expect(() => parsePassiveSubset('{"sent_id":"a","text":"x","aux_pass":[],"agents":[]}\n{"sent_id":"b","text":"y"}\n')).toThrow(/line 2/);
  });
});
