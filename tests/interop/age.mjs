// A tiny age command over the official TypeScript implementation (npm age-encryption),
// an independent peer for Tomar's interop tests and for docs/RECOVERY.md.
//   node age.mjs keygen [--pq]            identity (AGE-SECRET-KEY-...) to stdout
//   node age.mjs recipient KEYFILE        the public key of the identity file's first key
//   node age.mjs encrypt -r RECIPIENT     stdin -> stdout
//   node age.mjs encrypt -p               stdin -> stdout, passphrase from $AGE_PASSPHRASE
//   node age.mjs decrypt -i KEYFILE       stdin -> stdout
//   node age.mjs decrypt -p               stdin -> stdout, passphrase from $AGE_PASSPHRASE
import { readFileSync, writeSync } from "node:fs";
import * as age from "age-encryption";

function keys(path) {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

function out(bytes) {
  let done = 0;
  while (done < bytes.length) done += writeSync(1, bytes, done);
}

function passphrase() {
  const p = process.env.AGE_PASSPHRASE;
  if (!p) throw new Error("set AGE_PASSPHRASE");
  return p;
}

const [cmd, flag, arg] = process.argv.slice(2);
if (cmd === "keygen") {
  const id = flag === "--pq" ? await age.generateHybridIdentity() : await age.generateX25519Identity();
  out(new TextEncoder().encode(id + "\n"));
} else if (cmd === "recipient") {
  out(new TextEncoder().encode((await age.identityToRecipient(keys(flag)[0])) + "\n"));
} else if (cmd === "encrypt") {
  const e = new age.Encrypter();
  if (flag === "-p") e.setPassphrase(passphrase());
  else e.addRecipient(arg);
  out(await e.encrypt(new Uint8Array(readFileSync(0))));
} else if (cmd === "decrypt") {
  const d = new age.Decrypter();
  if (flag === "-p") d.addPassphrase(passphrase());
  else for (const k of keys(arg)) d.addIdentity(k);
  out(await d.decrypt(new Uint8Array(readFileSync(0))));
} else {
  process.stderr.write("usage: node age.mjs keygen|recipient|encrypt|decrypt ...\n");
  process.exit(2);
}
