/**
 * W3C XML widget signatures (https://www.w3.org/TR/widgets-digsig/) as Tizen installs them:
 * `author-signature.xml` (role author, covers every file but the signatures) and `signature1.xml`
 * (role distributor, also covers author-signature.xml). The algorithms are the ones Samsung's own
 * tools write: SHA-512 digests, RSA-SHA512, SignedInfo in Exclusive XML Canonicalization, the
 * signature-properties Object (`#prop`) referenced through Canonical XML 1.1.
 *
 * The XML is written by this module in canonical form already (explicit end tags, attributes in
 * canonical order, no XML declaration inside the signed parts), so canonicalizing a part is adding the
 * in-scope namespace declaration to its apex element; `xmlsec1 --verify` in the tests checks every
 * digest and signature against an independent implementation.
 */
import { createHash, createPrivateKey, createSign, type KeyObject } from 'node:crypto';

export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const DSP_NS = 'http://www.w3.org/2009/xmldsig-properties';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const C14N11 = 'http://www.w3.org/2006/12/xml-c14n11';
const RSA_SHA512 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512';
const SHA512 = 'http://www.w3.org/2001/04/xmlenc#sha512';

export type SignatureRole = 'author' | 'distributor';

export interface SigningIdentity {
  key: KeyObject;
  /** PEM certificates, the signer's first, then its issuers (the TV checks the chain). */
  certificates: string[];
}

export interface PackageFile {
  /** Path inside the package, `/`-separated. */
  path: string;
  data: Buffer;
}

/** The signature file a role writes. */
export const signatureFileName = (role: SignatureRole): string =>
  role === 'author' ? 'author-signature.xml' : 'signature1.xml';

/** Signature files never sign themselves (W3C widgets-digsig: all files except signature files). */
export function isSignatureFile(path: string): boolean {
  return path === 'author-signature.xml' || /^signature[1-9][0-9]*\.xml$/.test(path);
}

/** Files a role's signature must reference. */
export function filesToSign(role: SignatureRole, files: PackageFile[]): PackageFile[] {
  return files.filter((f) =>
    role === 'author' ? !isSignatureFile(f.path) : !isSignatureFile(f.path) || f.path === 'author-signature.xml',
  );
}

const wrap76 = (base64: string): string => base64.replace(/(.{76})(?=.)/g, '$1\n');
const sha512 = (data: Buffer | string): string => createHash('sha512').update(data).digest('base64');

/** Attribute-value escaping as Canonical XML renders it. */
function attr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

/** A package path as a Reference URI: each segment percent-encoded, like the widget's zip names. */
export function referenceUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** The Object with the signature properties (profile, role, identifier), in canonical form. */
function propertiesObject(signatureId: string, role: SignatureRole, apexNamespace: boolean): string {
  const target = `#${signatureId}`;
  return (
    `<Object${apexNamespace ? ` xmlns="${DSIG_NS}"` : ''} Id="prop">` +
    `<SignatureProperties xmlns:dsp="${DSP_NS}">` +
    `<SignatureProperty Id="profile" Target="${target}"><dsp:Profile URI="http://www.w3.org/ns/widgets-digsig#profile"></dsp:Profile></SignatureProperty>` +
    `<SignatureProperty Id="role" Target="${target}"><dsp:Role URI="http://www.w3.org/ns/widgets-digsig#role-${role}"></dsp:Role></SignatureProperty>` +
    `<SignatureProperty Id="identifier" Target="${target}"><dsp:Identifier></dsp:Identifier></SignatureProperty>` +
    `</SignatureProperties></Object>`
  );
}

function reference(uri: string, digest: string, c14n11: boolean): string {
  return (
    `<Reference URI="${attr(uri)}">\n` +
    (c14n11 ? `<Transforms>\n<Transform Algorithm="${C14N11}"></Transform>\n</Transforms>\n` : '') +
    `<DigestMethod Algorithm="${SHA512}"></DigestMethod>\n` +
    `<DigestValue>${wrap76(digest)}</DigestValue>\n` +
    `</Reference>\n`
  );
}

/** Body of a PEM certificate for X509Certificate. */
function certificateBody(pem: string): string {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(body)) throw new Error('not a PEM certificate');
  return wrap76(body);
}

/** The signature XML of `role` over `files` (pass the package's files; the role picks what it signs). */
export function widgetSignature(role: SignatureRole, files: PackageFile[], identity: SigningIdentity): string {
  if (identity.certificates.length === 0) throw new Error(`no certificate for the ${role} signature`);
  const id = role === 'author' ? 'AuthorSignature' : 'DistributorSignature';
  const signed = filesToSign(role, files)
    .slice()
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // The distributor signs the author signature first, as Samsung's tools order it.
  signed.sort((a, b) => Number(b.path === 'author-signature.xml') - Number(a.path === 'author-signature.xml'));
  let references = '';
  for (const f of signed) references += reference(referenceUri(f.path), sha512(f.data), false);
  references += reference('#prop', sha512(propertiesObject(id, role, true)), true);

  const signedInfoBody =
    `\n<CanonicalizationMethod Algorithm="${EXC_C14N}"></CanonicalizationMethod>\n` +
    `<SignatureMethod Algorithm="${RSA_SHA512}"></SignatureMethod>\n` +
    references;
  const canonicalSignedInfo = `<SignedInfo xmlns="${DSIG_NS}">${signedInfoBody}</SignedInfo>`;
  const value = createSign('RSA-SHA512').update(canonicalSignedInfo).sign(identity.key, 'base64');

  const certificates = identity.certificates
    .map((pem) => `<X509Certificate>\n${certificateBody(pem)}\n</X509Certificate>`)
    .join('\n');
  return (
    `<Signature xmlns="${DSIG_NS}" Id="${id}">\n` +
    `<SignedInfo>${signedInfoBody}</SignedInfo>\n` +
    `<SignatureValue>\n${wrap76(value)}\n</SignatureValue>\n` +
    `<KeyInfo>\n<X509Data>\n${certificates}\n</X509Data>\n</KeyInfo>\n` +
    `${propertiesObject(id, role, false)}\n` +
    `</Signature>\n`
  );
}

/** Sign a package: returns its files plus author-signature.xml and signature1.xml. */
export function signWidget(files: PackageFile[], author: SigningIdentity, distributor: SigningIdentity): PackageFile[] {
  const content = files.filter((f) => !isSignatureFile(f.path));
  const authorXml: PackageFile = {
    path: signatureFileName('author'),
    data: Buffer.from(widgetSignature('author', content, author), 'utf8'),
  };
  const withAuthor = content.concat(authorXml);
  const distributorXml: PackageFile = {
    path: signatureFileName('distributor'),
    data: Buffer.from(widgetSignature('distributor', withAuthor, distributor), 'utf8'),
  };
  return withAuthor.concat(distributorXml);
}

/** A private key from PEM text (PKCS#1 or PKCS#8). */
export function privateKeyFromPem(pem: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem' });
}
