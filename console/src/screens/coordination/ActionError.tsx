import { useTranslation } from 'react-i18next';
import { errorCode, errorMessageKey } from '../../graphql/errors';

/**
 * What went wrong with the last action: a CONFLICT (someone else changed the record since it was read) as a
 * banner whose Reload reads it again; any other failure as a message in the screen's words.
 */
export function ActionError({ error, onReload }: { error: unknown; onReload(): void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (errorCode(error) === 'CONFLICT') {
    return (
      <div className="conflict" role="alert" data-testid="conflict">
        <span>{t(errorMessageKey(error))}</span>
        <button type="button" onClick={onReload}>
          {t('reload')}
        </button>
      </div>
    );
  }
  return (
    <p role="alert" className="coordination-error">
      {t(errorMessageKey(error))}
    </p>
  );
}
