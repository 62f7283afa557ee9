import { useTranslation } from 'react-i18next';

export default function CoordinationScreen() {
  const { t } = useTranslation('common');
  return <h1>{t('nav.coordination')}</h1>;
}
