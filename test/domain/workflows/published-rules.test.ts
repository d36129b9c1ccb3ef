import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { transitionRules } from '../../../src/domain/workflows/published-rules';

describe('transitionRules: the returns from Clarification', () => {
  it('are published only for the kinds marked (C), per working status they can come from', () => {
    const { q } = transitionRules(defaultConfig.names, 'app-account');
    const kinds = defaultConfig.names.kinds;
    expect(Object.keys(q).sort()).toEqual(
      [
        kinds.incident,
        kinds.request,
        kinds.softwareDefect,
        kinds.nonSoftwareDefect,
        kinds.consultingRequest,
        kinds.supportRequest,
        kinds.customisation,
      ].sort(),
    );
    expect(Object.keys(q[kinds.supportRequest] ?? {})).toEqual(['open']);
  });
});
