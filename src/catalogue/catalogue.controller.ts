import { Controller, Get, Route, Tags } from '@tsoa/runtime';
import type { Contexte } from '../contexte';
import { construireCatalogue, type ApiCatalogue } from './catalogue';

export interface Catalogue {
  apis: ApiCatalogue[];
}

@Route('catalogue')
@Tags('Catalogue')
export class CatalogueController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Les API de la passerelle, leurs scopes, les champs que chaque scope révèle, le traitement
   * et sa base légale, et les catégories de destinataires qui peuvent obtenir chaque scope.
   * Public : aucune authentification.
   */
  @Get()
  public async catalogue(): Promise<Catalogue> {
    return { apis: await construireCatalogue(this.ctx.db) };
  }
}
