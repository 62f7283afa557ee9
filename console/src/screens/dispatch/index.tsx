import { useTranslation } from 'react-i18next';

export default function DispatchScreen() {
  const { t } = useTranslation('common');
  return <h1>{t('nav.dispatch')}</h1>;
}
