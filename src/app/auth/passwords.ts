import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is an ambient const enum, unusable under verbatimModuleSyntax; its value is 2.
const ARGON2ID = 2;

// argon2id with the library's defaults (19 MiB, 2 passes), the OWASP minimum for argon2id.
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash never matches; it is not the caller's error to see.
    return false;
  }
}
