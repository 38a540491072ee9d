// The work of <bulk-users-upload>, off the page's main thread: the checker's module is
// loaded once, and each message is one call of it, answered with the message's id. A
// 500-row workbook takes a tenth of a second to read and a bomb's errors workbook
// seconds: here they never freeze the page.
import init, * as api from "./bulk_users.js";

/** The calls a page may make. */
const calls = new Set([
  "open",
  "check",
  "checkTable",
  "readyCsv",
  "template",
  "errorsWorkbook",
  "tableErrorsWorkbook",
  "columnNames",
  "negotiateLanguage",
  "sizeRefusal",
]);
const loaded = init();

self.addEventListener("message", async ({ data }) => {
  const { id, call, args } = data;
  try {
    await loaded;
    if (!calls.has(call)) {
      throw new TypeError(`bulk-users: there is no call ${call}`);
    }
    const result = api[call](...args);
    // Bytes are handed over, not copied.
    self.postMessage({ id, result }, result instanceof Uint8Array ? [result.buffer] : []);
  } catch (error) {
    self.postMessage({ id, error: { name: error?.name ?? "Error", message: String(error?.message ?? error) } });
  }
});
