/**
 * The CI eval gate under `npm test`: the same fast subset as `npm run eval:ci`, failing when
 * any check drops below its threshold.
 */
import { describe, expect, it } from 'vitest';
import { formatEvalTable, runEvals } from './run-evals.js';

describe('eval:ci', () => {
  it('keeps every quality check at or above its threshold', async () => {
    const report = await runEvals('ci');
    const failures = report.checks.filter((check) => !check.pass).map((check) => `${check.suite} / ${check.name}: ${check.reason}`);
    expect(failures, formatEvalTable(report)).toEqual([]);
    const suites = new Set(report.checks.map((check) => check.suite.split(' (')[0]));
    expect([...suites]).toEqual(
      expect.arrayContaining(['suffixscape', 'rubric indicators', 'quote faithfulness', 'exact replay', 'fresh replay consistency']),
    );
    expect(report.checks.filter((check) => check.suite.startsWith('exact replay')).map((check) => check.name)).toEqual(['rubric', 'llm (model stopped)']);
  }, 90_000);
});
