// Verifies the SDK's envelopes with node `jose` doing the checks a receiver needs: parse the JWS JSON, decode the
// protected header, allow-list the algorithm, parse the x5c certificates, check the leaf was issued and signed by the
// trusted CA and is within its validity, verify the signature, parse the payload JSON.
//
// Usage: node jose_verify.mjs <jose module directory> <ca.pem> <envelopes.jsonl> [seconds] [cache|nocache]
//   <jose module directory>: where `npm install jose` put the package (…/node_modules/jose)
//   cache: remember a checked leaf certificate (keyed by its base64 DER) as the SDK remembers a checked path
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [joseDir, caFile, envFile, secondsArg, mode] = process.argv.slice(2);
const jose = await import(pathToFileURL(path.join(joseDir, 'dist/node/esm/index.js')).href);
const ca = new X509Certificate(readFileSync(caFile));
const envelopes = readFileSync(envFile, 'utf8').split('\n').filter((l) => l.length > 0);
const seconds = Number(secondsArg ?? 10);
const useCache = (mode ?? 'cache') === 'cache';
const allowed = ['ES256', 'EdDSA'];
const keys = new Map();

async function verifyOne(text) {
  const jws = JSON.parse(text);
  const header = JSON.parse(Buffer.from(jws.protected, 'base64url').toString('utf8'));
  if (!allowed.includes(header.alg)) throw new Error('algorithm ' + header.alg);
  if (!Array.isArray(header.x5c) || header.x5c.length === 0) throw new Error('no x5c');
  let key = useCache ? keys.get(header.x5c[0]) : undefined;
  if (key === undefined) {
    const leaf = new X509Certificate(Buffer.from(header.x5c[0], 'base64'));
    for (let i = 1; i < header.x5c.length; i++) new X509Certificate(Buffer.from(header.x5c[i], 'base64'));
    const now = Date.now();
    if (!leaf.checkIssued(ca) || !leaf.verify(ca.publicKey)) throw new Error('leaf not issued by the CA');
    if (now < Date.parse(leaf.validFrom) || now > Date.parse(leaf.validTo)) throw new Error('leaf not valid now');
    key = leaf.publicKey;
    if (useCache) keys.set(header.x5c[0], key);
  }
  const { payload } = await jose.flattenedVerify(jws, key, { algorithms: allowed });
  return JSON.parse(Buffer.from(payload).toString('utf8'));
}

async function run(ms) {
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    await verifyOne(envelopes[n % envelopes.length]);
    n++;
  }
  return n;
}

await run(Math.min(5000, seconds * 500));             // warm-up
const t0 = performance.now();
const n = await run(seconds * 1000);
const elapsed = (performance.now() - t0) / 1000;
console.log(`jose ${process.versions.node} ${path.basename(envFile)} ${useCache ? 'cache' : 'nocache'}: ` +
  `${n} verifications in ${elapsed.toFixed(1)} s, ${(n / elapsed).toFixed(1)} ops/s`);
