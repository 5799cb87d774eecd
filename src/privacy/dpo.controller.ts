import type { Readable } from 'node:stream';
import { Controller, Get, Produces, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import type { Principal } from '../auth/principal';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import { journalApplicatif } from '../http/journal-applicatif';
import { decoderCurseurEntier, encoderCurseur, lienSuivant } from '../http/pagination';
import {
  consulterJournal,
  exporterJournalCsv,
  type PageJournalDpo,
  rapportPersonne,
  type RapportPersonne,
  verifierJournalDpo,
  type VerificationJournalDpo,
} from './dpo';
import type { FiltresJournal } from './journal';

const TYPE_CSV = 'text/csv; charset=utf-8';

@Route('dpo')
@Tags('DPO')
@Security('oauth2', ['dpo'])
@Response<ProblemeHttp>(400, 'Paramètre mal formé (le champ erreurs nomme chaque paramètre, jamais sa valeur)')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['refus']>(403, 'Le jeton ne porte pas le scope dpo')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class DpoController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Journal des communications de données personnelles, de la plus récente à la plus ancienne,
   * filtré par destinataire, API, finalité et période. Pagination par curseur : suivre
   * `curseur_suivant` ou l'en-tête `Link: rel="next"`. Avec `Accept: text/csv`, renvoie l'export
   * CSV (comme /dpo/journal.csv).
   * @summary Consulter le journal des communications
   * @param siret SIRET du destinataire. @example siret "21350238800019"
   * @pattern siret ^\d{14}$
   * @maxLength siret 14
   * @param api Identifiant de l'API. @example api "api-mairie"
   * @maxLength api 64
   * @param finalite Code de la finalité au registre. @example finalite "obligation_scolaire"
   * @maxLength finalite 64
   * @param du Début de période, jour (inclus) ou instant UTC. @example du "2026-01-01"
   * @pattern du ^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$
   * @maxLength du 24
   * @param au Fin de période, jour (inclus en entier) ou instant UTC. @example au "2026-12-31"
   * @pattern au ^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$
   * @maxLength au 24
   * @param limit Entrées par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   */
  @Get('journal')
  @Produces('application/json')
  @Produces('text/csv')
  public async journal(
    @Request() req: ExpressRequest,
    @Query() siret?: string,
    @Query() api?: string,
    @Query() finalite?: string,
    @Query() du?: string,
    @Query() au?: string,
    @Query() limit = 100,
    @Query() curseur?: string,
  ): Promise<PageJournalDpo | Readable> {
    const filtres = { siret, api, finalite, du, au };
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') return this.exporter(req, filtres);
    tracer(req, 'journal', filtres);
    const page = await consulterJournal(this.ctx.db, { ...filtres, limit, curseur: sequenceDuCurseur(curseur) });
    const suivant = page.curseur_suivant === null ? null : encoderCurseur(Number(page.curseur_suivant));
    const lien = lienSuivant(req, suivant);
    if (lien) this.setHeader('Link', lien);
    return { entrees: page.entrees, curseur_suivant: suivant };
  }

  /**
   * Export CSV du journal pour un tableur (UTF-8 avec BOM, séparateur « ; », en-têtes en
   * français, dates à l'heure de Paris), avec les mêmes filtres que /dpo/journal, sans limite de
   * taille : le fichier est produit au fil de l'envoi.
   * @summary Exporter le journal en CSV
   * @param siret @example siret "21350238800019"
   * @pattern siret ^\d{14}$
   * @maxLength siret 14
   * @param api @example api "api-mairie"
   * @maxLength api 64
   * @param finalite @example finalite "obligation_scolaire"
   * @maxLength finalite 64
   * @param du @example du "2026-01-01"
   * @pattern du ^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$
   * @maxLength du 24
   * @param au @example au "2026-12-31"
   * @pattern au ^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$
   * @maxLength au 24
   */
  @Get('journal.csv')
  @Produces('text/csv')
  public async journalCsv(
    @Request() req: ExpressRequest,
    @Query() siret?: string,
    @Query() api?: string,
    @Query() finalite?: string,
    @Query() du?: string,
    @Query() au?: string,
  ): Promise<Readable> {
    return this.exporter(req, { siret, api, finalite, du, au });
  }

  /**
   * Rapport à la personne concernée (RGPD art. 15) : chaque communication de données sur un
   * élève — date, destinataire (SIRET et nom), API et opération, finalité, base légale, champs,
   * cadre et objet déclarés — avec la synthèse par destinataire. Désigner l'élève soit par son
   * identifiant interne, soit par son identité (nom, prénoms, date de naissance ; casse et
   * accents indifférents). Une identité partagée par plusieurs élèves donne une erreur 422 :
   * préciser alors `idInterne`. Seules les communications encore conservées (voir la durée de
   * conservation du journal) figurent.
   * @summary Rapport à la personne concernée (RGPD art. 15)
   * @param idInterne Identifiant interne de l'élève dans les bases élèves. @example idInterne "eleve-000123"
   * @maxLength idInterne 64
   * @param nom Nom de naissance. @example nom "Le Gall"
   * @maxLength nom 100
   * @param prenoms Prénoms, dans l'ordre de l'état civil (le premier suffit s'il est unique). @example prenoms "Léa Marie"
   * @maxLength prenoms 200
   * @param dateNaissance @example dateNaissance "2015-04-23"
   * @pattern dateNaissance ^\d{4}-\d{2}-\d{2}$
   * @maxLength dateNaissance 10
   * @param du Début de période (jour inclus ou instant UTC). @example du "2025-09-01"
   * @pattern du ^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$
   * @maxLength du 24
   * @param au Fin de période (jour inclus ou instant UTC). @example au "2026-08-31"
   * @pattern au ^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$
   * @maxLength au 24
   */
  @Get('personnes/divulgations')
  @Response<ProblemeHttp>(404, 'Aucun élève ne correspond à cette identité')
  @Response<ProblemeHttp>(422, 'Personne mal désignée, ou identité partagée par plusieurs élèves : préciser idInterne')
  public async divulgationsPersonne(
    @Request() req: ExpressRequest,
    @Query() idInterne?: string,
    @Query() nom?: string,
    @Query() prenoms?: string,
    @Query() dateNaissance?: string,
    @Query() du?: string,
    @Query() au?: string,
  ): Promise<RapportPersonne> {
    const rapport = await rapportPersonne(this.ctx.db, this.ctx.config.cles.journal, { idInterne, nom, prenoms, dateNaissance, du, au });
    tracer(
      req,
      'rapport_personne',
      { du, au },
      {
        designation: idInterne === undefined ? 'identite' : 'id_interne',
        communications: rapport.nombre_communications,
      },
    );
    return rapport;
  }

  /**
   * Vérifie la chaîne de hachage du journal depuis la dernière purge (comme
   * `npm run journal:verify`) : `ok` faux nomme la première entrée altérée, manquante ou déplacée.
   * @summary Vérifier la chaîne du journal
   */
  @Get('journal/verification')
  public async verification(@Request() req: ExpressRequest): Promise<VerificationJournalDpo> {
    const resultat = await verifierJournalDpo(this.ctx.db);
    tracer(req, 'verification', {}, { ok: resultat.ok });
    return resultat;
  }

  private async exporter(req: ExpressRequest, filtres: Omit<FiltresJournal, 'limit' | 'curseur'>): Promise<Readable> {
    tracer(req, 'export_csv', filtres);
    const flux = await exporterJournalCsv(this.ctx.db, filtres);
    // Headers are gone once the file streams: a failure can only cut the download short.
    flux.once('error', (err) => {
      journalApplicatif.error({ requestId: req.res?.locals.requestId, erreur: err.name }, 'export CSV du journal interrompu');
      req.res?.destroy();
    });
    this.setHeader('Content-Type', TYPE_CSV);
    this.setHeader('Content-Disposition', 'attachment; filename="journal-communications.csv"');
    this.setHeader('Cache-Control', 'no-store');
    return flux;
  }
}

/** The cursor is opaque to clients like every cursor of the gateway; inside, the last sequence served. */
function sequenceDuCurseur(curseur: string | undefined): string | undefined {
  const sequence = decoderCurseurEntier(curseur);
  return sequence === undefined ? undefined : String(sequence);
}

/**
 * Reading the journal is not a disclosure, but who read it must be traceable: the application
 * log names the DPO's client and the filters (codes and dates, never an identity).
 */
function tracer(
  req: ExpressRequest,
  consultation: string,
  filtres: Partial<Record<'siret' | 'api' | 'finalite' | 'du' | 'au', string>>,
  details: Record<string, unknown> = {},
): void {
  const principal = req.user as Principal;
  journalApplicatif.info(
    { requestId: req.res?.locals.requestId, client: principal.clientId, siret: principal.destinataire.siret, consultation, filtres, ...details },
    'consultation du journal par le DPO',
  );
}
