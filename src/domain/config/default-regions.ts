/**
 * The six support sites (guide §1.1.1) as default regions. Security level names are placeholders a site
 * replaces with its own Jira issue security levels.
 */
export const SITE_DEFAULT_REGIONS = {
  saarbruecken: { securityLevel: 'Support Saarbrücken', timeZone: 'Europe/Berlin', holidayRegion: 'DE-SL' },
  graz: { securityLevel: 'Support Graz', timeZone: 'Europe/Vienna', holidayRegion: 'AT-6' },
  sibiu: { securityLevel: 'Support Sibiu', timeZone: 'Europe/Bucharest', holidayRegion: 'RO' },
  london: { securityLevel: 'Support London', timeZone: 'Europe/London', holidayRegion: 'GB-ENG' },
  singapore: { securityLevel: 'Support Singapore', timeZone: 'Asia/Singapore', holidayRegion: 'SG' },
  melbourne: { securityLevel: 'Support Melbourne', timeZone: 'Australia/Melbourne', holidayRegion: 'AU-VIC' },
};
