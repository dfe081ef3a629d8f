/*
 * The resident identity number (公民身份号码, GB 11643-1999), checked in the browser by the very module
 * the server uses, so a typing error shows at once and the two can never disagree.
 */
export {
  type IdNumberInfo,
  type IdNumberProblem,
  normalizeIdNumber,
  parseIdNumber,
} from '../../../../server/modules/cadres/id-number.ts';
