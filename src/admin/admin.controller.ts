import { Body, Controller, Get, Path, Post, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Contexte } from '../contexte';
import { creerClient, listerClients, renouvelerSecret, type ClientCree, type ClientOAuth } from '../auth/clients';
import { creerDestinataire, listerDestinataires, type CategorieDestinataire, type Destinataire } from '../registry/destinataires';

export interface DestinataireCorps {
  /**
   * SIRET du destinataire (14 chiffres, clé de Luhn).
   * @pattern ^\d{14}$
   * @example "21350238800019"
   */
  siret: string;
  /** @example "Mairie de Rennes" */
  nom: string;
  categorie: CategorieDestinataire;
  /**
   * Commune (mairie, ou collectivité pour laquelle agit un éditeur).
   * @example "35238"
   */
  code_commune?: string;
  /** @example "35" */
  code_departement?: string;
  /** @example "53" */
  code_region?: string;
  /** SIRET de la collectivité pour le compte de laquelle agit un éditeur. */
  pour_compte_de_siret?: string;
}

export interface ClientCorps {
  /** @pattern ^\d{14}$ */
  siret: string;
  /** @example "Logiciel enfance de la ville" */
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
export class AdminController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /** Destinataires légitimes inscrits au registre. */
  @Get('destinataires')
  public async destinataires(): Promise<Destinataire[]> {
    return listerDestinataires(this.ctx.db);
  }

  /** Inscrire un destinataire ; son territoire est déduit du découpage administratif officiel. */
  @Post('destinataires')
  @SuccessResponse(201, 'Créé')
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

  /** Clients OAuth2 (jamais leurs secrets). */
  @Get('clients')
  public async clients(): Promise<Array<ClientOAuth & { actif: boolean }>> {
    return listerClients(this.ctx.db);
  }

  /** Créer un client OAuth2 ; le secret n'est montré qu'une fois. */
  @Post('clients')
  @SuccessResponse(201, 'Créé')
  public async creerClient(@Body() corps: ClientCorps): Promise<ClientCree> {
    const c = await creerClient(this.ctx.db, { siret: corps.siret, nom: corps.nom });
    this.setStatus(201);
    this.setHeader('Cache-Control', 'no-store');
    return c;
  }

  /** Renouveler le secret d'un client ; l'ancien reste accepté pendant le recouvrement. */
  @Post('clients/{clientId}/rotation')
  public async rotation(@Path() clientId: string, @Body() corps: RotationCorps): Promise<ClientCree> {
    this.setHeader('Cache-Control', 'no-store');
    return renouvelerSecret(this.ctx.db, clientId, corps.recouvrement_heures ?? 24);
  }
}
