import type { StatusRef } from '../../contract/common';
import type { ProjectConfig } from '../../domain/config';
import { STATUSES } from '../../domain/statuses';
import { keyByName } from '../../domain/names';

/** A Jira status name with the process role it is configured for (`null` = not a process status). */
export function statusRef(cfg: ProjectConfig, name: string): StatusRef {
  return { name, role: keyByName(cfg.names.statuses, STATUSES, name) };
}
