import { Field, Float, InputType, Int } from 'type-graphql';

/** What an operator may change of a hotspot rule; fields left out keep their value. */
@InputType({ description: 'What an operator may change of a hotspot rule; fields left out keep their value' })
export class SecurityRuleChange {
  @Field(() => Float, { nullable: true, description: 'Standard deviations above the mean daily count (k), 0 to 10' })
  sigmas?: number | null;

  @Field(() => Int, { nullable: true, description: 'The lowest usual level, 1 to 1,000 reports' })
  floor?: number | null;

  @Field(() => Int, { nullable: true, description: 'The rolling window, 1 to 168 hours' })
  windowHours?: number | null;

  @Field(() => Int, { nullable: true, description: 'Whole local days of the usual level, 7 to 90' })
  baselineDays?: number | null;
}

/** The range of each changeable field: [min, max, integer]. */
export const RULE_CHANGE_RANGES: Record<keyof SecurityRuleChange, [number, number, boolean]> = {
  sigmas: [0, 10, false],
  floor: [1, 1_000, true],
  windowHours: [1, 168, true],
  baselineDays: [7, 90, true],
};
