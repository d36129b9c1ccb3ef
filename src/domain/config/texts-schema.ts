import { z } from 'zod';
import { DEFAULT_TEXTS } from '../texts/default-texts';
import { LANGUAGES, MESSAGE_KEYS, type Localized, type MessageKey } from '../texts/message-keys';

const localizedWithDefault = (fallback: Localized) =>
  z
    .strictObject({
      de: z.string().trim().min(1).default(fallback.de),
      en: z.string().trim().min(1).default(fallback.en),
    })
    .prefault({});

/** One text per message key and language; each falls back to the shipped default individually. */
export const textsSchema = z
  .strictObject(
    Object.fromEntries(MESSAGE_KEYS.map((key) => [key, localizedWithDefault(DEFAULT_TEXTS[key])])) as {
      [K in MessageKey]: ReturnType<typeof localizedWithDefault>;
    },
  )
  .prefault({});

/** The language a ticket is answered in. */
export const languageSchema = z.enum(LANGUAGES);
