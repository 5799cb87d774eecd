import type { Readable } from 'node:stream';
import { BOM, ligneCsv, TexteCsv } from '../privacy/csv';
import { fluxDeLignes } from './flux';

/** One spreadsheet column: its French header, the list field it reads (for the mask), and the cell. */
export interface ColonneCsv<E> {
  entete: string;
  champ: string;
  cellule: (e: Partial<E>) => unknown;
}

/** Codes with leading zeros (INSEE, postal, UAI) stay text in Excel. */
export const texteCsv = (valeur: string | null | undefined) => (valeur ? new TexteCsv(valeur) : null);

/** A column is shown when the caller's fields (the registry's mask) reach the field it reads. */
function colonnesVisibles<E>(colonnes: ReadonlyArray<ColonneCsv<E>>, champs: readonly string[]): Array<ColonneCsv<E>> {
  const atteint = (champ: string) => champs.some((c) => c === champ || champ.startsWith(`${c}.`) || c.startsWith(`${champ}.`));
  return colonnes.filter((c) => atteint(c.champ));
}

/** The whole list for French Excel, produced as the socket drains from pages of entries already filtered and journaled. */
export function csvDeLaListe<E>(colonnes: ReadonlyArray<ColonneCsv<E>>, champs: readonly string[], pages: AsyncIterable<ReadonlyArray<Partial<E>>>): Readable {
  const visibles = colonnesVisibles(colonnes, champs);
  async function* lignes(): AsyncGenerator<string[]> {
    yield [BOM + ligneCsv(visibles.map((c) => c.entete))];
    for await (const entrees of pages) yield entrees.map((e) => ligneCsv(visibles.map((c) => c.cellule(e))));
  }
  return fluxDeLignes(lignes());
}
