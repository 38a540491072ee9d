// Compiled (never run) by `npm test`: the package's TypeScript types say what the
// functions take and give, and refuse what they do not take.
import init, {
  check,
  errorsWorkbook,
  negotiateLanguage,
  template,
  type CheckOptions,
  type Report,
  type RowError,
} from "../pkg/bulk_users.js";

await init();
const options: CheckOptions = { language: "fr-CA", max_rows: 100, unknown_columns: "ignore", allowed_sites: ["Paris"] };
const bytes = new Uint8Array([0x61]);
const report: Report = check(bytes, "users.csv", options);
const first: RowError | undefined = report.errors[0];
const row: number | null = first ? first.row : null;
const column: "User name" | "Email" | "User type" | "Site" | null = first ? first.column : null;
const workbook: Uint8Array = errorsWorkbook(bytes, "users.csv");
const blank: Uint8Array = template();
const tag: string = negotiateLanguage("fr-CA,fr;q=0.9");
console.log(row, column, workbook.length, blank.length, tag, report.users.map((u) => u.user_type));

// @ts-expect-error unknown_columns is "reject" or "ignore"
check(bytes, "users.csv", { unknown_columns: "drop" });
// @ts-expect-error a misspelt option is refused
check(bytes, "users.csv", { maxrows: 1 });

// The grid: a file opened, corrected and made ready.
import { open, checkTable, readyCsv, tableErrorsWorkbook, columnNames, sizeRefusal, type Opened, type Table } from "../pkg/bulk_users.js";
const refused: Report | undefined = sizeRefusal(20_000_000, options);
console.log(refused?.errors[0]?.code);
const opened: Opened = open(bytes, "users.csv", options);
const table: Table | null = opened.table;
if (table) {
  table.rows.push({ row: 9, name: "Ada", email: "ada@example.com", user_type: "", site: "" });
  const again: Report = checkTable(table, options);
  const csv: Uint8Array | undefined = readyCsv(table);
  const marked: Uint8Array = tableErrorsWorkbook(table);
  console.log(again.errors.length, csv?.length, marked.length, columnNames("fr")[0]);
}

// The element, and what its ready event carries.
import type { BulkUsersUpload, ReadyDetail } from "../pkg/bulk-users-upload.js";
const upload: BulkUsersUpload | null = document.querySelector("bulk-users-upload");
upload?.addEventListener("bulk-users-ready", (event) => {
  const detail: ReadyDetail = event.detail;
  console.log(detail.users[0]?.email, detail.csv.name);
});
if (upload) {
  upload.options = { max_rows: 10 };
}
