import { citizenClaims, signInCitizen } from '../../src/identity/citizen-sign-in.ts';
import { sandboxCitizens, sandboxClaims } from '../../src/identity/sandbox/accounts.ts';
import type { Db } from '../../src/platform/db/client.ts';

/** Signs a sandbox citizen in directly (the first is Nguyễn Văn An, CCCD 079090001234); answers the session token. */
export async function signInDemoCitizen(db: Db, now: Date, index = 0): Promise<string> {
  const an = sandboxCitizens[index];
  if (!an) throw new Error(`no demo citizen #${index}`);
  const citizen = await signInCitizen(
    db,
    { issuer: 'https://vneid.example', claims: citizenClaims.parse(sandboxClaims(an)), now },
    { kind: 'anonymous', id: null },
  );
  return citizen.session.token;
}
