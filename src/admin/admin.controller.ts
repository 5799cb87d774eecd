import { Body, Controller, Get, Path, Post, Query, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import type { Principal } from '../auth/principal';
import { creerClient, listerClients, renouvelerSecret, type ClientCree, type ClientOAuth } from '../auth/clients';
import { creerDestinataire, listerDestinataires, type CategorieDestinataire, type Destinataire } from '../registry/destinataires';
import { changerStatut, listerHabilitations, soumettreHabilitation, type Habilitation } from '../registry/habilitations';

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

export interface HabilitationCorps {
  /** @pattern ^\d{14}$ */
  siret: string;
  /** @example "obligation_scolaire" */
  finalite: string;
  /** @example ["mairie:obligation-scolaire"] */
  scopes: string[];
  /** @example "Liste R131-3 de la commune" */
  intitule: string;
  /**
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @example "2026-09-01"
   */
  date_debut: string;
  /**
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @example "2027-08-31"
   */
  date_fin: string;
}

export interface MotifCorps {
  /** @example "Convention dénoncée par la collectivité" */
  motif?: string;
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

  /** Habilitations, avec leur statut calculé (une habilitation validée échue est « expiree »). */
  @Get('habilitations')
  public async habilitations(@Query() siret?: string): Promise<Habilitation[]> {
    return listerHabilitations(this.ctx.db, { siret });
  }

  /** Soumettre une habilitation : ses scopes doivent être permis par une règle du registre pour la catégorie du destinataire. */
  @Post('habilitations')
  @SuccessResponse(201, 'Soumise')
  public async soumettre(@Body() corps: HabilitationCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    const h = await soumettreHabilitation(this.ctx.db, {
      siret: corps.siret,
      finalite: corps.finalite,
      scopes: corps.scopes,
      intitule: corps.intitule,
      dateDebut: corps.date_debut,
      dateFin: corps.date_fin,
    }, acteur(req));
    this.setStatus(201);
    return h;
  }

  /** Valider une habilitation soumise. */
  @Post('habilitations/{id}/validation')
  public async valider(@Path() id: string, @Body() corps: MotifCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    return changerStatut(this.ctx.db, id, 'validee', acteur(req), corps.motif);
  }

  /** Refuser une habilitation soumise. */
  @Post('habilitations/{id}/refus')
  public async refuser(@Path() id: string, @Body() corps: MotifCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    return changerStatut(this.ctx.db, id, 'refusee', acteur(req), corps.motif);
  }

  /** Révoquer une habilitation validée : les jetons qu'elle fondait cessent d'ouvrir l'accès immédiatement. */
  @Post('habilitations/{id}/revocation')
  public async revoquer(@Path() id: string, @Body() corps: MotifCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    return changerStatut(this.ctx.db, id, 'revoquee', acteur(req), corps.motif);
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

function acteur(req: ExpressRequest): string {
  return `client:${(req.user as Principal).clientId}`;
}
