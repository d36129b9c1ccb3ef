import type { SimOrganization, SimProject, SimRequestType } from '../model/types';
import { dateDto, SITE_URL } from '../render/format';

export function serviceDeskDto(project: SimProject): Record<string, unknown> {
  return {
    id: project.serviceDeskId,
    projectId: project.id,
    projectName: project.name,
    projectKey: project.key,
    _links: { self: `${SITE_URL}/rest/servicedeskapi/servicedesk/${project.serviceDeskId}` },
  };
}

export function requestTypeDto(rt: SimRequestType): Record<string, unknown> {
  return {
    _links: { self: `${SITE_URL}/rest/servicedeskapi/servicedesk/${rt.serviceDeskId}/requesttype/${rt.id}` },
    id: rt.id,
    name: rt.name,
    description: rt.description,
    helpText: '',
    issueTypeId: rt.issueTypeId,
    serviceDeskId: rt.serviceDeskId,
    portalId: rt.serviceDeskId,
    groupIds: [],
    restrictionStatus: 'OPEN',
    canCreateRequest: true,
  };
}

export function organizationDto(org: SimOrganization): Record<string, unknown> {
  return {
    id: org.id,
    name: org.name,
    uuid: `00000000-0000-4000-8000-${org.id.padStart(12, '0')}`,
    scimManaged: false,
    created: dateDto(org.created),
    _links: { self: `${SITE_URL}/rest/servicedeskapi/organization/${org.id}` },
  };
}
