/**
 * The roster's name search terms. The spelling rules (full pinyin, initials, the mixed hezs form,
 * surnames read as surnames) live in platform/lists so every list finds people the same way.
 */
export {
  keywordTerm,
  namePinyin,
  personTerms as searchTerms,
  splitName,
} from '../../platform/lists/pinyin.ts';
