/**
 * Personal data in what an agency publishes (去标识化, PUBLISHING-DOMAIN.md §7; docs/personal-data.md).
 *
 * The interface, pure and stable:
 * - `findPersonalData(text, { allow, masks, kinds })` → findings in order, each `{ kind, start, end, text,
 *   confidence, masked }` (offsets as `String.prototype.slice` takes them);
 * - `maskPersonalData(text, options)` → `{ text, findings }`, the one-step masked text;
 * - `findPersonalDataInHtml(html, options)`, `maskPersonalDataInHtml(html, options)` → the same over an HTML
 *   body, masking inside text nodes only; `htmlText(html)` is the text those offsets refer to;
 * - `maskValue(kind, value, rules)` and `maskRules(overrides)` for an agency's own masks;
 * - `PERSONAL_DATA_KINDS`, `PERSONAL_DATA_KIND_LABELS` (zh/en names of the kinds).
 */
export { applyMasks, findPersonalData, maskPersonalData, type FindOptions } from './detect.js';
export { findPersonalDataInHtml, htmlText, maskPersonalDataInHtml, type AttributeFindings } from './html.js';
export { DEFAULT_MASK_RULES, maskRules, maskValue, type KeepEnds, type MaskRules } from './masks.js';
export {
  PERSONAL_DATA_KINDS,
  PERSONAL_DATA_KIND_LABELS,
  type PersonalDataAllowList,
  type PersonalDataFinding,
  type PersonalDataKind,
} from './types.js';
