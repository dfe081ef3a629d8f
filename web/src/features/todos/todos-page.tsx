import { Empty, Form, Select, Space } from 'antd';
import { type MouseEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { todosQueryKey } from '../../api/todos';
import type { Todo } from '../../api/types';
import { formatDateTime } from '../../components/date-time';
import { isInteractiveTarget, type ListColumn, ListPage } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { labelText } from '../../components/workflow-label';
import { useLanguage } from '../../i18n/i18n';
import { fetchTodos, type TodoFilters, useTodoCounts } from './api';
import { recordPath } from './record-routes';

function WorkflowSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const counts = useTodoCounts();
  return (
    <Select<string>
      id={id}
      className="filter-select"
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      allowClear
      loading={counts.isLoading}
      placeholder={t('common.all')}
      options={(counts.data?.workflows ?? []).map((workflow) => ({
        value: workflow.workflow,
        label: t('todos.workflowCount', {
          title: labelText(workflow.title, language),
          count: workflow.count,
        }),
      }))}
    />
  );
}

/** 待办: records of every workflow waiting for an action the user may take, each linked to its page. */
export function TodosPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();

  const columns = useMemo<ListColumn<Todo>[]>(
    () => [
      {
        key: 'title',
        title: t('todos.record'),
        render: (_, todo) => {
          const path = recordPath(todo.workflow, todo.recordId);
          return path ? <Link to={path}>{todo.title}</Link> : todo.title;
        },
      },
      {
        key: 'workflow',
        title: t('todos.workflow'),
        render: (_, todo) => labelText(todo.workflowTitle, language),
      },
      {
        key: 'state',
        title: t('todos.state'),
        render: (_, todo) => <StatusTag tone="info">{labelText(todo.stateLabel, language)}</StatusTag>,
      },
      { key: 'orgName', title: t('todos.org'), dataIndex: 'orgName' },
      {
        key: 'updatedAt',
        title: t('todos.updatedAt'),
        dataIndex: 'updatedAt',
        render: (value: string) => formatDateTime(value, language),
      },
      {
        key: 'actions',
        title: t('todos.actions'),
        render: (_, todo) => {
          const path = recordPath(todo.workflow, todo.recordId);
          return (
            <Space size={[4, 4]} wrap>
              {todo.actions.map((action) =>
                path ? (
                  <Link key={action.action} to={path} className="todo-action">
                    {labelText(action.label, language)}
                  </Link>
                ) : (
                  <StatusTag key={action.action}>{labelText(action.label, language)}</StatusTag>
                ),
              )}
            </Space>
          );
        },
      },
    ],
    [t, language],
  );

  return (
    <>
      <PageHeader title={t('todos.title')} description={t('todos.description')} />
      <ListPage<Todo, TodoFilters>
        label={t('todos.listLabel')}
        queryKey={todosQueryKey}
        fetchPage={fetchTodos}
        columns={columns}
        rowKey={(todo) => `${todo.workflow}:${todo.recordId}`}
        keyword={false}
        stateKey="todos"
        emptyText={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todos.empty')} />}
        filters={
          <Form.Item name="workflow" label={t('todos.workflow')}>
            <WorkflowSelect />
          </Form.Item>
        }
        rowClassName={(todo) => (recordPath(todo.workflow, todo.recordId) ? 'row-clickable' : '')}
        onRow={(todo) => ({
          onClick: (event: MouseEvent) => {
            const path = recordPath(todo.workflow, todo.recordId);
            if (path && !isInteractiveTarget(event.target)) navigate(path);
          },
        })}
      />
    </>
  );
}
