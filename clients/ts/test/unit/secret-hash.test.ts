import assert from "node:assert/strict";
import { test } from "node:test";
import { secretHash } from "../../src/index.js";

test("SECRET_HASH: docs/cognito.md §4.5 vector 1", () => {
  assert.equal(secretHash("test", "123abd", "clientSecret"), "LoIX/oPJWZzFYv8liJYRo+CHv16FNDY10JlZEDjL3Vg=");
});
