// <bulk-users-upload>: the whole upload step of adding users from a spreadsheet, for a
// page with no framework and no build step. It takes a file, checks it in the page
// exactly as the server will (the bulk-users crate, in a Web Worker), shows every user
// in a grid with each problem beside its cell, lets the person correct, delete and add
// rows, checking the whole list again at each edit, and when nothing is wrong fires
// `bulk-users-ready` with the users and the CSV to submit. Nothing is sent anywhere.
//
//   <link rel="stylesheet" href="bulk-users-upload.css">
//   <script type="module" src="bulk-users-upload.js"></script>
//   <bulk-users-upload language="fr" max-rows="500"></bulk-users-upload>
//
// The DOM it keeps (light DOM, so a page styles it and a test reads it): an
// input[type=file]; a table whose body cells carry data-row (the file's row number) and
// data-column (User name, Email, User type, Site) and hold the input a person types
// into; a cell with a problem has aria-invalid="true" and the problem's text beside
// its input (.bu-problem, with data-code), its input described by it; a status line
// (role=status) that counts what is left to fix.

import { WORDS } from "./words.js";

/** The grid's columns: the crate's canonical name and the table's field. */
const COLUMNS = [
  ["User name", "name"],
  ["Email", "email"],
  ["User type", "user_type"],
  ["Site", "site"],
];

/** Rows in each `tbody`. Each body is drawn on a layer of its own (the style sheet's
 * `will-change`), so a row that grows or shrinks after an edit moves the bodies below
 * it, not every row of the list one by one. */
const ROWS_PER_BODY = 50;

/** What the file had that the grid leaves out, as the file's report says. */
const LEFT_OUT = new Set(["unknown_column", "duplicate_column", "extra_value", "example_row"]);

/** Attributes that set options, and how their text becomes the option's value. */
const ATTRIBUTES = {
  language: ["language", String],
  "max-rows": ["max_rows", Number],
  "max-bytes": ["max_bytes", Number],
  "default-site": ["default_site", String],
  "default-user-type": ["default_user_type", String],
  "allowed-sites": ["allowed_sites", (text) => text.split(",").map((s) => s.trim()).filter(Boolean)],
  "allowed-email-domains": ["allowed_email_domains", (text) => text.split(",").map((s) => s.trim()).filter(Boolean)],
};

let instances = 0;

/** Saves bytes as a file the person downloads. */
function download(bytes, name, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(properties)) {
    if (key.startsWith("data-") || key.startsWith("aria-") || key === "role" || key === "for" || key === "scope") {
      node.setAttribute(key, value);
    } else {
      node[key] = value;
    }
  }
  node.append(...children);
  return node;
}

export class BulkUsersUpload extends HTMLElement {
  static observedAttributes = Object.keys(ATTRIBUTES);

  #options = {};
  #worker = null;
  #calls = new Map();
  #nextCall = 0;
  #id = `bu${++instances}`;
  #words = WORDS.en;
  #language = "en";
  #names = COLUMNS.map(([name]) => name);
  #file = null;
  #table = null;
  #rows = new Map();
  #marked = [];
  #checks = 0;
  #builds = 0;
  #report = null;
  #parts = null;

  /** The options a page sets in code: the crate's settings (snake_case, as `check`
   * takes them); attributes are added over them. Set while a grid is shown, they
   * apply to the grid as the person has it. */
  get options() {
    return { ...this.#options };
  }

  set options(value) {
    this.#options = { ...(value ?? {}) };
    this.#reload();
  }

  /** The last report shown: of the file as chosen, then of the grid after each edit. */
  get report() {
    return this.#report;
  }

  connectedCallback() {
    if (this.#parts) {
      return;
    }
    this.#worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.#worker.addEventListener("message", ({ data }) => {
      const call = this.#calls.get(data.id);
      this.#calls.delete(data.id);
      if (data.error) {
        const error = new (data.error.name === "TypeError" ? TypeError : Error)(data.error.message);
        call?.reject(error);
      } else {
        call?.resolve(data.result);
      }
    });
    this.#build();
    this.#reload();
  }

  disconnectedCallback() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#parts = null;
    this.replaceChildren();
  }

  attributeChangedCallback() {
    if (this.#parts) {
      this.#reload();
    }
  }

  /** The options in effect: the object's, then the attributes', then the browser's language. */
  #settings() {
    const settings = { ...this.#options };
    for (const [attribute, [key, read]] of Object.entries(ATTRIBUTES)) {
      if (this.hasAttribute(attribute)) {
        settings[key] = read(this.getAttribute(attribute));
      }
    }
    settings.language ??= navigator.languages.join(",");
    return settings;
  }

  /** One call of the checker in the worker. */
  #call(call, ...args) {
    const id = this.#nextCall++;
    return new Promise((resolve, reject) => {
      this.#calls.set(id, { resolve, reject });
      this.#worker.postMessage({ id, call, args });
    });
  }

  #build() {
    const id = this.#id;
    const input = element("input", {
      type: "file",
      id: `${id}-file`,
      accept: ".csv,.tsv,.txt,.xlsx,.xlsm,.ods",
      disabled: true,
      "aria-describedby": `${id}-hint`,
    });
    const label = element("label", { for: `${id}-file` });
    const hint = element("p", { id: `${id}-hint`, className: "bu-hint" });
    const drop = element("div", { className: "bu-drop" }, label, input, hint);
    const template = element("button", { type: "button", className: "bu-template", disabled: true });
    const marked = element("button", { type: "button", className: "bu-marked", hidden: true });
    const status = element("p", { role: "status", "aria-live": "polite", className: "bu-status" });
    const notes = element("div", { className: "bu-notes", hidden: true });
    const leftOut = element("div", { className: "bu-left-out", hidden: true });
    const problems = element("ul", { className: "bu-problems", hidden: true });
    const grid = element("table", { className: "bu-grid", hidden: true });
    const add = element("button", { type: "button", className: "bu-add", hidden: true });
    const root = element(
      "div",
      { className: "bu-root" },
      drop,
      element("p", { className: "bu-downloads" }, template, " ", marked),
      status,
      notes,
      leftOut,
      problems,
      grid,
      add,
    );
    this.#parts = { root, input, label, hint, drop, template, marked, status, notes, leftOut, problems, grid, add };
    this.replaceChildren(root);
    this.dataset.state = "loading";

    input.addEventListener("change", () => {
      const file = input.files?.[0];
      if (file) {
        this.#choose(file);
      }
    });
    drop.addEventListener("dragover", (event) => {
      event.preventDefault();
      drop.classList.add("bu-over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("bu-over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("bu-over");
      const file = event.dataTransfer?.files?.[0];
      if (file && !input.disabled) {
        this.#choose(file);
      }
    });
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    template.addEventListener("click", () => {
      this.#call("template", this.#settings())
        .then((bytes) => download(bytes, "users-template.xlsx", xlsx))
        .catch((error) => this.#fail(error));
    });
    marked.addEventListener("click", () => {
      const settings = this.#settings();
      const { name, bytes } = this.#file;
      const made = this.#table
        ? this.#call("tableErrorsWorkbook", this.#table, settings)
        : this.#call("errorsWorkbook", bytes, name, settings);
      made
        .then((workbook) => download(workbook, `${name.replace(/\.[^.]*$/, "")}-problems.xlsx`, xlsx))
        .catch((error) => this.#fail(error));
    });
    add.addEventListener("click", () => this.#addRow());
    grid.addEventListener("input", (event) => {
      const cell = event.target.closest("td[data-column]");
      if (!cell) {
        return;
      }
      const row = this.#rows.get(Number(cell.dataset.row));
      const field = COLUMNS.find(([name]) => name === cell.dataset.column)?.[1];
      if (row && field) {
        row.data[field] = event.target.value;
        this.#recheck();
      }
    });
    grid.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button) {
        return;
      }
      if (button.classList.contains("bu-fix")) {
        const cell = button.closest("td[data-column]");
        const input = cell.querySelector("input");
        input.value = button.dataset.suggestion;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.focus();
      } else if (button.classList.contains("bu-delete")) {
        this.#deleteRow(Number(button.closest("tr").dataset.row));
      }
    });
  }

  /** The language and the words for the options in effect; the file checked again. */
  async #reload() {
    if (!this.#worker) {
      return;
    }
    const settings = this.#settings();
    try {
      this.#language = await this.#call("negotiateLanguage", settings.language);
      this.#names = await this.#call("columnNames", settings.language);
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#words = WORDS[this.#language] ?? WORDS.en;
    const words = this.#words;
    const parts = this.#parts;
    parts.root.lang = this.#language;
    parts.label.textContent = words.choose;
    parts.hint.textContent = words.hint;
    parts.template.textContent = words.template;
    parts.marked.textContent = words.marked;
    parts.add.textContent = words.add;
    parts.input.disabled = false;
    parts.template.disabled = false;
    if (this.#table) {
      // The grid as the person has it, edits kept, in the words and with the checks of
      // the options as they now are.
      if (await this.#buildGrid()) {
        await this.#recheck();
      }
    } else if (this.#file) {
      await this.#open();
    } else {
      parts.status.textContent = words.start;
      this.dataset.state = "ready";
    }
  }

  #fail(error) {
    console.error(error);
    this.#parts.status.textContent = String(error.message ?? error);
    this.dataset.state = "failed";
  }

  async #choose(file) {
    // A file over the byte limit is refused by its size, never read into memory.
    const refused = await this.#call("sizeRefusal", file.size, this.#settings()).catch((error) => this.#fail(error));
    if (refused) {
      this.#file = null;
      this.#table = null;
      this.#showNotes(refused);
      this.#showLeftOut([]);
      await this.#buildGrid();
      this.#show(refused);
      this.dataset.file = file.name;
      this.dataset.state = "shown";
      return;
    }
    this.#file = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    await this.#open();
  }

  /** Checks the chosen file and shows its grid, or its problems when it has none. */
  async #open() {
    const { name, bytes } = this.#file;
    const parts = this.#parts;
    this.dataset.state = "checking";
    parts.status.textContent = this.#words.checking(name);
    const checks = ++this.#checks;
    let opened;
    try {
      opened = await this.#call("open", bytes, name, this.#settings());
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (checks !== this.#checks) {
      return;
    }
    this.#table = opened.table;
    this.#showNotes(opened.report);
    this.#showLeftOut(opened.table ? opened.report.errors.filter((e) => LEFT_OUT.has(e.code)) : []);
    // Drawn first, then checked: the marks go on the cells of every row. An edit made
    // while the grid is drawn is checked again with the rest below.
    if (!(await this.#buildGrid())) {
      return;
    }
    // Another file chosen while this grid was drawn, and still being read: it is shown,
    // not this one (a check of this grid would make that file's answer stale).
    if (checks !== this.#checks) {
      return;
    }
    if (this.#table) {
      await this.#recheck();
    } else {
      this.#show(opened.report);
    }
    this.dataset.file = name;
    this.dataset.state = "shown";
  }

  /** What was assumed while reading the file (its encoding, joined names, skipped
   * title rows…), so that the person can tell whether it was read as they meant. */
  #showNotes(report) {
    const { notes } = this.#parts;
    notes.hidden = report.notes.length === 0;
    notes.replaceChildren();
    if (report.notes.length > 0) {
      const items = report.notes.map((note) => {
        const item = element("li", { "data-code": note.code, lang: report.language });
        if (note.row !== null) {
          item.dataset.row = note.row;
        }
        item.append(note.row === null ? "" : this.#words.atRow(note.row), note.message);
        return item;
      });
      notes.append(element("p", { textContent: this.#words.notes }), element("ul", {}, ...items));
    }
  }

  #showLeftOut(errors) {
    const { leftOut } = this.#parts;
    leftOut.hidden = errors.length === 0;
    leftOut.replaceChildren();
    if (errors.length > 0) {
      leftOut.append(
        element("p", { textContent: this.#words.leftOut }),
        element("ul", {}, ...errors.map((error) => this.#listed(error))),
      );
    }
  }

  /** A problem that has no cell of the grid, as a list item. */
  #listed(error) {
    const item = element("li", { "data-code": error.code, lang: this.#language });
    if (error.row !== null) {
      item.dataset.row = error.row;
    }
    if (error.column !== null) {
      item.dataset.column = error.column;
    }
    item.append(error.row === null ? "" : this.#words.atRow(error.row), error.message);
    return item;
  }

  /** Draws the grid of the table, a body of rows at a time, each in a task of its own so
   * that a long list never holds the page for one long frame. `false` when another
   * grid was asked for before this one was done. */
  async #buildGrid() {
    const build = ++this.#builds;
    const { grid, add } = this.#parts;
    const words = this.#words;
    this.#rows.clear();
    this.#marked = [];
    grid.replaceChildren();
    grid.hidden = !this.#table;
    add.hidden = !this.#table;
    if (!this.#table) {
      return true;
    }
    const head = element(
      "tr",
      {},
      element("th", { scope: "col", textContent: words.row }),
      ...this.#names.map((name, index) =>
        element("th", { scope: "col", textContent: name, "data-column": COLUMNS[index][0] }),
      ),
      element("th", { scope: "col" }, element("span", { className: "bu-hidden", textContent: words.actions })),
    );
    grid.append(element("caption", { textContent: words.caption(this.#file.name) }), element("thead", {}, head));
    const rows = this.#table.rows;
    // One body even when there is no row: a row added goes into it.
    for (let start = 0; start === 0 || start < rows.length; start += ROWS_PER_BODY) {
      if (start > 0) {
        await new Promise((next) => setTimeout(next, 0));
        if (build !== this.#builds) {
          return false;
        }
      }
      grid.append(element("tbody", {}, ...rows.slice(start, start + ROWS_PER_BODY).map((data) => this.#rowElement(data))));
    }
    return true;
  }

  #rowElement(data) {
    const words = this.#words;
    const number = data.row;
    const tr = element("tr", { "data-row": number }, element("th", { scope: "row", textContent: String(number) }));
    const cells = new Map();
    COLUMNS.forEach(([column, field], index) => {
      const input = element("input", {
        type: "text",
        value: data[field],
        spellcheck: false,
        autocomplete: "off",
        "aria-label": `${this.#names[index]}, ${words.row.toLowerCase()} ${number}`,
      });
      // The input and its problems in a box the browser skips while it is off screen
      // (content-visibility), so that an edit in a list of hundreds redraws what is seen.
      const cell = element("td", { "data-row": number, "data-column": column }, element("div", { className: "bu-cell" }, input));
      cells.set(column, cell);
      tr.append(cell);
    });
    const remove = element("button", {
      type: "button",
      className: "bu-delete",
      textContent: words.remove,
      "aria-label": words.removeRow(number),
    });
    tr.append(element("td", { className: "bu-actions" }, remove));
    this.#rows.set(number, { data, tr, cells });
    return tr;
  }

  #addRow() {
    const table = this.#table;
    const last = table.rows.reduce((most, row) => Math.max(most, row.row), table.header_row);
    const data = { row: last + 1, name: "", email: "", user_type: "", site: "" };
    table.rows.push(data);
    const tr = this.#rowElement(data);
    const { tBodies } = this.#parts.grid;
    const body = tBodies[tBodies.length - 1];
    if (body.rows.length < ROWS_PER_BODY) {
      body.append(tr);
    } else {
      body.after(element("tbody", {}, tr));
    }
    tr.querySelector("input").focus();
    this.#recheck();
  }

  #deleteRow(number) {
    const row = this.#rows.get(number);
    if (!row) {
      return;
    }
    // The focus goes to the next row's delete button, else the one before, else "Add".
    const rows = [...this.#parts.grid.querySelectorAll("tbody tr")];
    const at = rows.indexOf(row.tr);
    const next = rows[at + 1] ?? rows[at - 1];
    this.#table.rows = this.#table.rows.filter((data) => data !== row.data);
    this.#rows.delete(number);
    this.#marked = this.#marked.filter((cell) => cell.closest("tr") !== row.tr);
    const body = row.tr.parentElement;
    row.tr.remove();
    if (body.rows.length === 0 && this.#parts.grid.tBodies.length > 1) {
      body.remove();
    }
    (next?.querySelector(".bu-delete") ?? this.#parts.add).focus();
    this.#recheck();
  }

  /** Checks the grid as it stands; the marks are those of the latest edit's check. */
  async #recheck() {
    const checks = ++this.#checks;
    const started = performance.now();
    const settings = this.#settings();
    let report;
    try {
      report = await this.#call("checkTable", this.#table, settings);
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (checks !== this.#checks) {
      return;
    }
    this.#show(report);
    this.dataset.ms = (performance.now() - started).toFixed(1);
    if (report.errors.length === 0 && report.users.length > 0) {
      const csv = await this.#call("readyCsv", this.#table, settings);
      if (checks !== this.#checks || !csv) {
        return;
      }
      const users = report.users.map(({ row, ...user }) => user);
      const file = new File([csv], "users.csv", { type: "text/csv;charset=utf-8" });
      this.dispatchEvent(new CustomEvent("bulk-users-ready", { bubbles: true, composed: true, detail: { users, csv: file } }));
    }
  }

  /** Marks every problem of `report`: beside its cell, or in the list above the grid.
   * Only the cells whose problems changed are touched, so an edit costs the page the
   * cells it changed, not the whole grid. */
  #show(report) {
    this.#report = report;
    const { problems, status, marked } = this.#parts;
    // Each cell's problems in this report, and the problems that have no cell.
    const byCell = new Map();
    const listed = [];
    for (const error of report.errors) {
      const cell = error.row !== null && error.column !== null ? this.#rows.get(error.row)?.cells.get(error.column) : null;
      if (cell) {
        byCell.set(cell, [...(byCell.get(cell) ?? []), error]);
      } else {
        listed.push(this.#listed(error));
      }
    }
    const key = (errors) => JSON.stringify(errors?.map((e) => [e.code, e.message, e.suggestion ?? null]) ?? []);
    for (const cell of this.#marked) {
      if (!byCell.has(cell)) {
        this.#mark(cell, [], report.language);
      }
    }
    for (const [cell, errors] of byCell) {
      const marks = key(errors);
      if (cell.dataset.problems !== marks) {
        this.#mark(cell, errors, report.language);
        cell.dataset.problems = marks;
      }
    }
    this.#marked = [...byCell.keys()];
    problems.replaceChildren(...listed);
    problems.hidden = listed.length === 0;
    const count = report.errors.length;
    status.textContent = count > 0
      ? this.#words.problems(count)
      : report.users.length > 0
        ? this.#words.ready(report.users.length)
        : this.#words.empty;
    status.dataset.problems = count;
    marked.hidden = count === 0 || !this.#file;
  }

  /** Puts `errors` beside `cell`'s input, in place of what was there. */
  #mark(cell, errors, language) {
    const input = cell.querySelector("input");
    const box = cell.firstElementChild;
    box.querySelectorAll(".bu-problem").forEach((node) => node.remove());
    if (errors.length === 0) {
      cell.removeAttribute("aria-invalid");
      cell.removeAttribute("data-problems");
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      return;
    }
    const ids = [];
    errors.forEach((error, index) => {
      const id = `${this.#id}-${cell.dataset.row}-${COLUMNS.findIndex(([name]) => name === cell.dataset.column)}-${index}`;
      ids.push(id);
      const problem = element("div", { id, className: "bu-problem", lang: language, "data-code": error.code }, error.message);
      if (error.suggestion) {
        problem.append(
          " ",
          element("button", {
            type: "button",
            className: "bu-fix",
            textContent: this.#words.use(error.suggestion),
            "data-suggestion": error.suggestion,
          }),
        );
      }
      box.append(problem);
    });
    cell.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", ids.join(" "));
  }
}

customElements.define("bulk-users-upload", BulkUsersUpload);
