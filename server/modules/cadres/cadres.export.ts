import { PassThrough } from 'node:stream';
import { ageOn } from '../../platform/calendar/birthdays.ts';
import { today } from '../../platform/calendar/days.ts';
import { writeXlsx } from '../../platform/excel/write.ts';
import type { Task } from '../../platform/jobs/workers.ts';
import { codeOptions } from '../dictionaries/dictionaries.service.ts';
import { CADRE_COLUMN_DICTIONARIES, CADRE_EXPORT_COLUMNS } from './cadres.columns.ts';
import * as repo from './cadres.repository.ts';
import type { ListCadresQuery } from './cadres.schema.ts';
import { maskedNumbers, toFilter } from './cadres.service.ts';

/** What an export needs: the caller's scope and filters, and whether they may see personal numbers. */
export interface ExportInput {
  /** the orgs covered (caller's subtree narrowed by the filter); null: every org */
  orgIds: number[] | null;
  query: Omit<ListCadresQuery, 'page' | 'pageSize'>;
  reveal: boolean;
  locale: 'zh-CN' | 'en-US';
}

/**
 * Streams the filtered roster as .xlsx bytes to the parent, batch by batch, so memory stays flat
 * whatever the row count. Personal numbers are masked unless the caller may reveal them.
 */
export const exportTask: Task<ExportInput, { count: number }> = async (ctx, input) => {
  const on = today();
  const dictionaries = await codeOptions(ctx.db, CADRE_COLUMN_DICTIONARIES);
  const filter = toFilter(input.query, input.orgIds, ctx.keyring, on);
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => ctx.emit(chunk));
  const numbers = (r: Parameters<typeof maskedNumbers>[0]) =>
    input.reveal
      ? {
          idNumber: ctx.keyring.decrypt(r.id_number_enc),
          mobile: ctx.keyring.open(r.mobile_enc),
          landline: ctx.keyring.open(r.landline_enc),
        }
      : maskedNumbers(r, ctx.keyring);
  async function* rows() {
    for await (const batch of repo.streamCadres(ctx.db, filter, input.query.sort ?? 'name')) {
      for (const r of batch) {
        const { idNumber, mobile, landline } = numbers(r);
        yield {
          name: r.name,
          idNumber,
          category: r.category,
          orgName: r.org_name,
          gender: r.gender,
          birthDate: r.birth_date,
          formerNames: r.former_names,
          ethnicity: r.ethnicity,
          nativePlace: r.native_place,
          education: r.education,
          politicalStatus: r.political_status,
          partyJoinedOn: r.party_joined_on,
          workStartedOn: r.work_started_on,
          revolutionaryPeriod: r.revolutionary_period,
          retiredOn: r.retired_on,
          rank: r.rank,
          treatmentLevel: r.treatment_level,
          treatmentDocNo: r.treatment_doc_no,
          formerUnit: r.former_unit,
          formerPosition: r.former_position,
          unitNature: r.unit_nature,
          livingSituation: r.living_situation,
          relocated: r.relocated === 1,
          relocationPlace: r.relocation_place,
          militaryTransfer: r.military_transfer === 1,
          mobile,
          landline,
          homeAddress: r.home_address,
          habitualAddress: r.habitual_address,
          birthdayCalendar: r.birthday_calendar,
          hobbies: r.hobbies,
          specialities: r.specialities,
          remarks: r.remarks,
          age: ageOn(r.birth_date, on),
          status: r.status,
        };
      }
    }
  }
  const done = new Promise<void>((resolve) => out.on('end', () => resolve()));
  const count = await writeXlsx(
    out,
    input.locale === 'en-US' ? 'Roster' : '花名册',
    CADRE_EXPORT_COLUMNS,
    rows(),
    dictionaries,
    input.locale,
    (n) => ctx.progress(n, 0),
  );
  await done;
  return { count };
};
