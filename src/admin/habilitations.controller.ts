import { Body, Controller, Get, Patch, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import { Probleme } from '../http/problemes';
import {
  changerStatut,
  listerHabilitations,
  modifierHabilitation,
  renouvelerHabilitation,
  soumettreHabilitation,
  transitionsHabilitation,
  trouverHabilitation,
  type ChampsHabilitation,
  type Habilitation,
  type StatutHabilitation,
  type Transition,
  type TransitionDemandee,
} from '../registry/habilitations';
import type { CodeRegistre } from '../registry/scopes';
import { lienConsultation, type LienConsultation } from '../demandes/lien';
import { acteur } from './acteur';

/** DataPass's fields; those the foundation did not ask for remain optional. */
export interface ChampsHabilitationCorps {
  /**
   * @maxLength 64
   * @example "obligation_scolaire"
   */
  finalite: string;
  /**
   * @maxItems 50
   * @example ["mairie:obligation-scolaire"]
   */
  scopes: CodeRegistre[];
  /**
   * Intitulé du projet.
   * @maxLength 200
   * @example "Liste R131-3 de la commune"
   */
  intitule: string;
  /**
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   * @example "2026-09-01"
   */
  date_debut: string;
  /**
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   * @example "2027-08-31"
   */
  date_fin: string;
  /**
   * @maxLength 4000
   * @example "Contrôle de l'obligation d'instruction par le service enfance."
   */
  description?: string;
  /**
   * Par défaut : la base légale de la règle du registre.
   * @maxLength 2000
   */
  base_legale_texte?: string;
  /**
   * @maxLength 2048
   * @example "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000044575213"
   */
  base_legale_url?: string;
  /**
   * Durée de conservation chez le destinataire, en mois ; au-delà de 36, une justification est exigée.
   * @isInt
   * @minimum 1
   * @maximum 1200
   * @example 12
   */
  duree_conservation_mois?: number;
  /** @maxLength 4000 */
  justification_conservation?: string;
  /**
   * @maxLength 200
   * @example "Le maire de Rennes"
   */
  responsable_traitement?: string;
  /**
   * Adresse fonctionnelle du DPO.
   * @maxLength 320
   * @example "dpo@ville-rennes.fr"
   */
  dpo?: string;
  /**
   * Nom du DPO du destinataire.
   * @maxLength 200
   * @example "Claire Le Goff"
   */
  dpo_nom?: string;
  /**
   * Volume attendu, en requêtes par minute.
   * @isInt
   * @minimum 0
   * @maximum 10000000
   * @example 10
   */
  volume_attendu?: number;
  /**
   * Convention sur laquelle repose l'habilitation : quand elle prend fin, l'habilitation expire.
   * @maxLength 64
   */
  convention_id?: string;
}

export interface HabilitationCorps extends ChampsHabilitationCorps {
  /**
   * @pattern ^\d{14}$
   * @maxLength 14
   */
  siret: string;
  /** Garder la demande en brouillon au lieu de la soumettre. */
  brouillon?: boolean;
}

export interface ModificationHabilitationCorps extends Partial<ChampsHabilitationCorps> {
  // Declared again: tsoa's Partial<> would lose the bound of each scope.
  /** @maxItems 50 */
  scopes?: CodeRegistre[];
  /** @maxLength 2000 */
  motif?: string;
}

export interface MotifCorps {
  /**
   * @maxLength 2000
   * @example "Convention dénoncée par la collectivité"
   */
  motif?: string;
}

export interface MotifObligatoireCorps {
  /**
   * @maxLength 2000
   * @example "Préciser la durée de conservation et la justifier."
   */
  motif: string;
}

function versChamps(c: Partial<HabilitationCorps>): Partial<ChampsHabilitation> {
  const champs: Partial<ChampsHabilitation> = {
    siret: c.siret,
    finalite: c.finalite,
    scopes: c.scopes,
    intitule: c.intitule,
    dateDebut: c.date_debut,
    dateFin: c.date_fin,
    description: c.description,
    baseLegaleTexte: c.base_legale_texte,
    baseLegaleUrl: c.base_legale_url,
    dureeConservationMois: c.duree_conservation_mois,
    justificationConservation: c.justification_conservation,
    responsableTraitement: c.responsable_traitement,
    dpo: c.dpo,
    dpoNom: c.dpo_nom,
    volumeAttendu: c.volume_attendu,
    conventionId: c.convention_id,
  };
  return Object.fromEntries(Object.entries(champs).filter(([, v]) => v !== undefined));
}

/** The DataPass-like lifecycle of habilitations, for operators; every transition is logged with its actor and reason. */
@Route('admin/habilitations')
@Tags('Administration')
@Security('oauth2', ['admin'])
@Response<ProblemeHttp>(400, 'Paramètre ou corps mal formé (le champ erreurs nomme chaque champ, jamais sa valeur)')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['refus']>(403, 'Le jeton ne porte pas le scope admin')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class HabilitationsController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Habilitations, avec leur statut calculé (une habilitation validée échue, ou dont la convention a pris fin, est « expiree »).
   * @summary Lister les habilitations
   * @param siret Seulement celles de ce destinataire.
   * @maxLength siret 14
   * @param expirantAvant Seulement les habilitations en cours dont le dernier jour précède cette date (AAAA-MM-JJ), de la plus proche à la plus lointaine.
   * @pattern expirantAvant ^\d{4}-\d{2}-\d{2}$
   * @maxLength expirantAvant 10
   * @param conventionId Seulement celles qui reposent sur cette convention.
   * @maxLength conventionId 64
   */
  @Get()
  public async habilitations(
    @Query() siret?: string,
    @Query() statut?: StatutHabilitation,
    @Query() expirantAvant?: string,
    @Query() conventionId?: string,
  ): Promise<Habilitation[]> {
    return listerHabilitations(this.ctx.db, { siret, statut, expirantAvant, conventionId });
  }

  /**
   * Déposer une habilitation (soumise, ou brouillon) : ses scopes doivent être permis par une règle du registre pour la catégorie du destinataire.
   * @summary Déposer une habilitation
   */
  @Post()
  @SuccessResponse(201, 'Enregistrée')
  @Response<ProblemeHttp>(404, 'Destinataire, finalité ou convention inconnus')
  @Response<ProblemeHttp>(422, 'Scopes non permis par le registre ou la convention, dates incohérentes, conservation longue non justifiée')
  public async soumettre(@Body() corps: HabilitationCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    const h = await soumettreHabilitation(this.ctx.db, { ...(versChamps(corps) as ChampsHabilitation), brouillon: corps.brouillon }, acteur(req));
    this.setStatus(201);
    return h;
  }

  /**
   * Une habilitation, avec son statut calculé.
   * @summary Consulter une habilitation
   * @maxLength id 64
   */
  @Get('{id}')
  @Response<ProblemeHttp>(404, 'Habilitation inconnue')
  public async habilitation(@Path() id: string): Promise<Habilitation> {
    const h = await trouverHabilitation(this.ctx.db, id);
    if (!h) throw new Probleme('ressource_introuvable', 'Habilitation inconnue.');
    return h;
  }

  /**
   * L'adresse de la page HTML de la demande (statut, ce qui est attendu, historique), à ouvrir dans un
   * navigateur sans jeton ; signée, valable une heure. Les destinataires reçoivent la même dans
   * `lien_consultation` sous /demandes-habilitation.
   * @summary Lien de consultation de la page d'une habilitation
   * @maxLength id 64
   */
  @Get('{id}/lien-consultation')
  @Response<ProblemeHttp>(404, 'Habilitation inconnue')
  public async lienConsultation(@Path() id: string): Promise<LienConsultation> {
    if (!(await trouverHabilitation(this.ctx.db, id))) throw new Probleme('ressource_introuvable', 'Habilitation inconnue.');
    return lienConsultation(this.ctx.config, id);
  }

  /**
   * Journal des transitions : de, vers, acteur, motif, date.
   * @summary Transitions d'une habilitation
   * @maxLength id 64
   */
  @Get('{id}/transitions')
  @Response<ProblemeHttp>(404, 'Habilitation inconnue')
  public async transitions(@Path() id: string): Promise<Transition[]> {
    return transitionsHabilitation(this.ctx.db, id);
  }

  /**
   * Modifier une demande en brouillon ou à laquelle des modifications ont été demandées.
   * @summary Modifier une demande d'habilitation
   * @maxLength id 64
   */
  @Patch('{id}')
  @Response<ProblemeHttp>(404, 'Habilitation inconnue')
  @Response<ProblemeHttp>(409, "L'habilitation n'est ni en brouillon ni en attente de modifications, ou a changé d'état entre-temps")
  @Response<ProblemeHttp>(422, 'Scopes non permis, dates incohérentes, conservation longue non justifiée, ou aucun champ modifié')
  public async modifier(@Path() id: string, @Body() corps: ModificationHabilitationCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    const { motif, ...champs } = corps;
    return modifierHabilitation(this.ctx.db, id, versChamps(champs), acteur(req), motif);
  }

  /**
   * Soumettre un brouillon, ou une demande modifiée.
   * @summary Soumettre une demande d'habilitation
   * @maxLength id 64
   */
  @Post('{id}/soumission')
  @Response<ProblemeHttp>(404, 'Habilitation inconnue')
  @Response<ProblemeHttp>(409, 'Transition interdite depuis le statut actuel')
  public async soumission(@Path() id: string, @Body() corps: MotifCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    return this.transition(id, 'soumise', req, corps.motif);
  }

  /**
   * Demander des modifications au demandeur ; le motif dit lesquelles.
   * @summary Demander des modifications
   * @maxLength id 64
   */
  @Post('{id}/demande-modifications')
  @Response<ProblemeHttp>(404, 'Habilitation inconnue')
  @Response<ProblemeHttp>(409, 'Transition interdite depuis le statut actuel')
  public async demanderModifications(@Path() id: string, @Body() corps: MotifObligatoireCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    return this.transition(id, 'modifications_demandees', req, corps.motif);
  }

  /**
   * Valider une habilitation soumise ; s'il s'agit d'un renouvellement, la version précédente devient obsolète.
   * @summary Valider une habilitation
   * @maxLength id 64
   */
  @Post('{id}/validation')
  @Response<ProblemeHttp>(404, 'Habilitation inconnue')
  @Response<ProblemeHttp>(409, 'Transition interdite depuis le statut actuel')
  public async valider(@Path() id: string, @Body() corps: MotifCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    return this.transition(id, 'validee', req, corps.motif);
  }

  /**
   * Refuser une habilitation soumise.
   * @summary Refuser une habilitation
   * @maxLength id 64
   */
  @Post('{id}/refus')
  @Response<ProblemeHttp>(404, 'Habilitation inconnue')
  @Response<ProblemeHttp>(409, 'Transition interdite depuis le statut actuel')
  public async refuser(@Path() id: string, @Body() corps: MotifObligatoireCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    return this.transition(id, 'refusee', req, corps.motif);
  }

  /**
   * Révoquer une habilitation validée : les jetons qu'elle fondait cessent d'ouvrir l'accès immédiatement.
   * @summary Révoquer une habilitation
   * @maxLength id 64
   */
  @Post('{id}/revocation')
  @Response<ProblemeHttp>(404, 'Habilitation inconnue')
  @Response<ProblemeHttp>(409, 'Transition interdite depuis le statut actuel')
  public async revoquer(@Path() id: string, @Body() corps: MotifObligatoireCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    return this.transition(id, 'revoquee', req, corps.motif);
  }

  /**
   * Renouveler une habilitation validée ou expirée : crée la version suivante, soumise ; la version
   * actuelle reste valable jusqu'à la validation de la nouvelle, puis devient obsolète.
   * @summary Renouveler une habilitation
   * @maxLength id 64
   */
  @Post('{id}/renouvellement')
  @SuccessResponse(201, 'Nouvelle version soumise')
  @Response<ProblemeHttp>(404, 'Habilitation inconnue')
  @Response<ProblemeHttp>(409, 'Habilitation ni validée ni expirée, ou renouvellement déjà en cours')
  @Response<ProblemeHttp>(422, 'Scopes non permis, dates incohérentes ou conservation longue non justifiée')
  public async renouveler(@Path() id: string, @Body() corps: ModificationHabilitationCorps, @Request() req: ExpressRequest): Promise<Habilitation> {
    const { motif, ...champs } = corps;
    const h = await renouvelerHabilitation(this.ctx.db, id, versChamps(champs), acteur(req), motif);
    this.setStatus(201);
    return h;
  }

  private transition(id: string, vers: TransitionDemandee, req: ExpressRequest, motif?: string): Promise<Habilitation> {
    return changerStatut(this.ctx.db, id, vers, acteur(req), motif);
  }
}
