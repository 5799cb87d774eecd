import { Body, Controller, Get, Path, Post, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Contexte } from '../contexte';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import { creerClient, listerClients, renouvelerSecret, type ClientCree, type ClientListe } from '../auth/clients';
import { creerDestinataire, listerDestinataires, type CategorieDestinataire, type Destinataire } from '../registry/destinataires';

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
   * @summary Inscrire un destinataire
   */
  @Post('destinataires')
  @SuccessResponse(201, 'Créé')
  @Response<ProblemeHttp>(409, 'Un destinataire porte déjà ce SIRET')
  public async creerDestinataire(@Body() corps: DestinataireCorps): Promise<Destinataire> {
    const d = await creerDestinataire(this.ctx.db, {
      siret: corps.siret,
      nom: corps.nom,
      categorie: corps.categorie,
      codeCommune: corps.code_commune,
      codeDepartement: corps.code_departement,
      codeRegion: corps.code_region,
      pourCompteDeSiret: corps.pour_compte_de_siret,
    });
    this.setStatus(201);
    return d;
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
