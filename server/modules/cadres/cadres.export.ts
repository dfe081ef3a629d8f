import { ageOn } from '../../platform/calendar/birthdays.ts';
import { today } from '../../platform/calendar/days.ts';
import { datedName, type ExportContext, listExport } from '../../platform/lists/export.ts';
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
}

/**
 * The filtered roster, read batch by batch, so memory stays flat whatever the row count. Personal
 * numbers are masked unless the caller may reveal them.
 */
export const rosterExport = listExport<ExportInput>({
  columns: CADRE_EXPORT_COLUMNS,
  dictionaries: ({ db }) => codeOptions(db, CADRE_COLUMN_DICTIONARIES),
  open: async (ctx, input) => ({
    sheet: ctx.locale === 'en-US' ? 'Roster' : '花名册',
    fileName: datedName(ctx.locale, '花名册', 'roster'),
    rows: rows(ctx, input),
  }),
});

async function* rows(ctx: ExportContext, input: ExportInput) {
  const on = today();
  const filter = toFilter(input.query, input.orgIds, ctx.keyring, on);
  // masked numbers are stored beside the ciphertext: only a reveal decrypts
  const numbers = (r: Parameters<typeof maskedNumbers>[0]) =>
    input.reveal
      ? {
          idNumber: ctx.keyring.decrypt(r.id_number_enc),
          mobile: ctx.keyring.open(r.mobile_enc),
          landline: ctx.keyring.open(r.landline_enc),
        }
      : maskedNumbers(r, ctx.keyring);
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
