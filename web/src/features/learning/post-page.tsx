import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Image, Input, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMembers } from '../../api/branches';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import { BackLink } from '../../components/back-link';
import { CadreSelect } from '../../components/cadre-select';
import { formatDateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { RecordPage } from '../../components/record-page';
import { useLanguage } from '../../i18n/i18n';
import {
  postFileUrl,
  useAddPostRead,
  usePost,
  usePostReads,
  useRemovePostFile,
  useRepublishPost,
  useWithdrawPost,
} from './api';
import { PostBody } from './post-body';
import { PostForm } from './post-form';
import { REASON_MAX } from './post-rules';
import { Audience, PostTags } from './post-tags';
import { Fact, useIdParam } from './shared';
import type { Post } from './types';

const back = (t: (key: string) => string) => ({
  to: '/learning/posts',
  label: t('learning.posts.backToList'),
});

/** /learning/posts/:id — a post: its body, photos and attachments, who has read it; withdraw or republish. */
export function PostPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const post = usePost(id);
  return (
    <RecordPage id={id} query={post} notFound={t('learning.posts.notFound')} back={<BackLink {...back(t)} />}>
      {(data) => <PostRecord post={data} />}
    </RecordPage>
  );
}

/** 撤回: asks for the reason, and says what withdrawing does, before the post is taken down. */
function WithdrawModal({ post, open, onClose }: { post: Post; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawPost();
  return (
    <Modal
      open={open}
      title={t('learning.posts.withdrawTitle')}
      okText={t('learning.posts.withdrawConfirm')}
      okButtonProps={{ danger: true, loading: withdraw.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{t('learning.posts.withdrawExplain', { title: post.title })}</p>
      {withdraw.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(withdraw.error)} />
      ) : null}
      <Form
        form={form}
        name="withdrawPost"
        layout="vertical"
        onFinish={({ reason }) =>
          withdraw.mutate(
            { id: post.id, reason: reason.trim() },
            {
              onSuccess: () => {
                message.success(t('learning.posts.withdrawn'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('learning.posts.field.withdrawReason')}
          rules={[{ required: true, whitespace: true, message: t('learning.posts.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Files({ post }: { post: Post }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemovePostFile();
  const photos = post.files.filter((f) => f.kind === 'photo');
  const attachments = post.files.filter((f) => f.kind === 'attachment');
  const editable = post.manageable && post.state === 'published';
  const removeButton = (fileId: number, name: string) =>
    editable ? (
      <Popconfirm
        title={t('learning.posts.removeFileConfirm', { name })}
        okText={t('common.remove')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          remove
            .mutateAsync({ id: post.id, fileId })
            .catch((error: unknown) => message.error(errorMessage(error)))
        }
      >
        <Button type="link" size="small" danger aria-label={t('learning.posts.removeFile', { name })}>
          {t('common.remove')}
        </Button>
      </Popconfirm>
    ) : null;
  if (post.files.length === 0) return null;
  return (
    <section className="meeting-section" aria-labelledby="post-files">
      <h2 id="post-files" className="section-title">
        {t('learning.posts.field.files')}
      </h2>
      {photos.length > 0 ? (
        <Image.PreviewGroup>
          <ul className="meeting-photos">
            {photos.map((photo) => (
              <li key={photo.fileId}>
                <Image src={postFileUrl(post.id, photo.fileId)} alt={photo.name} width={120} height={90} />
                <span className="meeting-photo-actions">
                  <a href={postFileUrl(post.id, photo.fileId)} download={photo.name}>
                    <DownloadOutlined aria-hidden /> {t('learning.posts.download')}
                    <span className="sr-only"> {photo.name}</span>
                  </a>
                  {removeButton(photo.fileId, photo.name)}
                </span>
              </li>
            ))}
          </ul>
        </Image.PreviewGroup>
      ) : null}
      {attachments.length > 0 ? (
        <ul className="meeting-attachments">
          {attachments.map((file) => (
            <li key={file.fileId}>
              <a href={postFileUrl(post.id, file.fileId)} download={file.name}>
                <PaperClipOutlined aria-hidden /> {file.name}
              </a>{' '}
              <span className="muted">
                {t('learning.posts.fileSize', { kb: Math.max(1, Math.round(file.size / 1024)) })}
              </span>
              {removeButton(file.fileId, file.name)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The members of the branch a post went to, to record who has read it; anyone in scope for an org's post. */
function ReaderPicker({
  post,
  value,
  onChange,
  disabledIds,
}: {
  post: Post;
  value?: number;
  onChange: (value: number | undefined) => void;
  disabledIds: ReadonlySet<number>;
}) {
  const { t } = useTranslation();
  const members = useMembers(post.branchId ?? 0, 'active', post.branchId !== null);
  if (post.branchId === null)
    return (
      <CadreSelect
        value={value}
        onChange={onChange}
        partyMembers
        disabledIds={disabledIds}
        aria-label={t('learning.posts.reader')}
        placeholder={t('learning.posts.readerPlaceholder')}
      />
    );
  return (
    <Select<number>
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={members.isLoading}
      aria-label={t('learning.posts.reader')}
      placeholder={t('learning.posts.readerPlaceholder')}
      options={(members.data ?? []).map((m) => ({
        value: m.cadreId,
        label: m.cadreName,
        disabled: disabledIds.has(m.cadreId),
      }))}
    />
  );
}

function Reads({ post }: { post: Post }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const can = useCan();
  const reads = usePostReads(post.id);
  const add = useAddPostRead(post.id);
  const [cadreId, setCadreId] = useState<number>();
  const readIds = new Set((reads.data ?? []).map((r) => r.cadreId));
  const mayRecord = can('learning:post') && post.state === 'published';
  return (
    <Card
      className="learning-card"
      title={<h2 className="section-title">{t('learning.posts.readsTitle', { count: post.reads })}</h2>}
    >
      {mayRecord ? (
        <Space.Compact className="full-width learning-attendee-add">
          <ReaderPicker post={post} value={cadreId} onChange={setCadreId} disabledIds={readIds} />
          <Button
            type="primary"
            disabled={cadreId === undefined}
            loading={add.isPending}
            onClick={() =>
              cadreId !== undefined &&
              add.mutate(cadreId, {
                onSuccess: () => {
                  message.success(t('learning.posts.readRecorded'));
                  setCadreId(undefined);
                },
                onError: (error) => message.error(errorMessage(error)),
              })
            }
          >
            {t('learning.posts.recordRead')}
          </Button>
        </Space.Compact>
      ) : null}
      {reads.error ? <ErrorAlert error={reads.error} onRetry={() => void reads.refetch()} /> : null}
      <Table
        size="small"
        rowKey="cadreId"
        loading={reads.isLoading}
        dataSource={reads.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('learning.posts.noReads') }}
        columns={[
          {
            key: 'name',
            title: t('learning.posts.reader'),
            render: (_, r) => <Link to={`/cadres/${r.cadreId}`}>{r.cadreName}</Link>,
          },
          {
            key: 'readAt',
            title: t('learning.posts.readAt'),
            dataIndex: 'readAt',
            render: (value: string) => formatDateTime(value, language),
          },
        ]}
      />
    </Card>
  );
}

function PostRecord({ post }: { post: Post }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const republish = useRepublishPost();
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [opened, setOpened] = useState(0);
  return (
    <>
      <BackLink {...back(t)} />
      <PageHeader
        title={post.title}
        extra={
          post.manageable ? (
            <Space wrap>
              {post.state === 'published' ? (
                <>
                  <Button
                    onClick={() => {
                      setOpened(opened + 1);
                      setEditing(true);
                    }}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button danger onClick={() => setWithdrawing(true)}>
                    {t('learning.posts.withdraw')}
                  </Button>
                </>
              ) : (
                <Popconfirm
                  title={t('learning.posts.republishConfirm')}
                  okText={t('learning.posts.republish')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    republish.mutateAsync(post.id).then(
                      () => message.success(t('learning.posts.published')),
                      (error: unknown) => message.error(errorMessage(error)),
                    )
                  }
                >
                  <Button type="primary">{t('learning.posts.republish')}</Button>
                </Popconfirm>
              )}
            </Space>
          ) : null
        }
      />
      {post.state === 'withdrawn' ? (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={t('learning.posts.withdrawnNotice', {
            at: formatDateTime(post.withdrawnAt, language),
            reason: post.withdrawReason ?? '',
          })}
        />
      ) : null}
      <Card>
        <dl className="branch-facts">
          <Fact label={t('learning.posts.field.state')}>
            <PostTags post={post} />
          </Fact>
          <Fact label={t('learning.posts.field.audience')}>
            {post.branchId ? (
              <Link to={`/learning/posts?branchId=${post.branchId}`}>
                <Audience post={post} />
              </Link>
            ) : (
              <Audience post={post} />
            )}
          </Fact>
          <Fact label={t('learning.posts.field.author')}>{post.authorName}</Fact>
          <Fact label={t('learning.posts.field.publishedAt')}>
            {formatDateTime(post.publishedAt, language)}
          </Fact>
        </dl>
        <section className="meeting-section" aria-labelledby="post-body">
          <h2 id="post-body" className="section-title">
            {t('learning.posts.field.body')}
          </h2>
          <PostBody body={post.body} format={post.format} />
        </section>
        <Files post={post} />
      </Card>
      <Reads post={post} />
      <PostForm key={opened} open={editing} post={post} onClose={() => setEditing(false)} />
      <WithdrawModal post={post} open={withdrawing} onClose={() => setWithdrawing(false)} />
    </>
  );
}
