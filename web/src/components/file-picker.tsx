import { CameraOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';

/**
 * What the server takes for a record's photos and attachments (server/platform/files/files.ts:
 * images JPEG, PNG or WebP up to 10 MB; attachments also PDF and Word, up to 20 MB), checked here
 * first so a phone does not send a file only to have it refused.
 */
export const UPLOAD_RULES = {
  photo: { accept: 'image/jpeg,image/png,image/webp', maxBytes: 10 * 1024 * 1024 },
  attachment: {
    accept:
      'image/jpeg,image/png,image/webp,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    maxBytes: 20 * 1024 * 1024,
  },
} as const;

export type UploadKind = keyof typeof UPLOAD_RULES;

interface FilePickerProps {
  kind: UploadKind;
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  /** The button's text, e.g. 拍照或选择照片. */
  label: string;
  /** Said when a file is over the limit (it is left out). */
  tooLarge: string;
}

/**
 * Picks photos (the phone's camera or gallery) or attachments for a form; they are kept in the
 * form's state and uploaded when it is saved. A file over the limit is left out with a message.
 */
export function FilePicker({ kind, files, onChange, label, tooLarge }: FilePickerProps) {
  const { message } = App.useApp();
  const rule = UPLOAD_RULES[kind];
  return (
    <Upload
      accept={kind === 'photo' ? 'image/*' : rule.accept}
      listType={kind === 'photo' ? 'picture' : 'text'}
      multiple
      fileList={files}
      beforeUpload={(file) => {
        if (file.size > rule.maxBytes) {
          message.error(tooLarge);
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList }) => onChange(fileList)}
    >
      <Button
        block
        icon={kind === 'photo' ? <CameraOutlined aria-hidden /> : <PaperClipOutlined aria-hidden />}
      >
        {label}
      </Button>
    </Upload>
  );
}
