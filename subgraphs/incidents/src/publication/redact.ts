/** Masks for what is removed, in Vietnamese since published texts are. */
export const PHONE_MASK = '[số điện thoại]';
export const EMAIL_MASK = '[email]';
export const ID_MASK = '[số giấy tờ]';

// Plain ASCII addresses; runs first so that a phone number used as the local part goes with its address.
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

// Vietnamese phone numbers: after 0, +84, (+84) or +84 (0), a mobile has 9 digits starting 3, 5, 7, 8 or 9,
// a landline 10 digits starting 2 (area code 02x or 02xx, which may be in parentheses). Digits may be
// grouped with single spaces, dots or hyphens. Plates (93A-123.45), amounts (1.500.000) and dates never
// start with 0.
const PHONE = /(?<!\d)(?:(?:\(\+84\)|\+84)[ .-]?(?:\(0\))?\(?|\(?0)(?:[35789](?:[ .-]?\d){8}|2(?:\)?[ .-]?\d){9})(?!\d)/g;
// 84 without the plus only when written in one piece (84912345678): "84.500.000.000" is an amount.
const PHONE_84 = /(?<!\d)84(?:[35789]\d{8}|2\d{9})(?!\d)/g;

// CCCD: 12 digits starting with the 0 of a province code (070 for Bình Phước), whole or in groups of three.
const CCCD = /(?<!\d[.,]?)0\d{2}(?:[ .]?\d{3}){3}(?![.,]?\d)/g;
// CMND: 9 digits in one piece, not part of a longer number or a document code (…/GP) and not an amount
// of money (150000000 đồng).
const CMND = /(?<!\d[.,/-]?)\d{9}(?![.,]?\d|[/-]|\s*(?:đồng|đ|vn[dđ])(?!\p{L}))/giu;
// Passport: one capital letter and 7 digits (C1234567).
const PASSPORT = /(?<![\p{L}\d])[A-Z]\d{7}(?![\p{L}\d])/gu;

/**
 * Removes personal data from text that will be published: phone numbers (Vietnamese mobile and landline
 * forms: 0912345678, 0912 345 678, 091.234.5678, +84 912 345 678, 84912345678, 0271 3879 168),
 * email addresses, and citizen ID / passport numbers (12-digit CCCD, 9-digit CMND). Each is replaced
 * by a mask ('[số điện thoại]', '[email]', '[số giấy tờ]'). Other numbers (house numbers, years, dates
 * like 25/11/2026, plate numbers such as 93A-123.45, amounts like 1.500.000 đồng, times 07:30) stay.
 */
export function redactPersonalData(text: string): string {
  return text
    .replace(EMAIL, EMAIL_MASK)
    .replace(PHONE, PHONE_MASK)
    .replace(PHONE_84, PHONE_MASK)
    .replace(CCCD, ID_MASK)
    .replace(CMND, ID_MASK)
    .replace(PASSPORT, ID_MASK);
}
