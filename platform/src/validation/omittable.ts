import { ValidateIf } from 'class-validator';

/**
 * For update inputs: the field may be left out (undefined), but when it is given, even as null, the
 * other validators apply. Unlike `@IsOptional()`, null cannot slip through to a required column.
 */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);
