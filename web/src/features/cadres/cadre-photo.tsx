import { UploadOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { Cadre } from '../../api/types';
import { FILE_KINDS, maxSize } from '../../components/file-kinds';
import { useUploadPhoto } from './api';

const PHOTO_TYPES = FILE_KINDS.photo.accept.split(',');

/** The record's photo (or a placeholder) and, for those who may edit, a button to upload a new one. */
export function CadrePhoto({ cadre, editable }: { cadre: Cadre; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadPhoto(cadre.id);

  const send = (file: File) => {
    if (!PHOTO_TYPES.includes(file.type)) {
      message.error(t('cadres.photoType'));
      return;
    }
    if (file.size > FILE_KINDS.photo.maxBytes) {
      message.error(t('cadres.photoTooLarge', { size: maxSize('photo') }));
      return;
    }
    upload.mutate(file, {
      onSuccess: () => message.success(t('cadres.photoSaved')),
      onError: (error) => message.error(errorMessage(error)),
    });
  };

  return (
    <div className="cadre-photo">
      {cadre.photoFileId ? (
        // The file id changes with every upload, so the browser never shows an older photo.
        <img
          src={`/api/cadres/${cadre.id}/photo?v=${cadre.photoFileId}`}
          alt={t('cadres.photoOf', { name: cadre.name })}
          width={96}
          height={128}
        />
      ) : (
        <div className="cadre-photo-empty">
          <UserOutlined aria-hidden />
          <span>{t('cadres.noPhoto')}</span>
        </div>
      )}
      {editable ? (
        <Upload
          accept={PHOTO_TYPES.join(',')}
          showUploadList={false}
          customRequest={({ file }) => {
            if (file instanceof File) send(file);
          }}
        >
          <Button size="small" icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
            {cadre.photoFileId ? t('cadres.changePhoto') : t('cadres.uploadPhoto')}
          </Button>
        </Upload>
      ) : null}
    </div>
  );
}
