/**
 * `npm run eval` (everything) and `npm run eval:ci` (the fast subset): prints the eval table,
 * writes the JSON under artifacts/eval/, and exits non-zero when any check falls below its
 * threshold.
 */
import { Command } from 'commander';
import { formatEvalTable, runEvals, writeEvalReport } from '../evals/run-evals.js';

export function createEvalCommand(): Command {
  return new Command('eval')
    .description('Run the evals: Suffixscape precision/recall, rubric indicators, quote faithfulness, replay determinism and consistency.')
    .option('--ci', 'the fast subset, for CI', false)
    .option('--out <dir>', 'where to write the JSON', 'artifacts/eval')
    .action(async (options: { ci: boolean; out: string }) => {
      const report = await runEvals(options.ci ? 'ci' : 'full', (line) => process.stderr.write(`· ${line}\n`));
      process.stdout.write(`${formatEvalTable(report)}\n`);
      const file = await writeEvalReport(report, options.out);
      process.stdout.write(`written to ${file}\n`);
      if (!report.passed) process.exitCode = 1;
    });
}
