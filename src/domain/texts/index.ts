export { DEFAULT_TEXTS } from './default-texts';
export {
  LANGUAGES,
  MESSAGE_KEYS,
  MESSAGE_PLACEHOLDERS,
  type Language,
  type Localized,
  type MessageKey,
  type MessageParam,
  type MessageParams,
} from './message-keys';
export { placeholdersIn, unknownPlaceholders } from './placeholders';
export { DATE_PATTERNS, formatParam, languageFor, MessageRenderError, renderMessage } from './render-message';
