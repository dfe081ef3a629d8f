import { Checkbox, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { usePermissions } from './api';

interface PermissionChecklistProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
  id?: string;
}

function groupByModule(permissions: Permission[]): [string, Permission[]][] {
  const groups = new Map<string, Permission[]>();
  for (const permission of permissions) {
    groups.set(permission.module, [...(groups.get(permission.module) ?? []), permission]);
  }
  return [...groups];
}

/** Every permission the server knows, grouped by module, each group with a "whole module" box. */
export function PermissionChecklist({ value = [], onChange, disabled, id }: PermissionChecklistProps) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  if (permissions.error)
    return <ErrorAlert error={permissions.error} onRetry={() => void permissions.refetch()} />;
  if (!permissions.data) return <Skeleton active />;
  const selected = new Set(value);

  return (
    <div className="permission-checklist" id={id}>
      {groupByModule(permissions.data).map(([module, items]) => {
        const codes = items.map((item) => item.code);
        const count = codes.filter((code) => selected.has(code)).length;
        const setModule = (checked: boolean) => {
          const next = new Set(selected);
          for (const code of codes) {
            if (checked) next.add(code);
            else next.delete(code);
          }
          onChange?.([...next]);
        };
        return (
          <fieldset key={module} className="permission-group">
            <legend>
              <Checkbox
                checked={count === codes.length}
                indeterminate={count > 0 && count < codes.length}
                disabled={disabled}
                onChange={(event) => setModule(event.target.checked)}
              >
                {t(`permissionModule.${module}`, { defaultValue: module })}
              </Checkbox>
            </legend>
            <Checkbox.Group
              disabled={disabled}
              value={codes.filter((code) => selected.has(code))}
              onChange={(checked) => {
                const next = new Set(value.filter((code) => !codes.includes(code)));
                for (const code of checked) next.add(String(code));
                onChange?.([...next]);
              }}
              options={items.map((item) => ({
                value: item.code,
                label: t(`permission.${item.code}`, { defaultValue: item.code }),
              }))}
            />
          </fieldset>
        );
      })}
    </div>
  );
}
