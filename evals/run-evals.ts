/**
 * The eval harness: each suite is a function returning checks in the `{ pass, score, reason }`
 * shape. `full` runs everything with five fresh runs; `ci` is the fast subset with the same
 * thresholds (two fresh runs), fit to gate a merge.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runDemoAuditSuite } from './demo-audit-suite.js';
import type { EvalCheck } from './grader.js';
import { runRubricIndicatorSuite } from './rubric-indicator-suite.js';
import { runSuffixscapeSuite } from './suffixscape-suite.js';

export type EvalMode = 'full' | 'ci';

export interface EvalReport {
  readonly mode: EvalMode;
  readonly generatedAt: string;
  readonly passed: boolean;
  readonly failures: number;
  readonly checks: readonly EvalCheck[];
}

export const freshRunsFor: Record<EvalMode, number> = { full: 5, ci: 2 };

export async function runEvals(mode: EvalMode, log: (line: string) => void = () => undefined): Promise<EvalReport> {
  const checks: EvalCheck[] = [];
  log('scoring the Suffixscape detectors');
  checks.push(...(await runSuffixscapeSuite()));
  log('reading the rubric indicator cases');
  checks.push(...(await runRubricIndicatorSuite()));
  checks.push(...(await runDemoAuditSuite({ freshRuns: freshRunsFor[mode], log })));
  const failures = checks.filter((check) => !check.pass).length;
  return { mode, generatedAt: new Date().toISOString(), passed: failures === 0, failures, checks };
}

/** One line per check, grouped by suite. */
export function formatEvalTable(report: EvalReport): string {
  const lines: string[] = [];
  const suites = [...new Set(report.checks.map((check) => check.suite))];
  for (const suite of suites) {
    lines.push('', suite);
    for (const check of report.checks.filter((candidate) => candidate.suite === suite)) {
      lines.push(`  ${check.pass ? 'pass' : 'FAIL'}  ${check.name.padEnd(26)} ${check.score.toFixed(3).padStart(7)}  ${check.reason}`);
    }
  }
  lines.push('', `${report.checks.length - report.failures} passed, ${report.failures} failed`);
  return lines.join('\n').trimStart();
}

export async function writeEvalReport(report: EvalReport, directory = path.join('artifacts', 'eval')): Promise<string> {
  await mkdir(directory, { recursive: true });
  const file = path.join(directory, report.mode === 'ci' ? 'eval-ci.json' : 'eval.json');
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
