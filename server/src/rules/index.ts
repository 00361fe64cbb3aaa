/** The rule registry: every rule file in this folder, in documentation order. */
import type { Rule } from '../engine/lint/rule';

export const allRules: readonly Rule[] = [];
