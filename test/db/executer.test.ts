import { executer, instruction, isPostgres, transaction, type Db } from '../../src/db/knex';
import { ouvrirBase } from '../support/base';

/**
 * The fast statement path (`executer`, `transaction`) must answer exactly as knex does, and
 * never slip a statement into someone else's transaction: on SQLite it shares knex's one
 * connection.
 */
describe('exécution directe des requêtes (executer, transaction)', () => {
  let db: Db;
  let fermer: () => Promise<void>;

  beforeAll(async () => {
    ({ db, fermer } = await ouvrirBase({ migrer: false }));
    await db.schema.createTable('essais', (t) => {
      t.integer('id').primary();
      t.string('nom').notNullable();
      t.boolean('actif').notNullable();
    });
  });

  afterAll(async () => {
    await fermer();
  });

  beforeEach(async () => {
    await db('essais').delete();
    await db('essais').insert([
      { id: 1, nom: 'un', actif: true },
      { id: 2, nom: 'deux', actif: false },
      { id: 3, nom: 'trois', actif: true },
    ]);
  });

  it('rend les mêmes lignes, la même première ligne et le même nombre de lignes modifiées que knex', async () => {
    const lignes = () => db('essais').where('actif', true).orderBy('id').select('id', 'nom');
    expect(await executer(db, lignes())).toEqual(await lignes());

    const premiere = () => db('essais').where('nom', 'deux').first('id');
    expect(await executer(db, premiere())).toEqual(await premiere());
    expect(await executer(db, db('essais').where('nom', 'aucun').first('id'))).toBeUndefined();

    const noms = () => db('essais').orderBy('id').pluck('nom');
    expect(await executer(db, noms())).toEqual(await noms());

    expect(await executer<number>(db, db('essais').where('id', 2).update({ nom: 'deux bis' }))).toBe(1);
    expect(await executer<number>(db, db('essais').where('actif', true).delete())).toBe(2);
    expect(await db('essais').pluck('nom')).toEqual(['deux bis']);
  });

  it('compile une instruction une fois et lui lie de nouvelles valeurs à chaque appel', async () => {
    let compilations = 0;
    const parNom = instruction<{ nom: string; actif: boolean }, Array<{ id: number }>>((base, p) => {
      compilations++;
      return base('essais').where({ nom: p.nom }).andWhere('actif', p.actif).select('id');
    });
    expect((await parNom(db, { nom: 'un', actif: true })).map((l) => Number(l.id))).toEqual([1]);
    expect((await parNom(db, { nom: 'deux', actif: false })).map((l) => Number(l.id))).toEqual([2]);
    expect(await parNom(db, { nom: 'deux', actif: true })).toEqual([]);
    expect(compilations).toBe(1);

    // A list would change the SQL's shape: refused rather than bound to one placeholder.
    await expect(parNom(db, { nom: ['un', 'deux'] as unknown as string, actif: true })).rejects.toThrow(/scalaire/);
    await expect(parNom(db, { nom: undefined as unknown as string, actif: true })).rejects.toThrow(/scalaire/);
  });

  it('annule toute la transaction quand une instruction échoue : rien n’est écrit à moitié', async () => {
    await expect(
      transaction(db, async (t) => {
        await t.executer(t.knex('essais').insert({ id: 4, nom: 'quatre', actif: true }));
        await t.executer(t.knex('essais').insert({ id: 1, nom: 'doublon', actif: true }));
      }),
      // The driver's error (its class may come from another test file's module registry: matched by code).
    ).rejects.toMatchObject({ code: expect.stringMatching(/^(SQLITE_CONSTRAINT|23505$)/) });
    expect((await db('essais').orderBy('id').pluck('id')).map(Number)).toEqual([1, 2, 3]);

    await transaction(db, async (t) => {
      await t.executer(t.knex('essais').insert({ id: 4, nom: 'quatre', actif: true }));
    });
    expect((await db('essais').orderBy('id').pluck('id')).map(Number)).toEqual([1, 2, 3, 4]);
  });

  it('ne lit jamais l’écriture non validée d’une transaction knex en cours', async () => {
    let inserer!: () => void;
    const insere = new Promise<void>((r) => (inserer = r));
    const enCours = db
      .transaction(async (trx) => {
        await trx('essais').insert({ id: 5, nom: 'provisoire', actif: true });
        inserer();
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('annulée');
      })
      .catch(() => 'annulée');
    await insere;
    const lus = await executer<{ id: number }[]>(db, db('essais').select('id'));
    expect(await enCours).toBe('annulée');
    expect(lus.map((l) => Number(l.id)).sort()).toEqual([1, 2, 3]);
  });

  (process.env.DATABASE_URL?.startsWith('postgres') ? it : it.skip)('sur PostgreSQL, prépare une fois par connexion chaque instruction nommée', async () => {
    expect(isPostgres(db)).toBe(true);
    const parId = instruction<{ id: number }, { nom: string } | undefined>((base, p) => base('essais').where('id', p.id).first('nom'));
    for (const id of [1, 2, 3, 1]) await parId(db, { id });
    // Sequential calls use one pooled connection: the statement is prepared there once.
    const preparees = await executer<Array<{ statement: string }>>(db, db('pg_prepared_statements').select('statement'));
    expect(preparees.filter((p) => /from "essais" where "id" = \$1/.test(p.statement))).toHaveLength(1);
  });
});
