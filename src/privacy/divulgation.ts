import type { Request } from 'express';
import type { Contexte } from '../contexte';
import { habilitationPour, type Principal } from '../auth/principal';
import { Probleme } from '../http/problemes';
import { journalApplicatif } from '../http/journal-applicatif';
import type { HabilitationActive } from '../registry/habilitations';
import { aujourdhui } from '../horloge';
import { operationDuRegistre, type OperationRegistre } from '../registry/operations';
import { CHAMPS_PAR_SCOPE } from '../registry/scopes';
import { type EntreeAJournaliser, journaliser } from './journal';
import { champsDesScopes, compilerMasque, type Masque } from './masque';
import { type FinaliteDroits, filtrerParOppositionEtConsentement, oppositionApplicable, type ResultatFiltrage } from './opposition';
import { hacherPersonne, pseudonyme } from './pseudonyme';

/** What the caller declares of its call, journaled with it (API scolarité). */
export interface CadreDivulgation {
  /** API Entreprise's cadre: why the call is made, journaled. */
  contexte?: string;
  objet?: string;
  /** SIRET the data is for, when the caller names another administration. */
  siretDestinataire?: string;
}

/** A whole list disclosed, as its service knows it (internal ids: hashed here, never stored). */
export interface ListeDivulguee {
  type: string;
  cle: string;
  dateReference: string;
  generation: number;
  perimetre: string;
  /** Internal ids of the persons of the list withheld (opposition). */
  exclues: readonly string[];
  /** Persons disclosed: the list's size less the exclusions. */
  nombre: number;
}

/** The fields and compiled mask of a set of scopes: the registry's table is constant, so each set is compiled once. */
const masquesParScopes = new Map<string, { champs: string[]; masque: Masque }>();

function champsEtMasque(scopes: readonly string[]): { champs: string[]; masque: Masque } {
  const cle = scopes.join(' ');
  let m = masquesParScopes.get(cle);
  if (!m) {
    const champs = champsDesScopes(CHAMPS_PAR_SCOPE, scopes);
    masquesParScopes.set(cle, (m = { champs, masque: compilerMasque(champs) }));
  }
  return m;
}

/**
 * The one path data takes out of the gateway behind a scope:
 * registry (operation, habilitation, finalité) → opposition/consent → pseudonym + mask → journal → response.
 * Controllers build it from the authenticated principal and the operationId; services receive it.
 * Aggregates take the same path without the rights and the journal: only personal data is journaled.
 */
export class Divulgation {
  readonly operation: OperationRegistre;
  readonly habilitation: HabilitationActive;
  readonly scopes: string[];
  readonly champs: string[];
  private readonly masque: Masque;

  constructor(
    private readonly ctx: Contexte,
    readonly principal: Principal,
    private readonly requestId: string,
    operationId: string,
    private readonly cadre: CadreDivulgation = {},
  ) {
    this.operation = operationDuRegistre(operationId);
    if (this.operation.divulgation === 'aucune') throw new TypeError(`${operationId} ne divulgue rien : pas de Divulgation`);
    const detenus = this.operation.scopes.filter((s) => principal.scopes.includes(s));
    if (detenus.length === 0) throw new Probleme('scope_insuffisant');
    this.scopes = this.operation.exclusif ? [detenus[0]] : detenus;
    this.habilitation = habilitationPour(principal, this.scopes[0]);
    const { champs, masque } = champsEtMasque(this.scopes);
    this.champs = [...champs];
    this.masque = masque;
  }

  /** For a controller: the principal tsoa's authentication put on the request, and the request's id. */
  static depuis(ctx: Contexte, req: Request, operationId: string, cadre?: CadreDivulgation): Divulgation {
    return new Divulgation(ctx, req.user as Principal, String(req.res?.locals.requestId ?? ''), operationId, cadre);
  }

  /** The same disclosure with the cadre the caller declared, once its request is read (API scolarité). */
  dansLeCadre(cadre: CadreDivulgation): Divulgation {
    return new Divulgation(this.ctx, this.principal, this.requestId, this.operation.operation, cadre);
  }

  get siretDestinataire(): string {
    return this.cadre.siretDestinataire ?? this.principal.destinataire.siret;
  }

  /** The rights the habilitation's finalité gives the persons (opposition, consent). */
  get droits(): FinaliteDroits {
    const h = this.habilitation;
    return { code: h.finalite_code, base_rgpd: h.base_rgpd, opposition_applicable: h.opposition_applicable, consentement_requis: h.consentement_requis };
  }

  /** Whether opposition (6.1.e) or consent may exclude persons from what this finalité receives. */
  get exclusionsPossibles(): boolean {
    return Boolean(this.droits.consentement_requis) || oppositionApplicable(this.droits);
  }

  /** Opposition (6.1.e only) and consent (when the finalité requires it), as of `date` (today by default). */
  async filtrer(idsInternes: readonly string[], date = aujourdhui()): Promise<ResultatFiltrage> {
    this.exigerPersonnelles();
    return filtrerParOppositionEtConsentement(this.ctx.db, { finalite: this.droits, siret: this.siretDestinataire, date }, idsInternes);
  }

  /** Stable for this recipient, unlinkable across recipients. */
  pseudonyme(idInterne: string): string {
    return pseudonyme(this.ctx.config.cles.pseudonyme, idInterne, this.principal.destinataire.siret);
  }

  /** Only the fields of the scopes in use; anything unlisted is dropped. */
  masquer<T>(valeur: T): Partial<T> {
    return this.masque(valeur);
  }

  /**
   * Durably records the disclosure before any byte of it is sent, with the fields actually
   * present in it (`champsDivulgues` of what is sent). A failure becomes a 503: data never leaves unjournaled.
   */
  async journaliser(idsInternes: readonly string[], champs: readonly string[], resultat = 'communique'): Promise<void> {
    await this.ecrire({ champs: [...champs], personnes: idsInternes.map((id) => this.hacher(id)), resultat });
  }

  /**
   * A whole list, journaled as one entry of constant size: the list named (kind, key,
   * publication, generation, perimeter) and the few persons of it withheld, not every person
   * on it. The data-subject report joins the published list (listes-journalisees.ts).
   */
  async journaliserListe(liste: ListeDivulguee, champs: readonly string[]): Promise<void> {
    await this.ecrire({
      champs: [...champs],
      personnes: [],
      nombrePersonnes: liste.nombre,
      liste: {
        type: liste.type,
        cle: liste.cle,
        date_reference: liste.dateReference,
        generation: liste.generation,
        perimetre: liste.perimetre,
        exclues: liste.exclues.map((id) => this.hacher(id)),
      },
      resultat: 'communique',
    });
  }

  private hacher(idInterne: string): string {
    return hacherPersonne(this.ctx.config.cles.journal, idInterne);
  }

  private async ecrire(entree: Pick<EntreeAJournaliser, 'champs' | 'personnes' | 'liste' | 'nombrePersonnes' | 'resultat'>): Promise<void> {
    this.exigerPersonnelles();
    try {
      await journaliser(this.ctx.db, {
        requestId: this.requestId,
        clientId: this.principal.clientId,
        siret: this.siretDestinataire,
        api: this.operation.api,
        operation: this.operation.operation,
        finalite: this.habilitation.finalite_code,
        baseLegale: this.habilitation.base_legale,
        scopes: this.scopes,
        contexte: this.cadre.contexte ?? null,
        objet: this.cadre.objet ?? null,
        ...entree,
      });
    } catch (err) {
      journalApplicatif.error({ requestId: this.requestId, erreur: (err as Error).name }, 'journalisation impossible : réponse refusée');
      throw new Probleme('journal_indisponible', undefined, {}, { 'Retry-After': '5' });
    }
  }

  /** Rights and journal concern persons: an aggregate operation reaching them is a programming error. */
  private exigerPersonnelles(): void {
    if (this.operation.divulgation !== 'personnelles') throw new TypeError(`${this.operation.operation} publie des agrégats : ni droits ni journal`);
  }
}
