import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cadre } from '../../api/types';
import { MAX_EMERGENCY_CONTACTS, MAX_LENGTH, PHONE_PATTERN } from './cadre-rules';

interface EmergencyContactsProps {
  cadre?: Cadre;
  editing: boolean;
  onEdit: () => void;
}

/** Up to five people to call; on an edit the stored ones are shown masked until re-entered. */
export function EmergencyContacts({ cadre, editing, onEdit }: EmergencyContactsProps) {
  const { t } = useTranslation();
  const field = (name: string) => t(`cadres.field.${name}`);

  if (!editing && cadre) {
    return (
      <fieldset className="inline-fieldset">
        <legend>{field('emergencyContacts')}</legend>
        <ul className="plain-list">
          {cadre.emergencyContacts.map((contact, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id; the stored order is theirs
            <li key={index}>
              {contact.name}（{contact.relation}）<span className="personal-number">{contact.phone}</span>
            </li>
          ))}
        </ul>
        <Button onClick={onEdit}>{t('cadres.contacts.reenter')}</Button>
        <p className="field-note muted">{t('cadres.contacts.reenterHint')}</p>
      </fieldset>
    );
  }

  return (
    <Form.List name="emergencyContacts">
      {(fields, { add, remove }) => (
        <fieldset className="inline-fieldset">
          <legend>{field('emergencyContacts')}</legend>
          {fields.length === 0 ? <p className="muted">{t('cadres.contacts.none')}</p> : null}
          {fields.map((item, index) => (
            <div key={item.key} className="contact-row">
              <Form.Item
                name={[item.name, 'name']}
                label={t('cadres.contacts.nameN', { n: index + 1 })}
                rules={[{ required: true, whitespace: true, message: t('cadres.rule.nameRequired') }]}
              >
                <Input maxLength={MAX_LENGTH.name} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name={[item.name, 'relation']}
                label={t('cadres.contacts.relationN', { n: index + 1 })}
              >
                <Input maxLength={MAX_LENGTH.contactRelation} />
              </Form.Item>
              <Form.Item
                name={[item.name, 'phone']}
                label={t('cadres.contacts.phoneN', { n: index + 1 })}
                rules={[
                  { required: true, message: t('cadres.rule.phoneRequired') },
                  { pattern: PHONE_PATTERN, message: t('cadres.rule.phonePattern') },
                ]}
              >
                <Input inputMode="tel" maxLength={20} autoComplete="off" />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('cadres.contacts.removeN', { n: index + 1 })}
                onClick={() => remove(item.name)}
              >
                {t('common.remove')}
              </Button>
            </div>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined aria-hidden />}
            disabled={fields.length >= MAX_EMERGENCY_CONTACTS}
            onClick={() => add({ name: '', relation: '', phone: '' })}
          >
            {fields.length >= MAX_EMERGENCY_CONTACTS
              ? t('cadres.contacts.max', { count: MAX_EMERGENCY_CONTACTS })
              : t('cadres.contacts.add')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
