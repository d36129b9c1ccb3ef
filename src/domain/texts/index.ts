export { DEFAULT_TEXTS } from './default-texts';
export {
  MESSAGE_KEYS,
  MESSAGE_PLACEHOLDERS,
  type Language,
  type MessageKey,
  type MessageParams,
} from './message-keys';
export { placeholdersIn } from './placeholders';
export { formatParam, languageFor, MessageRenderError, renderMessage } from './render-message';
