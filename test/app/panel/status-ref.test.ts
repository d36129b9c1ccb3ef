import { statusRef } from '../../../src/app/panel/status-ref';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { configForProject } from '../../../src/domain/config';

const cfg = configForProject(defaultConfig, 'SUP');

describe('status reference: a Jira status name with its configured process role', () => {
  it('keeps the name as Jira spells it and names the role configured for it', () => {
    expect(statusRef(cfg, 'in progress ')).toEqual({ name: 'in progress ', role: 'inProgress' });
  });

  it('gives the role null for a status outside the process', () => {
    expect(statusRef(cfg, 'Waiting for vendor')).toEqual({ name: 'Waiting for vendor', role: null });
  });
});
