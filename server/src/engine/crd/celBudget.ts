/**
 * The cost budget of CEL evaluation. The API server caps a rule's runtime cost (1,000,000 units per
 * evaluation, 10,000,000 per object); here every function call and every element read is a unit, and
 * spending past the limit throws, so a rule that would run for hours (nested `all` over long lists)
 * stops within a bounded number of steps.
 */

/** Thrown through the evaluator when a budget is spent; runCel turns it into a `cut-off` outcome. */
class CelCostExceeded extends Error {
  constructor(limit: number) {
    super(`the rule's evaluation cost exceeded ${limit.toLocaleString('en')} units`);
  }
}

export class CelBudget {
  private spentUnits = 0;
  private over = false;

  constructor(
    readonly limit: number,
    /** A budget this one also draws from (the object's, for one rule's): exceeding either stops the rule. */
    private readonly parent?: CelBudget,
  ) {}

  static unlimited(): CelBudget {
    return new CelBudget(Number.POSITIVE_INFINITY);
  }

  get spent(): number {
    return this.spentUnits;
  }

  get exceeded(): boolean {
    return this.over || (this.parent?.exceeded ?? false);
  }

  spend(units: number): void {
    this.spentUnits += units;
    this.parent?.spend(units);
    if (this.spentUnits > this.limit) this.over = true;
    if (this.exceeded) throw new CelCostExceeded(this.limit);
  }
}
