/**
 * The app configuration an admin of the demo site would save: the SD project managed, and two of the three demo
 * organizations mapped to support regions whose security levels exist on the demo site (PROCESS.md §1, §7).
 * Initech Pte is left unmapped on purpose: its confidential tickets show the fail-closed fallback.
 * Used by `npm start` and by the integration tests.
 */
export const DEMO_APP_CONFIG = {
  projects: ['SD'],
  regions: {
    organizations: { 'Acme GmbH': 'saarbruecken', 'Globex Ltd': 'london' },
    regions: {
      saarbruecken: {
        name: 'Saarbrücken',
        securityLevel: 'DACH support',
        timeZone: 'Europe/Berlin',
        holidayRegion: 'DE-SL',
      },
      london: {
        name: 'London',
        securityLevel: 'International support',
        timeZone: 'Europe/London',
        holidayRegion: 'GB-ENG',
      },
    },
    defaultRegion: 'saarbruecken',
    fallbackSecurityLevel: 'Restricted',
  },
};
