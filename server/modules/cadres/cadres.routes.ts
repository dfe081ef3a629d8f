import { type TSchema, Type } from 'typebox';
import { AppError } from '../../errors.ts';
import type { Keyring } from '../../platform/crypto/personal-data.ts';
import { type FileStore, findFile, recordFile } from '../../platform/files/files.ts';
import { FILE_KINDS, sizeInWords } from '../../platform/files/kinds.ts';
import { receiveUpload, sendStoredFile } from '../../platform/files/upload.ts';
import { attachment, exportCaller, requestLocale, sendXlsx, XLSX_TYPE } from '../../platform/http/replies.ts';
import { errorResponses, IdParams, NoContent, PageOf } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import * as ledgers from './cadres.ledgers.ts';
import {
  AcrossQuery,
  BirthdayItemSchema,
  BirthdaysQuery,
  CadrePageSchema,
  CadreSchema,
  CommitImportBody,
  CreateCadreBody,
  DeathEntrySchema,
  ExportQuery,
  FamilyMemberBody,
  FamilyMemberSchema,
  HealthBody,
  HealthSchema,
  HistoryEntrySchema,
  HospitalStayBody,
  HospitalStaySchema,
  ImportJobSchema,
  LedgerParams,
  ListCadresQuery,
  RecordDeathBody,
  RevealSchema,
  ReverseDeathBody,
  TravelBody,
  TravelSchema,
  UpdateCadreBody,
} from './cadres.schema.ts';
import * as service from './cadres.service.ts';
import * as transfer from './cadres.transfer.ts';

/** What the roster's routes are given by app.ts. */
export interface CadresRoutesOptions {
  keyring: Keyring;
  files: FileStore;
}

/** The cadre roster: the master record, its ledgers, search, birthdays, import and export. */
export default async function cadresRoutes(app: App, { keyring, files }: CadresRoutesOptions) {
  const tags = ['cadres'];
  const log = (error: unknown) => app.log.error({ err: error }, 'background job failed');

  app.get('/api/cadres', {
    schema: {
      tags,
      summary: 'The roster: search, filter, sort, page',
      querystring: ListCadresQuery,
      response: { 200: CadrePageSchema, ...errorResponses },
    },
    config: { access: 'cadres:read' },
    handler: async (req) => service.listCadres(app.db, keyring, authOf(req), req.query),
  });

  app.post('/api/cadres', {
    schema: {
      tags,
      summary: 'Add a person to the roster',
      body: CreateCadreBody,
      response: { 201: CadreSchema, ...errorResponses },
    },
    config: { access: 'cadres:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.createCadre(app.db, keyring, authOf(req), actorOf(req), req.body);
    },
  });

  app.get('/api/cadres/birthdays', {
    schema: {
      tags,
      summary: 'Birthdays in the next N days (lunar birthdays honoured)',
      querystring: BirthdaysQuery,
      response: { 200: Type.Array(BirthdayItemSchema), ...errorResponses },
    },
    config: { access: 'cadres:read' },
    handler: async (req) => service.upcomingBirthdays(app.db, authOf(req), req.query),
  });

  app.get('/api/cadres/export', {
    schema: {
      tags,
      summary: 'The filtered roster as .xlsx (masked unless you may reveal)',
      querystring: ExportQuery,
    },
    config: { access: 'cadres:export' },
    handler: async (req, reply) =>
      sendXlsx(reply, await transfer.exportRoster(exportCaller(app, req), req.query)),
  });

  app.get('/api/cadres/import-template', {
    schema: { tags, summary: 'The .xlsx import template, with drop-down lists' },
    config: { access: 'cadres:import' },
    handler: async (_req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('花名册导入模板.xlsx'))
        .send(await transfer.importTemplate(app.db)),
  });

  app.post('/api/cadres/imports', {
    schema: {
      tags,
      summary: 'Upload an .xlsx or .csv (UTF-8 or GBK) to import; validation starts at once',
      consumes: ['multipart/form-data'],
      querystring: Type.Object({ targetOrgId: Type.Integer({ minimum: 1 }) }),
      response: { 202: ImportJobSchema, ...errorResponses },
    },
    config: { access: 'cadres:import' },
    handler: async (req, reply) => {
      const upload = await receiveUpload(req, files, { kind: 'spreadsheet' });
      reply.code(202);
      return transfer.startImport(
        app.db,
        app.config,
        authOf(req),
        actorOf(req),
        upload,
        { targetOrgId: req.query.targetOrgId },
        log,
      );
    },
  });

  app.get('/api/cadres/imports/:id', {
    schema: {
      tags,
      summary: 'An import: state, progress, preview',
      params: IdParams,
      response: { 200: ImportJobSchema, ...errorResponses },
    },
    config: { access: 'cadres:import' },
    handler: async (req) => transfer.getImport(app.db, authOf(req), req.params.id, requestLocale(req)),
  });

  app.post('/api/cadres/imports/:id/commit', {
    schema: {
      tags,
      summary: 'Write a validated import, all or nothing',
      params: IdParams,
      body: CommitImportBody,
      response: { 202: ImportJobSchema, ...errorResponses },
    },
    config: { access: 'cadres:import' },
    handler: async (req, reply) => {
      reply.code(202);
      return transfer.commitImport(
        app.db,
        app.config,
        authOf(req),
        actorOf(req),
        req.params.id,
        req.body.duplicates,
        log,
      );
    },
  });

  app.get('/api/cadres/:id', {
    schema: {
      tags,
      summary: 'One record (personal numbers masked)',
      params: IdParams,
      response: { 200: CadreSchema, ...errorResponses },
    },
    config: { access: 'cadres:read' },
    handler: async (req) => service.getCadre(app.db, keyring, authOf(req), req.params.id),
  });

  app.patch('/api/cadres/:id', {
    schema: {
      tags,
      summary: 'Change a record',
      params: IdParams,
      body: UpdateCadreBody,
      response: { 200: CadreSchema, ...errorResponses },
    },
    config: { access: 'cadres:write' },
    handler: async (req) =>
      service.updateCadre(app.db, keyring, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.post('/api/cadres/:id/reveal', {
    schema: {
      tags,
      summary: 'Show the plain ID number and phones (audited)',
      params: IdParams,
      response: { 200: RevealSchema, ...errorResponses },
    },
    config: { access: 'cadres:reveal' },
    handler: async (req) => service.revealCadre(app.db, keyring, authOf(req), actorOf(req), req.params.id),
  });

  app.get('/api/cadres/:id/history', {
    schema: {
      tags,
      summary: "A record's change history",
      params: IdParams,
      response: { 200: Type.Array(HistoryEntrySchema), ...errorResponses },
    },
    config: { access: 'cadres:read' },
    handler: async (req) => service.cadreHistory(app.db, authOf(req), req.params.id),
  });

  app.post('/api/cadres/:id/death', {
    schema: {
      tags,
      summary: 'Record a passing away (离世)',
      params: IdParams,
      body: RecordDeathBody,
      response: { 200: CadreSchema, ...errorResponses },
    },
    config: { access: 'cadres:write' },
    handler: async (req) =>
      service.recordDeath(app.db, keyring, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.post('/api/cadres/:id/death/reverse', {
    schema: {
      tags,
      summary: 'Reverse a recorded passing away, with a reason',
      params: IdParams,
      body: ReverseDeathBody,
      response: { 200: CadreSchema, ...errorResponses },
    },
    config: { access: 'cadres:write' },
    handler: async (req) =>
      service.reverseDeath(app.db, keyring, authOf(req), actorOf(req), req.params.id, req.body.reason),
  });

  app.get('/api/cadres/:id/photo', {
    schema: { tags, summary: "A record's photo", params: IdParams },
    config: { access: 'cadres:read' },
    handler: async (req, reply) => {
      const row = await service.loadCadre(app.db, req.params.id, authOf(req).scope);
      const file = row.photo_file_id ? await findFile(app.db, row.photo_file_id) : undefined;
      if (!file) throw new AppError('file.not_found');
      return sendStoredFile(reply, files, file, 'none');
    },
  });

  app.post('/api/cadres/:id/photo', {
    schema: {
      tags,
      summary: `Upload a record's photo (JPEG, PNG or WebP, up to ${sizeInWords(FILE_KINDS.photo.maxBytes)})`,
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 200: CadreSchema, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
    },
    config: { access: 'cadres:write' },
    handler: async (req) => {
      const auth = authOf(req);
      await service.loadCadre(app.db, req.params.id, auth.scope);
      const upload = await receiveUpload(req, files, { kind: 'photo' });
      const fileId = await recordFile(app.db, { ...upload, userId: auth.userId });
      return service.updateCadre(app.db, keyring, auth, actorOf(req), req.params.id, { photoFileId: fileId });
    },
  });

  app.get('/api/cadres/:id/health', {
    schema: {
      tags,
      summary: 'Health profile (sensitive; reading is audited)',
      params: IdParams,
      response: { 200: HealthSchema, ...errorResponses },
    },
    config: { access: 'cadres:health' },
    handler: async (req) => ledgers.getHealth(app.db, authOf(req), actorOf(req), req.params.id),
  });

  app.put('/api/cadres/:id/health', {
    schema: {
      tags,
      summary: 'Write the health profile',
      params: IdParams,
      body: HealthBody,
      response: { 200: HealthSchema, ...errorResponses },
    },
    config: { access: 'cadres:health' },
    handler: async (req) => ledgers.saveHealth(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  const ledgerRoutes = (
    path: string,
    def: ledgers.LedgerDef,
    body: TSchema,
    entry: TSchema,
    label: string,
  ) => {
    app.get(`/api/cadres/:id/${path}`, {
      schema: {
        tags,
        summary: `${label} of a record`,
        params: IdParams,
        response: { 200: Type.Array(entry), ...errorResponses },
      },
      config: { access: 'cadres:read' },
      handler: async (req) => ledgers.listEntries(app.db, keyring, authOf(req), def, req.params.id),
    });
    app.post(`/api/cadres/:id/${path}`, {
      schema: {
        tags,
        summary: `Add to ${label}`,
        params: IdParams,
        body,
        response: { 201: entry, ...errorResponses },
      },
      config: { access: 'cadres:write' },
      handler: async (req, reply) => {
        reply.code(201);
        return ledgers.createEntry(
          app.db,
          keyring,
          authOf(req),
          actorOf(req),
          def,
          req.params.id,
          req.body as Record<string, unknown>,
        );
      },
    });
    app.patch(`/api/cadres/:id/${path}/:entryId`, {
      schema: {
        tags,
        summary: `Change an entry of ${label}`,
        params: LedgerParams,
        body: Type.Partial(body as never),
        response: { 200: entry, ...errorResponses },
      },
      config: { access: 'cadres:write' },
      handler: async (req) =>
        ledgers.updateEntry(
          app.db,
          keyring,
          authOf(req),
          actorOf(req),
          def,
          req.params.id,
          req.params.entryId,
          req.body as Record<string, unknown>,
        ),
    });
    app.delete(`/api/cadres/:id/${path}/:entryId`, {
      schema: {
        tags,
        summary: `Remove an entry of ${label}`,
        params: LedgerParams,
        response: { 204: NoContent, ...errorResponses },
      },
      config: { access: 'cadres:write' },
      handler: async (req, reply) => {
        await ledgers.deleteEntry(
          app.db,
          keyring,
          authOf(req),
          actorOf(req),
          def,
          req.params.id,
          req.params.entryId,
        );
        return reply.code(204).send(null);
      },
    });
    app.get(`/api/cadre-ledgers/${path}`, {
      schema: {
        tags,
        summary: `${label} across every record in your scope`,
        querystring: AcrossQuery,
        response: {
          200: PageOf(
            Type.Intersect([entry, Type.Object({ cadreName: Type.String(), orgName: Type.String() })]),
          ),
          ...errorResponses,
        },
      },
      config: { access: 'cadres:read' },
      handler: async (req) => ledgers.listAcross(app.db, keyring, authOf(req), def, req.query),
    });
  };
  app.get('/api/cadre-ledgers/deaths', {
    schema: {
      tags,
      summary: 'Passings away (离世) across every record in your scope',
      querystring: AcrossQuery,
      response: { 200: PageOf(DeathEntrySchema), ...errorResponses },
    },
    config: { access: 'cadres:read' },
    handler: async (req) => ledgers.listDeathsAcross(app.db, authOf(req), req.query),
  });

  app.get('/api/cadre-ledgers/health', {
    schema: {
      tags,
      summary: 'Health profiles across every record in your scope (reading is audited)',
      querystring: AcrossQuery,
      response: {
        200: PageOf(
          Type.Intersect([HealthSchema, Type.Object({ cadreName: Type.String(), orgName: Type.String() })]),
        ),
        ...errorResponses,
      },
    },
    config: { access: 'cadres:health' },
    handler: async (req) => ledgers.listHealthAcross(app.db, authOf(req), actorOf(req), req.query),
  });

  ledgerRoutes('family', ledgers.FAMILY, FamilyMemberBody, FamilyMemberSchema, 'Family members');
  ledgerRoutes(
    'hospital-stays',
    ledgers.HOSPITAL_STAYS,
    HospitalStayBody,
    HospitalStaySchema,
    'Hospital stays',
  );
  ledgerRoutes('travels', ledgers.TRAVELS, TravelBody, TravelSchema, 'Travel and documents');
}
