import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { jqlString } from '../../../src/domain/jql';
import {
  stampedTicketsJql,
  statelessTicketsJql,
  unstampedTicketsJql,
} from '../../../src/app/sweep/sweep-queries';

describe('sweep queries', () => {
  const cfg = configForProject(defaultConfig, 'SUP');

  it('repairs only tickets in a timer status whose state does not run that timer, per eligible type', () => {
    const jql = unstampedTicketsJql(cfg);
    expect(jql).toContain(
      '(status = "Clarification required / On hold" AND issuetype in ("Incident", "Request", "Software Defect", ' +
        '"Non-Software Defect", "Consulting Request", "Support Request", "Customisation") AND ' +
        '(processTimer IS EMPTY OR processTimer != "clarification"))',
    );
    expect(jql).toContain('(status = "Estimation available" AND issuetype in ("Customisation") AND');
    // Delivery tickets have no Resolved timer; Suggestions never enter Clarification.
    expect(jql).not.toMatch(/"Clarification required \/ On hold" AND issuetype in \([^)]*Suggestion/);
    expect(jql).not.toContain('"Delivery"');
    expect(jql.endsWith('ORDER BY id ASC')).toBe(true);
  });

  it('gives "no state yet" copies to tickets of the managed kinds without a state where their kind runs no timer', () => {
    const jql = statelessTicketsJql(cfg);
    expect(jql).toBe(
      'project = "SUP" AND issuetype in ("Incident", "Request", "Software Defect", "Non-Software Defect", ' +
        '"Consulting Request", "Support Request", "Customisation", "Suggestion") AND processTimer IS EMPTY AND ' +
        '(status not in ("Clarification required / On hold", "Resolved", "Estimation available", "Closed") OR ' +
        '(status = "Clarification required / On hold" AND issuetype in ("Suggestion")) OR ' +
        '(status = "Resolved" AND issuetype in ("Incident", "Request", "Customisation")) OR ' +
        '(status = "Estimation available" AND issuetype in ("Incident", "Request", "Software Defect", ' +
        '"Non-Software Defect", "Consulting Request", "Support Request", "Suggestion"))) ORDER BY id ASC',
    );
  });

  it('uses the names a site configured and escapes quotes', () => {
    const renamed = configForProject(
      {
        ...defaultConfig,
        projects: ['SUP'],
        projectOverrides: { SUP: { names: { statuses: { resolved: 'Gelöst "fertig"' } } } },
      },
      'SUP',
    );
    expect(unstampedTicketsJql(renamed)).toContain('status = "Gelöst \\"fertig\\""');
    expect(jqlString('a\\b')).toBe('"a\\\\b"');
  });

  it('repairs each timer status with its own timer, one clause per status, most tickets first by id', () => {
    expect(unstampedTicketsJql(cfg)).toBe(
      'project = "SUP" AND (' +
        '(status = "Clarification required / On hold" AND issuetype in ("Incident", "Request", "Software Defect", ' +
        '"Non-Software Defect", "Consulting Request", "Support Request", "Customisation") AND ' +
        '(processTimer IS EMPTY OR processTimer != "clarification")) OR ' +
        '(status = "Resolved" AND issuetype in ("Software Defect", "Non-Software Defect", "Consulting Request", ' +
        '"Support Request", "Suggestion") AND (processTimer IS EMPTY OR processTimer != "resolved")) OR ' +
        '(status = "Estimation available" AND issuetype in ("Customisation") AND ' +
        '(processTimer IS EMPTY OR processTimer != "estimate"))) ORDER BY id ASC',
    );
  });

  it('reads every ticket of the project with a due time, earliest first', () => {
    expect(stampedTicketsJql('SUP')).toBe(
      'project = "SUP" AND processNextDue IS NOT EMPTY ORDER BY processNextDue ASC, id ASC',
    );
    expect(stampedTicketsJql('S"P')).toContain('project = "S\\"P" AND');
  });
});
