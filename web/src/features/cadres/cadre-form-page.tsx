import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Spin,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import type { Cadre, UpdateCadreBody } from '../../api/types';
import { today } from '../../components/date-value';
import { DictionaryLabel, DictionarySelect } from '../../components/dictionary';
import { ErrorAlert } from '../../components/error-alert';
import { applyFieldErrors } from '../../components/form-errors';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PageHeader } from '../../components/page-header';
import { useCadre, useCreateCadre, useUpdateCadre } from './api';
import { BackLink } from './back-link';
import { type CadreFormValues, FIELDS, initialValues, SHOWN_ON, toBody } from './cadre-form-values';
import { LUNAR_MONTHS, lunarDay } from './cadre-format';
import {
  LIXIU_CUTOFF,
  MAX_FORMER_NAMES,
  MAX_LENGTH,
  PHONE_PATTERN,
  REGION_CODE_PATTERN,
} from './cadre-rules';
import { EmergencyContacts } from './emergency-contacts';
import { type IdNumberInfo, normalizeIdNumber, parseIdNumber } from './id-number';
import { useCadreId } from './use-cadre-id';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="form-section" title={<h2 className="card-heading">{title}</h2>} size="small">
      <Row gutter={16}>{children}</Row>
    </Card>
  );
}

/** One field per row on phones, two side by side on wider screens. */
function Cell({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <Col xs={24} md={wide ? 24 : 12}>
      {children}
    </Col>
  );
}

/** What the ID number typed so far says: the birth date and gender it carries, or why it is wrong. */
/** What a stored record says of its ID number (masked): no region code is derived from it. */
type StoredIdentity = Pick<IdNumberInfo, 'idNumber' | 'birthDate' | 'gender'>;

function IdNumberFeedback({ value, fallback }: { value: string | undefined; fallback?: StoredIdentity }) {
  const { t } = useTranslation();
  const typed = value ? normalizeIdNumber(value) : '';
  const parsed = typed ? parseIdNumber(typed) : undefined;
  const info = parsed?.ok ? parsed.info : typed ? undefined : fallback;
  if (parsed && !parsed.ok) {
    // Until 18 characters are in, a length problem is just "not finished yet"; other problems are
    // the field's validation message.
    const length = Array.from(typed).length;
    return parsed.problem === 'length' && length < 18 ? (
      <span>{t('cadres.idNumberRemaining', { count: 18 - length })}</span>
    ) : null;
  }
  if (!info) return null;
  return (
    <span className="field-derived">
      {t('cadres.idDerived', { birthDate: info.birthDate })}
      <DictionaryLabel dictionary="gender" code={info.gender} />
    </span>
  );
}

/** /cadres/new and /cadres/:id/edit — the master record's form, checked by the server's rules as it is filled. */
export function CadreFormPage() {
  const { t } = useTranslation();
  const id = useCadreId();
  const cadre = useCadre(id);

  if (id === undefined) return <CadreForm />;
  if (cadre.error instanceof ApiError && cadre.error.status === 404) {
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{t('cadres.notFound')}</h1>}
        extra={<BackLink />}
      />
    );
  }
  if (cadre.error) return <ErrorAlert error={cadre.error} onRetry={() => void cadre.refetch()} />;
  if (!cadre.data) {
    return (
      <div className="page-loading">
        <Spin aria-label={t('common.loading')} />
      </div>
    );
  }
  return <CadreForm key={cadre.data.id} cadre={cadre.data} />;
}

function CadreForm({ cadre }: { cadre?: Cadre }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CadreFormValues>();
  const create = useCreateCadre();
  const update = useUpdateCadre(cadre?.id ?? 0);
  const mutation = cadre ? update : create;
  // On an edit the stored contacts are shown masked; they are sent again only once re-entered.
  const [editContacts, setEditContacts] = useState(!cadre || cadre.emergencyContacts.length === 0);

  const category = Form.useWatch('category', form);
  const relocated = Form.useWatch('relocated', form);
  const calendar = Form.useWatch('birthdayCalendar', form);
  const idNumber = Form.useWatch('idNumber', form);

  const stored: StoredIdentity | undefined = cadre
    ? { idNumber: cadre.idNumber, birthDate: cadre.birthDate, gender: cadre.gender === '2' ? '2' : '1' }
    : undefined;
  const typed = idNumber ? parseIdNumber(idNumber) : undefined;
  const birthDate = typed?.ok ? typed.info.birthDate : stored?.birthDate;
  const completeIdNumber = Array.from(normalizeIdNumber(idNumber ?? '')).length >= 18 ? idNumber : undefined;

  // Once all 18 characters are in, the number is checked as it is typed rather than when the field is left.
  useEffect(() => {
    if (completeIdNumber) form.validateFields(['idNumber']).catch(() => undefined);
  }, [completeIdNumber, form]);

  const field = (name: string) => t(`cadres.field.${name}`);

  /** A date rule: not after today and, once the birth date is known, after it. */
  const lifeDate = {
    validator: async (_rule: unknown, value: Dayjs | undefined) => {
      if (!value) return;
      if (value.isAfter(today(), 'day')) throw new Error(t('cadres.rule.notFuture'));
      if (birthDate && !value.isAfter(dayjs(birthDate), 'day')) throw new Error(t('cadres.rule.afterBirth'));
    },
  };

  const onFinish = (values: CadreFormValues) => {
    const body = toBody(values, editContacts);
    const onError = (error: unknown) => {
      const moved =
        error instanceof ApiError
          ? new ApiError(
              error.status,
              error.code,
              error.message,
              error.requestId,
              error.details.map((detail) => {
                const name = detail.field.split('.').pop() ?? '';
                return SHOWN_ON[name] ? { ...detail, field: `body.${SHOWN_ON[name]}` } : detail;
              }),
            )
          : error;
      applyFieldErrors(form, moved, FIELDS);
      if (error instanceof ApiError && error.code === 'cadre.duplicate_id_number') {
        form.setFields([{ name: 'idNumber', errors: [error.message] }]);
      }
      const first = form.getFieldsError().find((entry) => entry.errors.length > 0);
      if (first) form.scrollToField(first.name, { block: 'center' });
    };
    const onSuccess = (saved: Cadre) => {
      message.success(cadre ? t('common.saved') : t('cadres.created', { name: saved.name }));
      navigate(`/cadres/${saved.id}`, { replace: Boolean(cadre) });
    };
    if (cadre) {
      const { idNumber: newIdNumber, ...rest } = body;
      const change: UpdateCadreBody = { ...rest, ...(newIdNumber ? { idNumber: newIdNumber } : {}) };
      update.mutate(change, { onSuccess, onError });
    } else {
      create.mutate(body, { onSuccess, onError });
    }
  };

  const title = cadre ? t('cadres.editTitle', { name: cadre.name }) : t('cadres.createTitle');

  return (
    <>
      <BackLink
        to={cadre ? `/cadres/${cadre.id}` : '/cadres'}
        label={cadre ? t('cadres.backToRecord', { name: cadre.name }) : undefined}
      />
      <PageHeader title={title} description={t('cadres.formHint')} />
      {mutation.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(mutation.error)} />
      ) : null}
      <Form<CadreFormValues>
        form={form}
        name="cadre"
        layout="vertical"
        className="cadre-form"
        initialValues={initialValues(cadre)}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => {
          const first = errorFields[0];
          if (first) form.scrollToField(first.name, { block: 'center' });
        }}
        scrollToFirstError={false}
      >
        <Section title={t('cadres.section.identity')}>
          <Cell>
            <Form.Item
              name="name"
              label={field('name')}
              rules={[{ required: true, whitespace: true, message: t('cadres.rule.nameRequired') }]}
            >
              <Input maxLength={MAX_LENGTH.name} autoComplete="off" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item
              name="formerNames"
              label={field('formerNames')}
              extra={t('cadres.formerNamesHint')}
              rules={[
                {
                  validator: async (_rule, names: string[] | undefined) => {
                    if ((names?.length ?? 0) > MAX_FORMER_NAMES) {
                      throw new Error(t('cadres.rule.formerNamesMax', { count: MAX_FORMER_NAMES }));
                    }
                    if (names?.some((name) => name.trim().length > MAX_LENGTH.name)) {
                      throw new Error(t('validation.maxLength'));
                    }
                  },
                },
              ]}
            >
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', ',', '，']} />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item
              name="idNumber"
              label={field('idNumber')}
              validateTrigger="onBlur"
              required={!cadre}
              rules={[
                {
                  validator: async (_rule, value: string | undefined) => {
                    if (!value?.trim()) {
                      if (cadre) return;
                      throw new Error(t('cadres.rule.idNumberRequired'));
                    }
                    const parsed = parseIdNumber(value);
                    if (!parsed.ok) throw new Error(t(`cadres.idProblem.${parsed.problem}`));
                  },
                },
              ]}
              extra={
                <>
                  {cadre ? (
                    <p className="field-note">{t('cadres.keepNumber', { value: cadre.idNumber })}</p>
                  ) : null}
                  <IdNumberFeedback value={idNumber} fallback={stored} />
                </>
              }
            >
              <Input maxLength={40} autoComplete="off" inputMode="text" className="personal-number" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="ethnicity" label={field('ethnicity')}>
              <DictionarySelect dictionary="ethnicity" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="nativePlace" label={field('nativePlace')}>
              <Input maxLength={MAX_LENGTH.nativePlace} />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="education" label={field('education')}>
              <DictionarySelect dictionary="education" />
            </Form.Item>
          </Cell>
        </Section>

        <Section title={t('cadres.section.politicsAndWork')}>
          <Cell>
            <Form.Item
              name="category"
              label={field('category')}
              rules={[{ required: true, message: t('cadres.rule.categoryRequired') }]}
            >
              <Radio.Group
                options={(['tuixiu', 'lixiu'] as const).map((value) => ({
                  value,
                  label: t(`cadres.category.${value}`),
                }))}
              />
            </Form.Item>
          </Cell>
          {category === 'lixiu' ? (
            <Cell>
              <Form.Item
                name="revolutionaryPeriod"
                label={field('revolutionaryPeriod')}
                rules={[{ required: true, message: t('cadres.rule.revolutionaryPeriodRequired') }]}
              >
                <DictionarySelect dictionary="revolutionary_period" />
              </Form.Item>
            </Cell>
          ) : null}
          <Cell>
            <Form.Item name="politicalStatus" label={field('politicalStatus')}>
              <DictionarySelect dictionary="political_status" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="partyJoinedOn" label={field('partyJoinedOn')} rules={[lifeDate]}>
              <DatePicker className="full-width" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item
              name="workStartedOn"
              label={field('workStartedOn')}
              dependencies={['category']}
              extra={category === 'lixiu' ? t('cadres.lixiuWorkHint') : undefined}
              rules={[
                lifeDate,
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | undefined) => {
                    if (
                      value &&
                      getFieldValue('category') === 'lixiu' &&
                      value.format('YYYY-MM-DD') >= LIXIU_CUTOFF
                    ) {
                      throw new Error(t('cadres.rule.lixiuBefore1949'));
                    }
                  },
                }),
              ]}
            >
              <DatePicker className="full-width" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item
              name="retiredOn"
              label={field('retiredOn')}
              dependencies={['workStartedOn']}
              rules={[
                lifeDate,
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | undefined) => {
                    const started = getFieldValue('workStartedOn') as Dayjs | undefined;
                    if (value && started && value.isBefore(started, 'day')) {
                      throw new Error(t('cadres.rule.retiredAfterWork'));
                    }
                  },
                }),
              ]}
            >
              <DatePicker className="full-width" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="formerUnit" label={field('formerUnit')}>
              <Input maxLength={MAX_LENGTH.formerUnit} />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="formerPosition" label={field('formerPosition')}>
              <Input maxLength={MAX_LENGTH.formerPosition} />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="unitNature" label={field('unitNature')}>
              <DictionarySelect dictionary="unit_nature" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="militaryTransfer" valuePropName="checked" label={field('militaryTransfer')}>
              <Checkbox>{t('cadres.militaryTransferYes')}</Checkbox>
            </Form.Item>
          </Cell>
        </Section>

        <Section title={t('cadres.section.treatment')}>
          <Cell>
            <Form.Item name="rank" label={field('rank')}>
              <DictionarySelect dictionary="rank" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="treatmentLevel" label={field('treatmentLevel')}>
              <DictionarySelect dictionary="treatment_level" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="treatmentDocNo" label={field('treatmentDocNo')}>
              <Input maxLength={MAX_LENGTH.treatmentDocNo} />
            </Form.Item>
          </Cell>
        </Section>

        <Section title={t('cadres.section.livingAndContact')}>
          <Cell>
            <Form.Item
              name="orgId"
              label={field('org')}
              rules={[{ required: true, message: t('cadres.rule.orgRequired') }]}
            >
              <OrgTreeSelect allowClear={false} />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="livingSituation" label={field('livingSituation')}>
              <DictionarySelect dictionary="living_situation" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="relocated" valuePropName="checked" label={field('relocated')}>
              <Checkbox>{t('cadres.relocatedYes')}</Checkbox>
            </Form.Item>
          </Cell>
          {relocated ? (
            <Cell>
              <Form.Item
                name="relocationPlace"
                label={field('relocationPlace')}
                rules={[
                  { required: true, whitespace: true, message: t('cadres.rule.relocationPlaceRequired') },
                ]}
              >
                <Input maxLength={MAX_LENGTH.relocationPlace} />
              </Form.Item>
            </Cell>
          ) : null}
          <Cell>
            <Form.Item
              name="mobile"
              label={field('mobile')}
              rules={[{ pattern: PHONE_PATTERN, message: t('cadres.rule.phonePattern') }]}
              extra={cadre?.mobile ? t('cadres.keepNumber', { value: cadre.mobile }) : undefined}
            >
              <Input inputMode="tel" maxLength={20} autoComplete="off" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item
              name="landline"
              label={field('landline')}
              rules={[{ pattern: PHONE_PATTERN, message: t('cadres.rule.phonePattern') }]}
              extra={cadre?.landline ? t('cadres.keepNumber', { value: cadre.landline }) : undefined}
            >
              <Input inputMode="tel" maxLength={20} autoComplete="off" />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="homeAddress" label={field('homeAddress')}>
              <Input maxLength={MAX_LENGTH.address} />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item
              name="homeRegionCode"
              label={field('homeRegionCode')}
              rules={[{ pattern: REGION_CODE_PATTERN, message: t('cadres.rule.regionCodePattern') }]}
            >
              <Input inputMode="numeric" maxLength={12} />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item name="habitualAddress" label={field('habitualAddress')}>
              <Input maxLength={MAX_LENGTH.address} />
            </Form.Item>
          </Cell>
          <Cell>
            <Form.Item
              name="habitualRegionCode"
              label={field('habitualRegionCode')}
              rules={[{ pattern: REGION_CODE_PATTERN, message: t('cadres.rule.regionCodePattern') }]}
            >
              <Input inputMode="numeric" maxLength={12} />
            </Form.Item>
          </Cell>
          <Cell wide>
            <EmergencyContacts
              cadre={cadre}
              editing={editContacts}
              onEdit={() => {
                form.setFieldsValue({
                  emergencyContacts: (cadre?.emergencyContacts ?? []).map(({ name, relation }) => ({
                    name,
                    relation,
                    phone: '',
                  })),
                });
                setEditContacts(true);
              }}
            />
          </Cell>
        </Section>

        <Section title={t('cadres.section.other')}>
          <Cell>
            <Form.Item
              name="birthdayCalendar"
              label={field('birthdayCalendar')}
              extra={t('cadres.calendarHint')}
            >
              <Radio.Group
                options={(['solar', 'lunar'] as const).map((value) => ({
                  value,
                  label: t(`cadres.calendar.${value}`),
                }))}
              />
            </Form.Item>
          </Cell>
          {calendar === 'lunar' ? (
            <Cell>
              <fieldset className="inline-fieldset">
                <legend>{t('cadres.lunarBirthday')}</legend>
                <p className="field-note muted">{t('cadres.lunarBirthdayHint')}</p>
                <div className="inline-fields">
                  <Form.Item name={['lunarBirthday', 'month']} label={t('cadres.lunarMonth')}>
                    <Select
                      allowClear
                      options={LUNAR_MONTHS.map((label, index) => ({ value: index + 1, label }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={['lunarBirthday', 'day']}
                    label={t('cadres.lunarDay')}
                    dependencies={[['lunarBirthday', 'month']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_rule, value: number | undefined) => {
                          const month = getFieldValue(['lunarBirthday', 'month']) as number | undefined;
                          if (Boolean(month) !== Boolean(value)) throw new Error(t('cadres.rule.lunarBoth'));
                        },
                      }),
                    ]}
                  >
                    <Select
                      allowClear
                      options={Array.from({ length: 30 }, (_, i) => ({
                        value: i + 1,
                        label: lunarDay(i + 1),
                      }))}
                    />
                  </Form.Item>
                </div>
              </fieldset>
            </Cell>
          ) : null}
          <Cell wide>
            <Form.Item name="hobbies" label={field('hobbies')}>
              <Input maxLength={MAX_LENGTH.hobbies} />
            </Form.Item>
          </Cell>
          <Cell wide>
            <Form.Item name="specialities" label={field('specialities')}>
              <Input maxLength={MAX_LENGTH.specialities} />
            </Form.Item>
          </Cell>
          <Cell wide>
            <Form.Item name="remarks" label={field('remarks')}>
              <Input.TextArea rows={3} maxLength={MAX_LENGTH.remarks} showCount />
            </Form.Item>
          </Cell>
        </Section>

        <div className="form-footer">
          <Button onClick={() => navigate(cadre ? `/cadres/${cadre.id}` : '/cadres')}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </>
  );
}
