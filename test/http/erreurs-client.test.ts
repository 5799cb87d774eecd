import http from 'node:http';
import net from 'node:net';
import { repondreErreurClient } from '../../src/http/problemes';

/** What the parser rejects never reaches express; the gateway still answers with a problem document. */
async function envoyerBrut(port: number, requete: string): Promise<string> {
  return new Promise((resoudre, rejeter) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(requete));
    let recu = '';
    socket.on('data', (d) => (recu += d.toString('utf8')));
    socket.on('end', () => resoudre(recu));
    socket.on('error', rejeter);
  });
}

describe('requests rejected by the HTTP parser', () => {
  let serveur: http.Server;
  let port: number;
  beforeAll(async () => {
    serveur = http.createServer((_req, res) => res.end('ok')).on('clientError', repondreErreurClient);
    await new Promise<void>((r) => serveur.listen(0, '127.0.0.1', r));
    port = (serveur.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => serveur.close(() => r())));

  it('oversized headers get 431 problem+json', async () => {
    const rep = await envoyerBrut(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Gros: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(rep).toMatch(/^HTTP\/1\.1 431 /);
    expect(rep).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(rep.split('\r\n\r\n')[1])).toMatchObject({ status: 431, code: 'entetes_trop_volumineux' });
  });

  it('a malformed request line gets 400 problem+json', async () => {
    const rep = await envoyerBrut(port, 'N\u0000IMPORTE QUOI\r\n\r\n');
    expect(rep).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(rep.split('\r\n\r\n')[1])).toMatchObject({ status: 400, code: 'requete_invalide' });
  });
});
