import { Body, Controller, Get, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import type { Principal } from '../auth/principal';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import { decoderCurseurEntier, encoderCurseur, lienSuivant } from '../http/pagination';
import type { DesignationEleveCorps } from './designation';
import { type Auteur, leverOppositionDe, listerOppositions, type Opposition, recevoirOpposition } from './oppositions';

/** Une opposition reçue (courrier, formulaire, courriel) pour une finalité fondée sur l'article 6.1.e. */
export interface OppositionCorps extends DesignationEleveCorps {
  /**
   * Code de la finalité au registre (voir /catalogue).
   * @maxLength 64
   * @example "restauration_scolaire"
   */
  finalite: string;
  /**
   * Premier jour où l'élève n'est plus communiqué pour cette finalité : aujourd'hui par défaut,
   * jamais avant (ce qui a été communiqué ne se rappelle pas).
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   * @example "2026-12-01"
   */
  date_debut?: string;
  /**
   * Comment l'opposition a été reçue, et quand.
   * @minLength 1
   * @maxLength 128
   * @example "courrier des parents reçu le 2026-11-28"
   */
  origine: string;
}

/** La levée d'une opposition (la famille la retire, ou le DPO l'a enregistrée par erreur). */
export interface LeveeOppositionCorps extends DesignationEleveCorps {
  /**
   * @maxLength 64
   * @example "restauration_scolaire"
   */
  finalite: string;
  /**
   * Premier jour où l'opposition ne vaut plus ; aujourd'hui par défaut, jamais avant.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   */
  date?: string;
}

export interface OppositionsLevees {
  /** Oppositions en cours levées (d'ordinaire une). */
  oppositions_levees: number;
}

export interface PageOppositionsDpo {
  /** De la plus récente à la plus ancienne. */
  oppositions: Opposition[];
  /** À passer en `curseur` pour la page suivante (aussi dans l'en-tête Link) ; null en fin de liste. */
  curseur_suivant: string | null;
}

@Route('dpo/oppositions')
@Tags('DPO')
@Security('oauth2', ['dpo'])
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['refus']>(403, 'Le jeton ne porte pas le scope dpo')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class OppositionsController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Enregistrer l'opposition d'un élève (ou de ses responsables) au traitement de ses données
   * pour une finalité fondée sur une mission d'intérêt public (RGPD art. 21), par exemple la
   * restauration scolaire : dès son premier jour, l'élève disparaît des listes et des flux de
   * changements de cette finalité, chez tous les destinataires. L'enregistrement est journalisé
   * (auteur, instant, finalité, personne sous forme hachée) et figure au rapport de la personne
   * (/dpo/personnes/divulgations). Une opposition déjà en cours n'est pas dédoublée : 409, avec
   * son identifiant.
   * @summary Enregistrer une opposition
   */
  @Post()
  @SuccessResponse(201, 'Enregistrée')
  @Response<ProblemeHttp>(400, 'Champ mal formé ou finalité inconnue du registre')
  @Response<ProblemeHttp>(404, 'Élève inconnu')
  @Response<ProblemeHttp>(409, 'Une opposition de cet élève à cette finalité est déjà en cours')
  @Response<ProblemeHttp>(422, 'Finalité sans droit d’opposition (opposition_non_applicable), élève désigné deux fois ou pas du tout, ou date passée')
  @Response<ProblemeHttp, Entetes['reessayer']>(503, 'Journal ou base momentanément indisponible : rien n’est enregistré')
  public async enregistrerOpposition(@Request() req: ExpressRequest, @Body() corps: OppositionCorps): Promise<Opposition> {
    const opposition = await recevoirOpposition(this.ctx.db, this.ctx.config.cles.journal, auteur(req), {
      ine: corps.ine,
      idInterne: corps.id_interne,
      finalite: corps.finalite,
      dateDebut: corps.date_debut,
      origine: corps.origine,
    });
    this.setStatus(201);
    return opposition;
  }

  /**
   * Lever les oppositions en cours d'un élève à une finalité : dès la date de levée, l'élève revient
   * dans les listes et les flux de changements de cette finalité. La levée est journalisée comme
   * l'enregistrement.
   * @summary Lever une opposition
   */
  @Post('levees')
  @Response<ProblemeHttp>(400, 'Champ mal formé ou finalité inconnue du registre')
  @Response<ProblemeHttp>(404, 'Élève inconnu, ou aucune opposition en cours à cette finalité')
  @Response<ProblemeHttp>(422, 'Élève désigné deux fois ou pas du tout, ou date passée')
  @Response<ProblemeHttp, Entetes['reessayer']>(503, 'Journal ou base momentanément indisponible : rien n’est levé')
  public async leverOpposition(@Request() req: ExpressRequest, @Body() corps: LeveeOppositionCorps): Promise<OppositionsLevees> {
    return leverOppositionDe(this.ctx.db, this.ctx.config.cles.journal, auteur(req), {
      ine: corps.ine,
      idInterne: corps.id_interne,
      finalite: corps.finalite,
      date: corps.date,
    });
  }

  /**
   * Oppositions enregistrées, de la plus récente à la plus ancienne, filtrées par élève, finalité
   * et état. Pagination par curseur : suivre `curseur_suivant` ou l'en-tête `Link: rel="next"`.
   * @summary Lister les oppositions
   * @param ine Identifiant national élève. @example ine "070123456AB"
   * @pattern ine ^[0-9A-Za-z]{11}$
   * @maxLength ine 11
   * @param idInterne Identifiant interne de l'élève (rapport DPO).
   * @maxLength idInterne 64
   * @param finalite Code de la finalité au registre. @example finalite "restauration_scolaire"
   * @maxLength finalite 64
   * @param enCours Vrai : oppositions en cours ou à venir ; faux : oppositions levées.
   * @param limit Oppositions par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 512
   */
  @Get()
  @Response<ProblemeHttp>(400, 'Paramètre mal formé')
  @Response<ProblemeHttp>(404, 'Élève inconnu')
  @Response<ProblemeHttp>(422, 'Élève désigné deux fois')
  public async oppositions(
    @Request() req: ExpressRequest,
    @Query() ine?: string,
    @Query() idInterne?: string,
    @Query() finalite?: string,
    @Query() enCours?: boolean,
    @Query() limit = 100,
    @Query() curseur?: string,
  ): Promise<PageOppositionsDpo> {
    const page = await listerOppositions(this.ctx.db, { ine, idInterne, finalite, enCours, limit, avant: decoderCurseurEntier(curseur) });
    const suivant = page.suivante === null ? null : encoderCurseur(page.suivante);
    const lien = lienSuivant(req, suivant);
    if (lien) this.setHeader('Link', lien);
    this.setHeader('Cache-Control', 'no-store');
    return { oppositions: page.oppositions, curseur_suivant: suivant };
  }
}

/** The operator's client and organisation, as the journal records who acted. */
function auteur(req: ExpressRequest): Auteur {
  const principal = req.user as Principal;
  return {
    clientId: principal.clientId,
    siret: principal.destinataire.siret,
    requestId: String(req.res?.locals.requestId ?? ''),
    scopes: ['dpo'],
  };
}
