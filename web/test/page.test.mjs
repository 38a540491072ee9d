// The demo page end to end, in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): files chosen one after another, each answer compared with what the
// native crate says of the same bytes (the CLI's --json), the two downloads, the time a
// 500-user file takes in the page, and no request off this machine.
//
// Run from web/ after build.sh: `npm test` (node --test). BULK_USERS_CLI names the
// native CLI binary (default: ../target/release/bulk-users, built when missing).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import { chromium } from "playwright-core";

const web = resolve(fileURLToPath(import.meta.url), "../..");
const root = resolve(web, "..");
const output = join(web, "test-output");
const cli = process.env.BULK_USERS_CLI || join(root, "target/release/bulk-users");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
};

let server;
let origin;
let browser;
let page;
// Every request the page made, and those that went anywhere but this server.
const requests = [];
const offMachine = [];

/** The native crate's answer for `bytes` saved as `name`, as the CLI prints it. */
function native(name, bytes, language = "en") {
  const path = join(output, name);
  writeFileSync(path, bytes);
  let out;
  try {
    out = execFileSync(cli, ["--json", "--lang", language, path], { encoding: "utf8" });
  } catch (error) {
    // Exit 1: problems found; the JSON is on standard output all the same.
    out = error.stdout;
  }
  return JSON.parse(out).files[0];
}

/** Chooses a file in the page and waits for its answer to replace the last one. */
async function choose(name, bytes) {
  await page.setInputFiles("#file", { name, mimeType: "application/octet-stream", buffer: Buffer.from(bytes) });
  await page.waitForFunction(
    (file) => document.getElementById("result").dataset.file === file,
    name,
  );
  return page.evaluate(() => {
    const result = document.getElementById("result");
    return {
      title: result.querySelector("h2").textContent,
      focused: document.activeElement === result,
      problems: [...result.querySelectorAll("tr[data-code]")].map((tr) => ({
        row: tr.dataset.row,
        column: tr.dataset.column,
        code: tr.dataset.code,
        suggestion: tr.dataset.suggestion ?? null,
        message: tr.children[2].firstChild.textContent,
        lang: tr.children[2].firstChild.lang,
      })),
      users: [...result.querySelectorAll("tbody tr:not([data-code])")].map((tr) =>
        [...tr.children].map((td) => td.textContent),
      ),
      ms: Number(result.dataset.ms),
    };
  });
}

/** The rows of the page's problem table that the native answer gives. */
function expectedProblems(report, lang = "fr") {
  return report.errors.map((e) => ({
    row: e.row === null ? "" : String(e.row),
    column: e.column === null ? "" : e.column,
    code: e.code,
    suggestion: e.suggestion ?? null,
    message: e.message,
    lang,
  }));
}

function expectedUsers(report) {
  return report.users.map((u) => [String(u.row), u.name, u.email, u.user_type, u.site]);
}

/** One entry of a zip, found through its central directory. */
function zipEntry(zip, wanted) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (name === wanted) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${wanted} is not in the zip`);
}

async function clickAndDownload(selector) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = join(output, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

before(async () => {
  mkdirSync(output, { recursive: true });
  if (!existsSync(cli)) {
    execFileSync("cargo", ["build", "--release", "-q", "-p", "bulk-users-cli"], { cwd: root, stdio: "inherit" });
  }
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    const file = join(web, path);
    if (!file.startsWith(web) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // The browser's language is French: every message the crate writes follows it.
  const context = await browser.newContext({ locale: "fr-FR", acceptDownloads: true });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(`${origin}/`) || url.startsWith("blob:") || url.startsWith("data:")) {
      return route.continue();
    }
    offMachine.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on("pageerror", (error) => assert.fail(`page error: ${error}`));
  await page.goto(`${origin}/demo/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === "true");
});

after(async () => {
  await browser?.close();
  server?.close();
});

const header = "User name*,Email*,User type,Site\n";

test("a valid file shows its users", async () => {
  const bytes = Buffer.from(`${header}Ada Lovelace,ada@Example.com,Privileged,London\nGrace Hopper,grace@example.com,,\n`);
  const shown = await choose("valid.csv", bytes);
  const report = native("valid.csv", bytes, "fr");
  assert.equal(shown.title, "2 users ready");
  assert.deepEqual(shown.users, expectedUsers(report));
  assert.deepEqual(shown.users[0], ["2", "Ada Lovelace", "ada@example.com", "Privileged", "London"]);
  assert.deepEqual(shown.problems, []);
  assert.equal(shown.focused, true, "the result takes the focus");
  assert.equal(await page.isHidden("#marked"), true);
});

test("a file with mistakes shows every problem as the native crate gives it, in French", async () => {
  const bytes = Buffer.from(
    `${header}Ada,ada@example.com,,\n,bob@example.com,,\nCy,cy(at)example.com,Admin,\n\nDi,ada@example.com,,=SUM(A1)\n`,
  );
  const shown = await choose("mistakes.csv", bytes);
  const report = native("mistakes.csv", bytes, "fr");
  assert.equal(shown.title, "5 problems in mistakes.csv");
  assert.deepEqual(shown.problems, expectedProblems(report));
  assert.deepEqual(
    shown.problems.map((p) => [p.row, p.column, p.code]),
    [
      ["3", "User name", "missing_value"],
      ["4", "Email", "invalid_email"],
      ["4", "User type", "invalid_user_type"],
      ["6", "Email", "duplicate_email"],
      ["6", "Site", "unsafe_value"],
    ],
  );
  assert.equal(await page.isVisible("#marked"), true);
  await page.screenshot({ path: join(output, "problems.png"), fullPage: true });
});

test("the file with its problems marked is the upload back, marked", async () => {
  const { name, bytes } = await clickAndDownload("#marked");
  assert.equal(name, "mistakes-problems.xlsx");
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04");
  // The native crate reads the downloaded workbook back to the same problems.
  const again = native("mistakes-problems.xlsx", bytes, "fr");
  assert.deepEqual(
    again.errors.map((e) => [e.row, e.column, e.code]),
    [
      [3, "User name", "missing_value"],
      [4, "Email", "invalid_email"],
      [4, "User type", "invalid_user_type"],
      [6, "Email", "duplicate_email"],
      [6, "Site", "unsafe_value"],
    ],
  );
});

test("real .xlsx and .ods files give the native answers", async () => {
  for (const file of ["openpyxl_errors.xlsx", "libreoffice_merged_cells.xlsx", "libreoffice_merged_cells.ods", "libreoffice.ods"]) {
    const bytes = readFileSync(join(root, "tests/data", file));
    const shown = await choose(file, bytes);
    const report = native(file, bytes, "fr");
    assert.deepEqual(shown.problems, expectedProblems(report), file);
    assert.deepEqual(shown.users, report.errors.length === 0 ? expectedUsers(report) : [], file);
  }
  // The merged Site shows on every row it covers, in the page as natively.
  const shown = await choose("merged.ods", readFileSync(join(root, "tests/data/libreoffice_merged_cells.ods")));
  assert.equal(shown.title, "6 users ready");
  assert.deepEqual(shown.users.map((u) => u[4]), ["London", "London", "London", "London", "Oslo", "Oslo"]);
});

test("each problem with one clear fix shows it, as the native crate suggests it", async () => {
  const bytes = Buffer.from(`${header}Ada,ada@gmailcom,Priviliged,\n`);
  const shown = await choose("typos.csv", bytes);
  const report = native("typos.csv", bytes, "fr");
  assert.deepEqual(shown.problems, expectedProblems(report));
  assert.deepEqual(
    shown.problems.map((p) => [p.row, p.code, p.suggestion]),
    [
      ["2", "invalid_email", "ada@gmail.com"],
      ["2", "invalid_user_type", "Privileged"],
    ],
  );
});

test("a file that is not a spreadsheet is a problem of the whole file", async () => {
  const bytes = Buffer.from([0x00, 0x01, 0x02, 0xff]);
  const shown = await choose("binary.csv", bytes);
  const report = native("binary.csv", bytes, "fr");
  assert.deepEqual(shown.problems, expectedProblems(report));
  assert.deepEqual(shown.problems.map((p) => [p.row, p.column, p.code]), [["", "", "unreadable_file"]]);
});

test("the template downloads, in French, and reads back as a header with no users", async () => {
  const { name, bytes } = await clickAndDownload("#template");
  assert.equal(name, "users-template.xlsx");
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04");
  const report = native("users-template.xlsx", bytes);
  assert.deepEqual(report.errors.map((e) => e.code), ["no_rows"]);
  // The header row is in the browser's language.
  const strings = zipEntry(bytes, "xl/sharedStrings.xml").toString("utf8");
  assert.ok(strings.includes("Nom d&apos;utilisateur*") || strings.includes("Nom d'utilisateur*"), strings);
});

test("500 users are checked in the page within 20 ms", async () => {
  let text = header;
  for (let i = 1; i <= 500; i++) {
    text += `User ${i},user${i}@example.com,${i % 7 === 0 ? "Privileged" : ""},Site ${i % 13}\n`;
  }
  const bytes = Buffer.from(text);
  const shown = await choose("five-hundred.csv", bytes);
  assert.equal(shown.title, "500 users ready");
  // The check alone, as the page calls it, timed in the page: the median of 21 runs.
  const times = await page.evaluate(async (csv) => {
    const module = await import("/pkg/bulk_users.js");
    const input = new TextEncoder().encode(csv);
    const runs = [];
    for (let i = 0; i < 21; i++) {
      const start = performance.now();
      const report = module.check(input, "five-hundred.csv", { language: "fr" });
      runs.push(performance.now() - start);
      if (report.users.length !== 500) throw new Error("not 500 users");
    }
    return runs.sort((a, b) => a - b);
  }, text);
  const median = times[10];
  console.log(`500-user CSV checked in the page: median ${median.toFixed(2)} ms, fastest ${times[0].toFixed(2)} ms, first (shown) ${shown.ms} ms`);
  assert.ok(median <= 20, `median ${median} ms`);
});

test("each file replaces the answer for the one before", async () => {
  await choose("mistakes-again.csv", Buffer.from(`${header}Ada,ada(at)example.com,,\n`));
  assert.equal(await page.locator("tr[data-code]").count(), 1);
  const shown = await choose("valid-again.csv", Buffer.from(`${header}Ada,ada@example.com,,\n`));
  assert.equal(shown.title, "1 user ready");
  assert.equal(await page.locator("tr[data-code]").count(), 0);
  assert.equal(await page.locator("#result table").count(), 1);
  assert.equal(await page.isHidden("#marked"), true);
});

test("the page works from the keyboard, its controls named by their labels", async () => {
  // The file input is found by its label's text, as a screen reader names it.
  assert.equal(await page.getByLabel("Choose a file of users").getAttribute("id"), "file");
  await page.evaluate(() => document.activeElement?.blur());
  const reached = [];
  for (let i = 0; i < 6 && !reached.includes("template"); i++) {
    await page.keyboard.press("Tab");
    reached.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName));
  }
  assert.deepEqual(reached.slice(0, 2), ["file", "template"]);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.equal(download.suggestedFilename(), "users-template.xlsx");
});

test("the JS API takes a Uint8Array or an ArrayBuffer, and throws a TypeError for anything else", async () => {
  const answers = await page.evaluate(async (csv) => {
    const { check } = await import("/pkg/bulk_users.js");
    const bytes = new TextEncoder().encode(csv);
    const fromArray = check(bytes, "u.csv").users.length;
    const fromBuffer = check(bytes.buffer, "u.csv").users.length;
    const thrown = [];
    for (const wrong of [csv, 42, null, new Blob([csv])]) {
      try {
        check(wrong, "u.csv");
        thrown.push("nothing");
      } catch (error) {
        thrown.push(error.constructor.name);
      }
    }
    return { fromArray, fromBuffer, thrown };
  }, `${header}Ada,ada@example.com,,\n`);
  assert.deepEqual(answers, { fromArray: 1, fromBuffer: 1, thrown: ["TypeError", "TypeError", "TypeError", "TypeError"] });
});

test("the page made no request off this machine", () => {
  assert.ok(requests.some((url) => url.endsWith("/pkg/bulk_users_bg.wasm")), requests.join("\n"));
  assert.deepEqual(offMachine, []);
});
