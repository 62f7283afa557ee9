import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from './i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className="visually-hidden">{t('language')}</span>
      <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t('language')}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {language === 'vi' ? 'Tiếng Việt' : 'English'}
          </option>
        ))}
      </select>
    </label>
  );
}
