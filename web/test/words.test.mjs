// The element's own words: one entry for every language the crate speaks (as its
// module negotiates them), each with every word English has.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { WORDS } from "../js/words.js";
import { initSync, negotiateLanguage } from "../pkg/bulk_users.js";

initSync({ module: readFileSync(new URL("../pkg/bulk_users_bg.wasm", import.meta.url)) });

test("every language the crate speaks has the element's words", () => {
  const spoken = ["en", "fr", "de", "es", "pt", "it", "nl", "ja", "tlh"].map(negotiateLanguage);
  assert.deepEqual([...new Set(spoken)].sort(), Object.keys(WORDS).sort());
  const keys = Object.keys(WORDS.en).sort();
  for (const [language, words] of Object.entries(WORDS)) {
    assert.deepEqual(Object.keys(words).sort(), keys, language);
    for (const [key, word] of Object.entries(words)) {
      const text = typeof word === "function" ? word(2) : word;
      assert.ok(typeof text === "string" && text.length > 0, `${language}.${key}`);
    }
  }
});
