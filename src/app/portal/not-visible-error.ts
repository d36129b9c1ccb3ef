/** JSM does not show the request to the calling user in the portal: the portal resolvers refuse everything. */
export class NotVisibleToUserError extends Error {
  override readonly name = 'NotVisibleToUserError';
  constructor() {
    super('the request is not visible to the user in the portal');
  }
}
