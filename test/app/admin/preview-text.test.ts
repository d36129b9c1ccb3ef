import { NotJiraAdminError } from '../../../src/app/admin/admin-access';
import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { previewText } from '../../../src/app/admin/preview-text';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import { adminDeps } from './admin-fixture';

describe('previewText', () => {
  it('renders the saved text of the message in the language asked for', async () => {
    const { deps, store } = adminDeps();
    store.data.set(CONFIG_KEY, {
      version: 1,
      input: {
        texts: {
          resolvedClose: { en: 'Closed after {closeAfterDays} days', de: 'Nach {closeAfterDays} Tagen' },
        },
      },
      savedAt: '2026-11-01T00:00:00.000Z',
    });
    await expect(
      previewText({ messageKey: 'resolvedClose', language: 'de', params: { closeAfterDays: '50' } }, deps),
    ).resolves.toEqual({ text: 'Nach 50 Tagen', unknownPlaceholders: [] });
  });

  it.each([
    ['an unknown message', { messageKey: 'noSuchMessage', language: 'en', params: {} }],
    ['an unknown language', { messageKey: 'resolvedClose', language: 'fr', params: {} }],
    ['no payload', undefined],
  ])('refuses %s as a payload of the wrong shape', async (_name, payload) => {
    const { deps } = adminDeps();
    await expect(previewText(payload, deps)).rejects.toThrow(InvalidPayloadError);
  });

  it('refuses an agent who is not a Jira administrator', async () => {
    const { deps } = adminDeps({ admin: false });
    await expect(
      previewText({ messageKey: 'resolvedClose', language: 'en', params: {} }, deps),
    ).rejects.toThrow(NotJiraAdminError);
  });
});
