import type { QueryParams, RequestBody, ResponseBody } from '../../api/types';

/*
 * The assessment rounds' API types (server/modules/assessments/rounds.schema.ts), from the generated
 * schema.
 */

export type Round = ResponseBody<'/api/assessments/rounds/{id}', 'get'>;
export type RoundStatus = Round['status'];
export type ListRoundsQuery = QueryParams<'/api/assessments/rounds', 'get'>;
export type OpenRoundBody = RequestBody<'/api/assessments/rounds', 'post'>;
export type BranchKind = NonNullable<OpenRoundBody['kinds']>[number];

export type Figures = ResponseBody<'/api/assessments/rounds/{id}/figures', 'get'>;
export type FigureGroup = Figures['total'];

export type BoardQuery = QueryParams<'/api/assessments/rounds/{id}/assessments', 'get'>;
export type AssessmentSummary = ResponseBody<
  '/api/assessments/rounds/{id}/assessments',
  'get'
>['items'][number];
export type AssessmentState = AssessmentSummary['state'];
export type AssessmentResult = NonNullable<AssessmentSummary['result']>;
export type DemoLevel = NonNullable<AssessmentSummary['demoLevel']>;

export type Assessment = ResponseBody<'/api/assessments/branch-assessments/{id}', 'get'>;
export type Answer = Assessment['answers'][number];
export type Evidence = Answer['evidence'][number];
export type Check = NonNullable<Answer['review']>;
export type AnswerVerdict = NonNullable<Answer['verdict']>;
export type CheckVerdict = Check['verdict'];
export type CheckStage = Check['stage'];
export type Demonstration = Assessment['demonstrations'][number];
export type VerificationMode = NonNullable<Assessment['verification']>;
export type AssessmentAction = 'submit' | 'return' | 'review' | 'send_back' | 'verify';
export type AnswerBody = RequestBody<'/api/assessments/branch-assessments/{id}/answers/{measureId}', 'put'>;
export type CheckBody = RequestBody<'/api/assessments/branch-assessments/{id}/checks/{measureId}', 'put'>;
export type DemonstrationBody = RequestBody<
  '/api/assessments/branch-assessments/{id}/demonstrations',
  'post'
>;

export type Standard = ResponseBody<'/api/assessments/standards', 'get'>[number];
