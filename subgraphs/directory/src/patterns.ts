import { Matches } from 'class-validator';

/** Codes of agencies and field units: short, upper-case ASCII, e.g. `PCCC-BP`, `FU-PCCC-01`. */
export const IsCode = () => Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'code must be 2–32 upper-case letters, digits or dashes' });

/** Vietnamese phone numbers as people write them: `0271 3879 123`, `0912.345.678`, `+84 912 345 678`. */
export const IsPhone = () =>
  Matches(/^\+?[0-9][0-9 .-]{6,19}$/, { message: 'phone must be digits, spaces, dots or dashes (7–20 characters)' });
