import { CameraOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { FILE_KINDS } from './file-kinds';

/** The kinds a record's form picks: photos, and attachments (the server's table, file-kinds.ts). */
export type UploadKind = 'photo' | 'attachment';

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
  const rule = FILE_KINDS[kind];
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
