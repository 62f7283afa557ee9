import { useTranslation } from 'react-i18next';

export default function WallScreen() {
  const { t } = useTranslation('common');
  return <h1>{t('nav.wall')}</h1>;
}
