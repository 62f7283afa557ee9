import { useTranslation } from 'react-i18next';

export default function CommandScreen() {
  const { t } = useTranslation('common');
  return <h1>{t('nav.command')}</h1>;
}
