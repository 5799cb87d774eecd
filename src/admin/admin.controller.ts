import { Body, Controller, Get, Path, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import { creerClient, listerClients, renouvelerSecret, type ClientCree, type ClientListe } from '../auth/clients';
import { creerDestinataire, listerDestinataires, type CategorieDestinataire, type Destinataire } from '../registry/destinataires';
import { enregistrerMouvement, historiqueGroupement, type HistoriqueGroupement } from '../registry/groupements';
import { acteur } from './acteur';

export interface DestinataireCorps {
  /**
   * SIRET du destinataire (14 chiffres, clé de Luhn).
   * @pattern ^\d{14}$
   * @maxLength 14
   * @example "21350238800019"
   */
  siret: string;
  /**
   * @maxLength 200
   * @example "Mairie de Rennes"
   */
  nom: string;
  categorie: CategorieDestinataire;
  /**
   * Commune (mairie, ou collectivité pour laquelle agit un éditeur).
   * @maxLength 5
   * @example "35238"
   */
  code_commune?: string;
  /**
   * @maxLength 3
   * @example "35"
   */
  code_departement?: string;
  /**
   * @maxLength 3
   * @example "53"
   */
  code_region?: string;
  /**
   * SIRET de la collectivité pour le compte de laquelle agit un éditeur.
   * @maxLength 14
   */
  pour_compte_de_siret?: string;
  /**
   * EPCI : son code du découpage administratif officiel, qui est son SIREN (les 9 premiers
   * chiffres du SIRET). Ses communes membres suivent ce découpage.
   * @pattern ^\d{9}$
   * @maxLength 9
   * @example "243500139"
   */
  code_epci?: string;
  /** Syndicat scolaire : `sivu` ou `sivom` (la nature d'un EPCI vient du découpage officiel). */
  nature?: 'sivu' | 'sivom';
  /**
   * Syndicat scolaire : ses communes membres (codes INSEE), au moins deux, chacune connue du
   * découpage officiel.
   * @minItems 2
   * @maxItems 500
   * @example ["35146", "35274", "35003"]
   */
  communes?: CodeInsee[];
  /**
   * Syndicat scolaire : premier jour d'adhésion de ces communes (par défaut, aujourd'hui).
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   * @example "2025-09-01"
   */
  date_effet?: string;
}

/**
 * Code INSEE d'une commune.
 * @pattern ^(?:\d{5}|2[AB]\d{3})$
 * @maxLength 5
 * @example "35146"
 */
export type CodeInsee = string;

export interface AdhesionCorps {
  /**
   * Code INSEE de la commune qui adhère.
   * @pattern ^(?:\d{5}|2[AB]\d{3})$
   * @maxLength 5
   * @example "35024"
   */
  code_commune: string;
  /**
   * Premier jour d'adhésion (par défaut, aujourd'hui).
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   * @example "2026-09-01"
   */
  date_effet?: string;
  /**
   * Ce qui fonde le mouvement : délibération, arrêté préfectoral…
   * @minLength 1
   * @maxLength 500
   * @example "Arrêté préfectoral du 12 juin 2026 portant extension du périmètre du syndicat"
   */
  motif: string;
}

export interface RetraitCommuneCorps {
  /**
   * Premier jour où la commune n'est plus membre (par défaut, aujourd'hui).
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   * @example "2027-09-01"
   */
  date_effet?: string;
  /**
   * @minLength 1
   * @maxLength 500
   * @example "Arrêté préfectoral du 3 mai 2027 portant retrait de la commune"
   */
  motif: string;
}

export interface ClientCorps {
  /**
   * @pattern ^\d{14}$
   * @maxLength 14
   */
  siret: string;
  /**
   * @maxLength 200
   * @example "Logiciel enfance de la ville"
   */
  nom: string;
}

export interface RotationCorps {
  /**
   * Heures pendant lesquelles l'ancien secret reste accepté.
   * @isInt
   * @minimum 0
   * @maximum 720
   */
  recouvrement_heures?: number;
}

@Route('admin')
@Tags('Administration')
@Security('oauth2', ['admin'])
@Response<ProblemeHttp>(400, 'Paramètre ou corps mal formé (le champ erreurs nomme chaque champ, jamais sa valeur)')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['refus']>(403, 'Le jeton ne porte pas le scope admin')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class AdminController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Destinataires légitimes inscrits au registre.
   * @summary Lister les destinataires
   */
  @Get('destinataires')
  public async destinataires(): Promise<Destinataire[]> {
    return listerDestinataires(this.ctx.db);
  }

  /**
   * Inscrire un destinataire ; son territoire est déduit du découpage administratif officiel.
   * Un EPCI (`categorie: epci`) s'inscrit par son SIRET et son code (`code_epci`, son SIREN) :
   * ses communes sont celles du découpage officiel. Un syndicat scolaire
   * (`categorie: syndicat_scolaire`) s'inscrit avec sa nature et ses communes membres, chacune
   * vérifiée dans le découpage officiel ; leurs adhésions sont datées (`date_effet`) et consignées.
   * @summary Inscrire un destinataire
   */
  @Post('destinataires')
  @SuccessResponse(201, 'Créé')
  @Response<ProblemeHttp>(409, 'Un destinataire porte déjà ce SIRET')
  @Response<ProblemeHttp>(422, 'Commune inconnue du découpage officiel, en double, ou date impossible')
  public async creerDestinataire(@Body() corps: DestinataireCorps, @Request() req: ExpressRequest): Promise<Destinataire> {
    const d = await creerDestinataire(
      this.ctx.db,
      {
        siret: corps.siret,
        nom: corps.nom,
        categorie: corps.categorie,
        codeCommune: corps.code_commune,
        codeDepartement: corps.code_departement,
        codeRegion: corps.code_region,
        pourCompteDeSiret: corps.pour_compte_de_siret,
        codeEpci: corps.code_epci,
        nature: corps.nature,
        communes: corps.communes,
        dateEffet: corps.date_effet,
      },
      acteur(req),
    );
    this.setStatus(201);
    return d;
  }

  /**
   * Le territoire d'un groupement de communes : code, nature, communes membres aujourd'hui et,
   * pour un syndicat scolaire, l'historique daté des adhésions et retraits.
   * @summary Communes d'un groupement et historique
   * @pattern siret ^\d{14}$
   * @maxLength siret 14
   * @example siret "25350001800010"
   */
  @Get('destinataires/{siret}/communes')
  @Response<ProblemeHttp>(404, 'Destinataire inconnu')
  @Response<ProblemeHttp>(422, "Ce destinataire n'est pas un groupement de communes")
  public async communesDuGroupement(@Path() siret: string): Promise<HistoriqueGroupement> {
    return historiqueGroupement(this.ctx.db, siret);
  }

  /**
   * Enregistrer l'adhésion d'une commune à un syndicat scolaire, à sa date d'effet : le syndicat
   * reçoit les données de la commune à partir de ce jour. Le mouvement est consigné dans
   * l'historique du registre, avec son auteur et son motif. Les communes d'un EPCI suivent le
   * découpage officiel et ne s'enregistrent pas ici.
   * @summary Enregistrer l'adhésion d'une commune à un syndicat
   * @pattern siret ^\d{14}$
   * @maxLength siret 14
   * @example siret "25350001800010"
   */
  @Post('destinataires/{siret}/communes')
  @SuccessResponse(201, 'Adhésion enregistrée')
  @Response<ProblemeHttp>(404, 'Destinataire inconnu')
  @Response<ProblemeHttp>(409, 'Commune déjà membre, ou mouvement daté avant le dernier de cette commune')
  @Response<ProblemeHttp>(422, "Commune inconnue du découpage officiel, date impossible, ou destinataire qui n'est pas un syndicat scolaire")
  public async adhesion(@Path() siret: string, @Body() corps: AdhesionCorps, @Request() req: ExpressRequest): Promise<HistoriqueGroupement> {
    const h = await enregistrerMouvement(
      this.ctx.db,
      siret,
      { codeCommune: corps.code_commune, mouvement: 'adhesion', dateEffet: corps.date_effet, motif: corps.motif },
      acteur(req),
    );
    this.setStatus(201);
    return h;
  }

  /**
   * Enregistrer le retrait d'une commune d'un syndicat scolaire : à partir de sa date d'effet, le
   * syndicat ne reçoit plus les données de la commune. Consigné dans l'historique du registre.
   * @summary Enregistrer le retrait d'une commune d'un syndicat
   * @pattern siret ^\d{14}$
   * @maxLength siret 14
   * @example siret "25350001800010"
   * @pattern codeInsee ^(?:\d{5}|2[AB]\d{3})$
   * @maxLength codeInsee 5
   * @example codeInsee "35003"
   */
  @Post('destinataires/{siret}/communes/{codeInsee}/retrait')
  @Response<ProblemeHttp>(404, 'Destinataire inconnu')
  @Response<ProblemeHttp>(409, "La commune n'est pas membre, ou mouvement daté avant le dernier de cette commune")
  @Response<ProblemeHttp>(422, "Date impossible, ou destinataire qui n'est pas un syndicat scolaire")
  public async retraitCommune(
    @Path() siret: string,
    @Path() codeInsee: string,
    @Body() corps: RetraitCommuneCorps,
    @Request() req: ExpressRequest,
  ): Promise<HistoriqueGroupement> {
    return enregistrerMouvement(
      this.ctx.db,
      siret,
      { codeCommune: codeInsee, mouvement: 'retrait', dateEffet: corps.date_effet, motif: corps.motif },
      acteur(req),
    );
  }

  /**
   * Clients OAuth2 (jamais leurs secrets).
   * @summary Lister les clients OAuth2
   */
  @Get('clients')
  public async clients(): Promise<ClientListe[]> {
    return listerClients(this.ctx.db);
  }

  /**
   * Créer un client OAuth2 ; le secret n'est montré qu'une fois.
   * @summary Créer un client OAuth2
   */
  @Post('clients')
  @SuccessResponse(201, 'Créé')
  @Response<ProblemeHttp>(404, 'Destinataire inconnu')
  @Response<ProblemeHttp>(409, 'Un client porte déjà cet identifiant')
  public async creerClient(@Body() corps: ClientCorps): Promise<ClientCree> {
    const c = await creerClient(this.ctx.db, { siret: corps.siret, nom: corps.nom });
    this.setStatus(201);
    this.setHeader('Cache-Control', 'no-store');
    return c;
  }

  /**
   * Renouveler le secret d'un client ; l'ancien reste accepté pendant le recouvrement.
   * @summary Renouveler le secret d'un client
   * @maxLength clientId 100
   */
  @Post('clients/{clientId}/rotation')
  @Response<ProblemeHttp>(404, 'Client inconnu')
  public async rotation(@Path() clientId: string, @Body() corps: RotationCorps): Promise<ClientCree> {
    this.setHeader('Cache-Control', 'no-store');
    return renouvelerSecret(this.ctx.db, clientId, corps.recouvrement_heures ?? 24);
  }
}
