import type { SimJiraSite } from '../site';
import { STATUS } from './demo-ids';

/**
 * The guide closes an unanswered Clarification ticket directly (§2.2.5), but the demo workflows have no
 * Clarification → Closed transition. Adds it, with a screen asking for the resolution, as a site following the
 * guide would configure it. Used by the local site.
 */
export function addNoReplyClose(site: SimJiraSite): void {
  for (const project of site.store.projects.values()) {
    for (const workflow of Object.values(project.workflows)) {
      const fromClarification = workflow.transitions.some((t) => t.from.includes(STATUS.clarification));
      const closes = workflow.transitions.some(
        (t) => t.from.includes(STATUS.clarification) && t.to === STATUS.closed,
      );
      if (!fromClarification || closes) continue;
      workflow.transitions.push({
        id: '901',
        name: 'Close (no reply)',
        from: [STATUS.clarification],
        to: STATUS.closed,
        screenFields: ['resolution'],
      });
    }
  }
}
