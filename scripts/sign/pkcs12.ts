/**
 * Signing identities from PKCS#12 files (.p12), as Samsung issues author and distributor certificates.
 * node-forge reads them directly: both the legacy encryption Tizen Studio's certificate manager writes
 * (RC2/3DES) and OpenSSL 3's defaults (AES, PBKDF2), which OpenSSL 3 itself refuses without -legacy.
 */
import forge from 'node-forge';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SigningIdentity } from './widget-signature';

export class Pkcs12Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

type ForgeCert = forge.pki.Certificate;

/** The signer's certificate first (the one matching the key), then its issuers in chain order. */
function orderChain(certs: ForgeCert[], key: forge.pki.rsa.PrivateKey): ForgeCert[] {
  const matches = (c: ForgeCert): boolean => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return Boolean(pub && pub.n && pub.n.equals(key.n) && pub.e.equals(key.e));
  };
  const leaf = certs.filter(matches)[0];
  if (!leaf) throw new Pkcs12Error('no certificate in the file matches its private key');
  const chain = [leaf];
  let current = leaf;
  for (let i = 0; i < certs.length; i++) {
    const issuer = certs.filter((c) => chain.indexOf(c) < 0 && current.isIssuer(c))[0];
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

export function readPkcs12(der: Buffer, password: string, label = 'PKCS#12 file'): SigningIdentity {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, password);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new Pkcs12Error(`${label}: cannot open it (${/MAC|password/i.test(reason) ? 'wrong password?' : reason})`);
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const found = keyBags.map((b) => b.key).filter((k) => Boolean(k))[0];
  const key = found && typeof found === 'object' && 'n' in found ? (found as forge.pki.rsa.PrivateKey) : undefined;
  if (!key) throw new Pkcs12Error(`${label}: no private key inside (is it an RSA key in a .p12?)`);
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((b) => b.cert)
    .filter((c): c is ForgeCert => Boolean(c));
  if (certs.length === 0) throw new Pkcs12Error(`${label}: no certificate inside`);
  let chain: ForgeCert[];
  try {
    chain = orderChain(certs, key);
  } catch (e) {
    throw new Pkcs12Error(`${label}: ${(e as Error).message}`);
  }
  return {
    key: createPrivateKey({ key: forge.pki.privateKeyToPem(key), format: 'pem' }),
    certificates: chain.map((c) => forge.pki.certificateToPem(c)),
  };
}

export function readPkcs12File(file: string, password: string): SigningIdentity {
  let der: Buffer;
  try {
    der = readFileSync(file);
  } catch (e) {
    throw new Pkcs12Error(`${file}: cannot read it (${(e as Error).message})`);
  }
  return readPkcs12(der, password, file);
}
