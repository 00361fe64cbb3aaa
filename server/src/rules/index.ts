/** The rule registry: every rule file in this folder (a unit test checks the two agree). */
import type { Rule } from '../engine/lint/rule';
import { rule as noLatestTag } from './no-latest-tag';

export const allRules: readonly Rule[] = [noLatestTag];
