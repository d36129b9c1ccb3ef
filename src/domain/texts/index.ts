export { type Language } from './message-keys';
export { languageFor, MessageRenderError, renderMessage } from './render-message';
