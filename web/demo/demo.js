// The demo page: a file chosen or dropped is checked here, by the same code the server
// runs (bulk-users compiled to WebAssembly), and nothing is sent anywhere.
import init, { check, template, errorsWorkbook, negotiateLanguage } from "../pkg/bulk_users.js";

const fileInput = document.getElementById("file");
const drop = document.getElementById("drop");
const templateButton = document.getElementById("template");
const markedButton = document.getElementById("marked");
const statusLine = document.getElementById("status");
const result = document.getElementById("result");

// Every sentence the crate writes is in the browser's language.
const options = { language: (navigator.languages || [navigator.language]).join(",") };

// The language the crate's sentences come in (set once the module is loaded), for the
// lang attribute of each sentence, so that a screen reader reads it in that language.
let messageLanguage = "en";

// The file shown now, kept for the marked workbook.
let current = null;

function element(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, value);
  }
  for (const child of children) {
    node.append(child);
  }
  return node;
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

function table(caption, headings, rows) {
  const head = element("tr", {}, ...headings.map((h) => element("th", { scope: "col" }, h)));
  return element(
    "table",
    {},
    element("caption", {}, caption),
    element("thead", {}, head),
    element("tbody", {}, ...rows),
  );
}

function showUsers(name, report) {
  result.className = "valid";
  const rows = report.users.map((user) =>
    element(
      "tr",
      { "data-row": String(user.row) },
      element("td", { class: "row" }, String(user.row)),
      element("td", {}, user.name),
      element("td", {}, user.email),
      element("td", {}, user.user_type),
      element("td", {}, user.site),
    ),
  );
  result.append(
    element("h2", { id: "result-title" }, `${plural(report.users.length, "user", "users")} ready`),
    element("p", {}, `Every row of ${name} is valid.`),
    table("Users", ["Row", "User name", "Email", "User type", "Site"], rows),
  );
}

function showProblems(name, report) {
  result.className = "problems";
  const rows = report.errors.map((error) =>
    element(
      "tr",
      {
        "data-row": error.row === null ? "" : String(error.row),
        "data-column": error.column === null ? "" : error.column,
        "data-code": error.code,
        ...(error.suggestion ? { "data-suggestion": error.suggestion } : {}),
      },
      element("td", { class: "row" }, error.row === null ? "—" : String(error.row)),
      element("td", {}, error.column === null ? "—" : error.column),
      element("td", {}, element("span", { lang: messageLanguage }, error.message), " ", element("code", {}, error.code)),
    ),
  );
  const count = plural(report.errors.length, "problem", "problems");
  result.append(
    element("h2", { id: "result-title" }, `${count} in ${name}`),
    element(
      "p",
      { class: "summary" },
      "Nothing was imported. Fix these in your spreadsheet and choose the file again, " +
        "or download it with every problem marked.",
    ),
    table("Problems", ["Row", "Column", "Problem"], rows),
  );
}

function showNotes(report) {
  if (report.notes.length === 0) {
    return;
  }
  const items = report.notes.map((note) =>
    element(
      "li",
      {},
      note.row === null ? "" : `Row ${note.row}: `,
      element("span", { lang: messageLanguage }, note.message),
    ),
  );
  result.append(element("ul", { class: "notes", "aria-label": "Notes" }, ...items));
}

async function checkFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const started = performance.now();
  let report;
  try {
    report = check(bytes, file.name, options);
  } catch (error) {
    statusLine.textContent = `The file could not be checked: ${error}`;
    return;
  }
  const elapsed = performance.now() - started;
  // Each file replaces what was shown for the one before.
  current = { name: file.name, bytes };
  result.replaceChildren();
  result.hidden = false;
  result.dataset.file = file.name;
  result.dataset.ms = elapsed.toFixed(2);
  if (report.errors.length === 0) {
    showUsers(file.name, report);
    markedButton.hidden = true;
  } else {
    showProblems(file.name, report);
    markedButton.hidden = false;
  }
  showNotes(report);
  statusLine.textContent = `Checked ${file.name} in ${elapsed.toFixed(1)} ms, in this browser.`;
  result.focus();
}

function download(bytes, name) {
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = element("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function baseName(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

fileInput.addEventListener("change", () => {
  const [file] = fileInput.files;
  if (file) {
    checkFile(file);
  }
  // Choosing the same file again (after fixing it) must check it again.
  fileInput.value = "";
});

drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  const [file] = event.dataTransfer.files;
  if (file) {
    checkFile(file);
  }
});

templateButton.addEventListener("click", () => {
  download(template(options), "users-template.xlsx");
});

markedButton.addEventListener("click", () => {
  if (current) {
    download(errorsWorkbook(current.bytes, current.name, options), `${baseName(current.name)}-problems.xlsx`);
  }
});

await init();
messageLanguage = negotiateLanguage(options.language);
fileInput.disabled = false;
templateButton.disabled = false;
statusLine.textContent = "Ready: choose a file.";
document.body.dataset.ready = "true";
