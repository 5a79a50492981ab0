// The input primitives every zod schema builds on (docs/decisions/0027). Client-safe.
export { singleLine, multiLine, recordId, textProblem, jsonTextProblem, TEXT_MESSAGES } from "./text";
export { wholeNumber, pageParam, NUMBER_MESSAGE } from "./number";
export { calendarDate } from "./date";
export { tagList, TAG_PATTERN, TAG_HINT } from "./tags";
