import type { OpContext } from './context';
import type { Outcome } from './reply';
import {
  deleteForgeAppProperty,
  deleteProjectProperty,
  getForgeAppProperty,
  getForgeAppPropertyKeys,
  getProjectProperty,
  putForgeAppProperty,
  setProjectProperty,
} from '../ops/app-property-ops';
import { getBulkChangelogs, getChangeLogs } from '../ops/changelog-ops';
import { analyseExpression } from '../ops/expression-ops';
import { addComment, getComment, getComments } from '../ops/comment-ops';
import { getCustomerTransitions, performCustomerTransition } from '../ops/customer-transition-ops';
import { createIssue, editIssue, getIssue } from '../ops/issue-ops';
import { deleteIssueLink, getIssueLink, getIssueLinkTypes, linkIssues } from '../ops/link-ops';
import {
  getFields,
  getIssueAllTypes,
  getProject,
  getResolutions,
  searchPriorities,
  getFieldAutoCompleteForQueryString,
  getServerInfo,
  getStatuses,
} from '../ops/metadata-ops';
import {
  deleteIssueProperty,
  getIssueProperty,
  getIssuePropertyKeys,
  setIssueProperty,
} from '../ops/property-ops';
import { addRequestParticipants } from '../ops/participant-ops';
import { countIssues, removedSearch, searchJql } from '../ops/search-ops';
import {
  getIssueSecurityLevelMembers,
  getIssueSecurityScheme,
  getIssueSecuritySchemes,
  getSecurityLevelsForProject,
} from '../ops/security-ops';
import {
  getAllRequestTypes,
  getOrganizations,
  getRequestTypes,
  getServiceDeskOrganizations,
  getServiceDesks,
  getUsersInOrganization,
} from '../ops/servicedesk-org-ops';
import {
  createRequestComment,
  getCustomerRequest,
  getCustomerRequestStatus,
  getRequestComments,
  getRequestParticipants,
  getSlaInformation,
} from '../ops/servicedesk-request-ops';
import { doTransition, getTransitions } from '../ops/transition-ops';
import { getBulkPermissions, getCurrentUser, getMyPermissions, getUser } from '../ops/user-ops';
import { getAllUsers } from '../ops/directory-ops';

export type Handler = (ctx: OpContext) => Outcome;

const P = '/rest/api/3';
const SD = '/rest/servicedeskapi';
const FORGE = '/rest/forge/1';

/**
 * The operations the simulator implements, keyed by `METHOD pathTemplate` exactly as the specs spell them
 * (operationIds are not unique across the two specs). Anything the specs know but this table lacks answers
 * 404 like an endpoint the site does not offer.
 */
export const ROUTES: Record<string, Handler> = {
  [`GET ${P}/search/jql`]: searchJql,
  [`POST ${P}/search/jql`]: searchJql,
  [`POST ${P}/search/approximate-count`]: countIssues,
  [`GET ${P}/search`]: removedSearch,
  [`POST ${P}/search`]: removedSearch,
  [`POST ${P}/issue`]: createIssue,
  [`GET ${P}/issue/{issueIdOrKey}`]: getIssue,
  [`PUT ${P}/issue/{issueIdOrKey}`]: editIssue,
  [`GET ${P}/issue/{issueIdOrKey}/transitions`]: getTransitions,
  [`POST ${P}/issue/{issueIdOrKey}/transitions`]: doTransition,
  [`GET ${P}/issue/{issueIdOrKey}/comment`]: getComments,
  [`POST ${P}/issue/{issueIdOrKey}/comment`]: addComment,
  [`GET ${P}/issue/{issueIdOrKey}/comment/{id}`]: getComment,
  [`GET ${P}/issue/{issueIdOrKey}/properties`]: getIssuePropertyKeys,
  [`GET ${P}/issue/{issueIdOrKey}/properties/{propertyKey}`]: getIssueProperty,
  [`PUT ${P}/issue/{issueIdOrKey}/properties/{propertyKey}`]: setIssueProperty,
  [`DELETE ${P}/issue/{issueIdOrKey}/properties/{propertyKey}`]: deleteIssueProperty,
  [`GET ${P}/issue/{issueIdOrKey}/changelog`]: getChangeLogs,
  [`POST ${P}/changelog/bulkfetch`]: getBulkChangelogs,
  [`POST ${P}/issueLink`]: linkIssues,
  [`GET ${P}/issueLink/{linkId}`]: getIssueLink,
  [`DELETE ${P}/issueLink/{linkId}`]: deleteIssueLink,
  [`GET ${P}/issueLinkType`]: getIssueLinkTypes,
  [`GET ${P}/field`]: getFields,
  [`GET ${P}/status`]: getStatuses,
  [`GET ${P}/issuetype`]: getIssueAllTypes,
  [`GET ${P}/resolution`]: getResolutions,
  [`GET ${P}/priority/search`]: searchPriorities,
  [`GET ${P}/jql/autocompletedata/suggestions`]: getFieldAutoCompleteForQueryString,
  [`GET ${P}/users/search`]: getAllUsers,
  [`GET ${P}/project/{projectIdOrKey}`]: getProject,
  [`GET ${P}/project/{projectIdOrKey}/properties/{propertyKey}`]: getProjectProperty,
  [`PUT ${P}/project/{projectIdOrKey}/properties/{propertyKey}`]: setProjectProperty,
  [`DELETE ${P}/project/{projectIdOrKey}/properties/{propertyKey}`]: deleteProjectProperty,
  [`POST ${P}/expression/analyse`]: analyseExpression,
  [`GET ${FORGE}/app/properties`]: getForgeAppPropertyKeys,
  [`GET ${FORGE}/app/properties/{propertyKey}`]: getForgeAppProperty,
  [`PUT ${FORGE}/app/properties/{propertyKey}`]: putForgeAppProperty,
  [`DELETE ${FORGE}/app/properties/{propertyKey}`]: deleteForgeAppProperty,
  [`GET ${P}/project/{projectKeyOrId}/securitylevel`]: getSecurityLevelsForProject,
  [`GET ${P}/issuesecurityschemes`]: getIssueSecuritySchemes,
  [`GET ${P}/issuesecurityschemes/{id}`]: getIssueSecurityScheme,
  [`GET ${P}/issuesecurityschemes/{issueSecuritySchemeId}/members`]: getIssueSecurityLevelMembers,
  [`GET ${P}/serverInfo`]: getServerInfo,
  [`GET ${P}/user`]: getUser,
  [`GET ${P}/myself`]: getCurrentUser,
  [`GET ${P}/mypermissions`]: getMyPermissions,
  [`POST ${P}/permissions/check`]: getBulkPermissions,
  [`GET ${SD}/request/{issueIdOrKey}`]: getCustomerRequest,
  [`GET ${SD}/request/{issueIdOrKey}/comment`]: getRequestComments,
  [`POST ${SD}/request/{issueIdOrKey}/comment`]: createRequestComment,
  [`GET ${SD}/request/{issueIdOrKey}/participant`]: getRequestParticipants,
  [`POST ${SD}/request/{issueIdOrKey}/participant`]: addRequestParticipants,
  [`GET ${SD}/request/{issueIdOrKey}/sla`]: getSlaInformation,
  [`GET ${SD}/request/{issueIdOrKey}/status`]: getCustomerRequestStatus,
  [`GET ${SD}/request/{issueIdOrKey}/transition`]: getCustomerTransitions,
  [`POST ${SD}/request/{issueIdOrKey}/transition`]: performCustomerTransition,
  [`GET ${SD}/organization`]: getOrganizations,
  [`GET ${SD}/organization/{organizationId}/user`]: getUsersInOrganization,
  [`GET ${SD}/servicedesk`]: getServiceDesks,
  [`GET ${SD}/servicedesk/{serviceDeskId}/organization`]: getServiceDeskOrganizations,
  [`GET ${SD}/servicedesk/{serviceDeskId}/requesttype`]: getRequestTypes,
  [`GET ${SD}/requesttype`]: getAllRequestTypes,
};
