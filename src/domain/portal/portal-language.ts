import type { Settings } from '../config/settings-schema';
import type { Language } from '../texts/message-keys';

/**
 * The language the portal speaks to a customer: the one configured for the request's organization (as the app
 * answers that organization everywhere), else the portal's locale when it is German or English, else the
 * site's default language.
 *
 * @example
 * portalLanguage(cfg, ['Globex Ltd'], 'de-DE'); // 'en' when Globex Ltd is configured for English
 * portalLanguage(cfg, [], 'de-AT'); // 'de'
 */
export function portalLanguage(
  cfg: Pick<Settings, 'defaultLanguage' | 'languageByOrganization'>,
  organizations: readonly string[],
  locale: string | undefined,
): Language {
  for (const organization of organizations) {
    if (Object.hasOwn(cfg.languageByOrganization, organization)) {
      const configured = cfg.languageByOrganization[organization];
      if (configured) return configured;
    }
  }
  const prefix = locale?.slice(0, 2).toLowerCase();
  return prefix === 'de' || prefix === 'en' ? prefix : cfg.defaultLanguage;
}
