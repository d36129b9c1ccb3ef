/**
 * The admin page's only door to the host: every `@forge/bridge` call goes through this module (STYLE.md §8);
 * the admin page needs only the calls every static app shares.
 */
export { enableTheme, invoke, loadHostContext, type Invoke } from '../../shared/src/bridge';
