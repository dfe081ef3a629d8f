import { FilterOutlined } from '@ant-design/icons';
import { Button, Form } from 'antd';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether a filter's value narrows the list: set, not its default, not an unchecked box or empty range. */
function inUseValue(value: unknown, byDefault: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => v !== undefined && v !== null && v !== '');
  return value !== undefined && value !== null && value !== '' && value !== false && value !== byDefault;
}

/**
 * The filters a list needs less often, behind a button that counts those in use (so a phone shows the
 * list, not a page of selects). Filters in use, e.g. when coming back to the list, are shown.
 */
export function MoreFilters({
  names,
  defaults = {},
  children,
}: {
  /** the form's names of the filters inside, counted on the button when in use */
  names: readonly string[];
  /** values that do not count as in use (a list's default sort) */
  defaults?: Record<string, unknown>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const inUse =
    Form.useWatch(
      (values: Record<string, unknown>) =>
        names.filter((name) => inUseValue(values[name], defaults[name])).length,
      form,
    ) ?? 0;
  const [open, setOpen] = useState(false);
  const id = useId();
  const anyInUse = inUse > 0;
  useEffect(() => {
    if (anyInUse) setOpen(true);
  }, [anyInUse]);
  return (
    <>
      <Form.Item>
        <Button
          icon={<FilterOutlined aria-hidden />}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {anyInUse ? t('list.moreFiltersInUse', { count: inUse }) : t('list.moreFilters')}
        </Button>
      </Form.Item>
      <div id={id} className="more-filters" hidden={!open}>
        {children}
      </div>
    </>
  );
}
