import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { wall } from '../screens/wall/i18n';
import { coordination } from '../screens/coordination/i18n';
import { dispatch } from '../screens/dispatch/i18n';
import { command } from '../screens/command/i18n';

/** Each namespace as `{ vi, en }`: Vietnamese is the console's language, English the other. */
type Namespace = { vi: Record<string, unknown>; en: Record<string, unknown> };
const namespaces: Record<string, Namespace> = { common, wall, coordination, dispatch, command };

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'ioc-console-language';

function resources(): Resource {
  const of = (language: Language) => Object.fromEntries(Object.entries(namespaces).map(([name, ns]) => [name, ns[language]]));
  return { vi: of('vi'), en: of('en') };
}

function savedLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'vi';
}

void i18next.use(initReactI18next).init({
  resources: resources(),
  lng: savedLanguage(),
  fallbackLng: 'vi',
  defaultNS: 'common',
  ns: Object.keys(namespaces),
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

/** Switches the language and remembers the choice on this browser (a preference, not personal data). */
export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export { i18next };
