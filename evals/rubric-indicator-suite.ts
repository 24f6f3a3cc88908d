/** Agreement of the rubric's indicator reader with the labelled indicator cases. */
import { atLeast, type EvalCheck } from './grader.js';
import { loadIndicatorCases, measureIndicatorAgreement } from './rubric-indicator-agreement.js';

export const requiredIndicatorAgreement = 0.95;

export async function runRubricIndicatorSuite(): Promise<EvalCheck[]> {
  const agreement = measureIndicatorAgreement(await loadIndicatorCases());
  return [
    {
      suite: `rubric indicators (${agreement.cases} cases)`,
      name: 'agreement',
      ...atLeast(agreement.agreement, requiredIndicatorAgreement, 'agreement'),
      metrics: { cases: agreement.cases, agreed: agreement.agreed, agreement: agreement.agreement },
    },
  ];
}
