import { useTranslation } from 'react-i18next';

/** Picks `nameVi` or `nameEn` of a category, unit or agency by the console's current language. */
export function useLocalName(): (named: { nameVi: string; nameEn: string } | null | undefined) => string {
  const { i18n } = useTranslation();
  return (named) => (named ? (i18n.language === 'en' ? named.nameEn : named.nameVi) : '');
}

/** A date and time in the console's language, in the province's time zone. */
export function useDateTime(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  return (iso) => (iso ? format.format(new Date(iso)) : '');
}
