import { namesInput } from '../../../src/app/admin/names-input';
import { settingsView } from '../../../src/app/admin/settings-view';
import { settingsSchema } from '../../../src/domain/config';

const names = settingsView(settingsSchema.parse({})).names;

describe('namesInput', () => {
  it.each(['Organizations', ' organizations ', 'ORGANIZATIONS'])(
    'takes the region from the JSM organizations when the region field reads %p',
    (region) => {
      const result = namesInput({ ...names, fields: { ...names.fields, region } });
      if (!('fragment' in result)) throw new Error(JSON.stringify(result.problems));
      const { region: _region, ...fields } = names.fields;
      expect(result.fragment).toEqual({
        names: {
          kinds: names.kinds,
          statuses: names.statuses,
          fields,
          fieldValues: names.fieldValues,
          priorities: names.priorities,
          deliveryLinkType: names.deliveryLinkType,
          resolutionOnClose: names.resolutionOnClose,
          customValue: names.customValue,
        },
      });
    },
  );

  it('refuses a region field of its own, pointing to the organizations', () => {
    expect(namesInput({ ...names, fields: { ...names.fields, region: 'Region' } })).toEqual({
      problems: [
        {
          path: 'names.fields.region',
          message: expect.stringMatching(/^names\.fields\.region: .*"Organizations"/),
          rule: { kind: 'regionFromOrganization', field: 'Organizations' },
        },
      ],
    });
  });
});
