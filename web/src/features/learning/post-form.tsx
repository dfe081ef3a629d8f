import { Alert, App, Form, Input, Radio, Switch, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import { BranchSelect } from '../../components/branch-select';
import { maxSize } from '../../components/file-kinds';
import { FilePicker } from '../../components/file-picker';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useIsMobile } from '../../components/use-is-mobile';
import { useCreatePost, useUpdatePost, useUploadPostFile } from './api';
import { BODY_MAX, TITLE_MAX } from './post-rules';
import { useScopeOrgId } from './shared';
import type { Post } from './types';

interface PostValues {
  audience: 'branch' | 'org';
  branchId?: number;
  orgId?: number;
  title: string;
  body: string;
  markdown: boolean;
  pinned: boolean;
}

const FIELDS = ['branchId', 'orgId', 'title', 'body', 'pinned'] as const;

/**
 * 发帖: a post to one branch's members, or (city and county staff) to every branch of an org; with
 * photos taken on the phone and attachments. A full-screen drawer on phones; changing a post keeps its
 * audience and files (files are managed on the post's page).
 */
export function PostForm({
  open,
  post,
  branchId,
  onClose,
  onSaved,
}: {
  open: boolean;
  post?: Post;
  /** the branch a new post goes to (from a branch's feed) */
  branchId?: number;
  onClose: () => void;
  onSaved?: (post: Post) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const can = useCan();
  const scopeOrgId = useScopeOrgId();
  const [form] = Form.useForm<PostValues>();
  const create = useCreatePost();
  const update = useUpdatePost();
  const upload = useUploadPostFile();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [attachments, setAttachments] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const audience = Form.useWatch('audience', form) ?? 'branch';
  const mayPostWide = can('learning:write');

  const onFinish = async (values: PostValues) => {
    setFailure(undefined);
    setSaving(true);
    try {
      const content = {
        title: values.title.trim(),
        body: values.body,
        format: values.markdown ? ('markdown' as const) : ('text' as const),
        pinned: values.pinned,
      };
      const saved = post
        ? await update.mutateAsync({ id: post.id, body: content })
        : await create.mutateAsync({
            ...content,
            ...(values.audience === 'org' ? { orgId: values.orgId } : { branchId: values.branchId }),
          });
      for (const [kind, files] of [
        ['photo', photos],
        ['attachment', attachments],
      ] as const) {
        for (const file of files) {
          if (file.originFileObj) await upload.mutateAsync({ id: saved.id, file: file.originFileObj, kind });
        }
      }
      message.success(post ? t('common.saved') : t('learning.posts.published'));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      setFailure(error);
      applyFieldErrors(form, error, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDrawer
      open={open}
      title={post ? t('learning.posts.editTitle') : t('learning.posts.createTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={saving}
      submitText={post ? undefined : t('learning.posts.publish')}
      width={640}
    >
      {failure ? <Alert className="form-alert" type="error" showIcon title={errorMessage(failure)} /> : null}
      <Form<PostValues>
        form={form}
        name="post"
        layout="vertical"
        size={isMobile ? 'large' : 'middle'}
        initialValues={
          post
            ? {
                title: post.title,
                body: post.body,
                markdown: post.format === 'markdown',
                pinned: post.pinned,
              }
            : { audience: 'branch', branchId, orgId: scopeOrgId, markdown: false, pinned: false }
        }
        onFinish={onFinish}
      >
        {post ? null : (
          <>
            {mayPostWide ? (
              <Form.Item name="audience" label={t('learning.posts.field.audience')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'branch', label: t('learning.posts.audience.branch') },
                    { value: 'org', label: t('learning.posts.audience.org') },
                  ]}
                />
              </Form.Item>
            ) : null}
            {audience === 'org' ? (
              <Form.Item
                name="orgId"
                label={t('learning.posts.field.org')}
                extra={t('learning.posts.orgHint')}
                rules={[{ required: true, message: t('learning.posts.orgRequired') }]}
              >
                <OrgTreeSelect />
              </Form.Item>
            ) : (
              <Form.Item
                name="branchId"
                label={t('learning.posts.field.branch')}
                rules={[{ required: true, message: t('learning.posts.branchRequired') }]}
              >
                <BranchSelect />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item
          name="title"
          label={t('learning.posts.field.title')}
          rules={[{ required: true, whitespace: true, message: t('learning.posts.titleRequired') }]}
        >
          <Input maxLength={TITLE_MAX} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('learning.posts.field.body')}
          rules={[{ required: true, whitespace: true, message: t('learning.posts.bodyRequired') }]}
        >
          <Input.TextArea rows={isMobile ? 8 : 10} maxLength={BODY_MAX} showCount />
        </Form.Item>
        <Form.Item
          name="markdown"
          label={t('learning.posts.field.markdown')}
          extra={t('learning.posts.markdownHint')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="pinned" label={t('learning.posts.field.pinned')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          label={t('learning.posts.field.photos')}
          extra={t('learning.posts.photoHint', { size: maxSize('photo') })}
        >
          <FilePicker
            kind="photo"
            files={photos}
            onChange={setPhotos}
            label={t('learning.posts.addPhoto')}
            tooLarge={t('learning.posts.photoTooLarge', { size: maxSize('photo') })}
          />
        </Form.Item>
        <Form.Item
          label={t('learning.posts.field.attachments')}
          extra={t('learning.posts.attachmentHint', { size: maxSize('attachment') })}
        >
          <FilePicker
            kind="attachment"
            files={attachments}
            onChange={setAttachments}
            label={t('learning.posts.addAttachment')}
            tooLarge={t('learning.posts.attachmentTooLarge', { size: maxSize('attachment') })}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
