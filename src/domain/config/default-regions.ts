/**
 * The six support sites (guide §1.1.1) as default regions. Security level names are placeholders a site
 * replaces with its own Jira issue security levels.
 */
export const SITE_DEFAULT_REGIONS = {
  saarbruecken: {
    name: 'Saarbrücken',
    securityLevel: 'Support Saarbrücken',
    timeZone: 'Europe/Berlin',
    holidayRegion: 'DE-SL',
  },
  graz: {
    name: 'Graz',
    securityLevel: 'Support Graz',
    timeZone: 'Europe/Vienna',
    holidayRegion: 'AT-6',
  },
  sibiu: {
    name: 'Sibiu',
    securityLevel: 'Support Sibiu',
    timeZone: 'Europe/Bucharest',
    holidayRegion: 'RO',
  },
  london: {
    name: 'London',
    securityLevel: 'Support London',
    timeZone: 'Europe/London',
    holidayRegion: 'GB-ENG',
  },
  singapore: {
    name: 'Singapore',
    securityLevel: 'Support Singapore',
    timeZone: 'Asia/Singapore',
    holidayRegion: 'SG',
  },
  melbourne: {
    name: 'Melbourne',
    securityLevel: 'Support Melbourne',
    timeZone: 'Australia/Melbourne',
    holidayRegion: 'AU-VIC',
  },
};
