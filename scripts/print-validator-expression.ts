/**
 * Prints the Jira expression of the `jira:workflowValidator` module for the default configuration
 * (`workflowValidatorExpression(defaultConfig)`), as a YAML block scalar body for the `jira:workflowValidator` module in manifest.yml.
 * Run `npx tsx scripts/print-validator-expression.ts`; test/entry/issue-event-manifest.test.ts fails when the
 * manifest's expression differs from this output. Sites that rename types or statuses regenerate it (ADR 0005).
 */
import { defaultConfig } from '../src/domain/config';
import { workflowValidatorExpression } from '../src/app/events/validator-expression';

process.stdout.write(`${workflowValidatorExpression(defaultConfig)}\n`);
