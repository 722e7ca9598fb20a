// `ponte serve` on a new data directory with PONTE_BOOTSTRAP_KEY: the operator's key becomes the
// sandbox tenant's first key and is never printed (the banner, the logs), only said to be there.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callProcess, startPonteProcess } from '../helpers/ponte-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'ponte-bootstrap-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('a key given in PONTE_BOOTSTRAP_KEY works as a key and appears in no output', async () => {
  // Not pk_-shaped, so that the log masker's patterns cannot be what hides it.
  const key = 'operator-chosen-key-7Hq2Lw9Xv4Rt6Np3';
  const ponte = await startPonteProcess({
    // info: the lines logged while bootstrapping and serving are searched too.
    LOG_LEVEL: 'info',
    PONTE_DATA_DIR: dataDir,
    PONTE_BOOTSTRAP_KEY: key,
    PONTE_SANDBOX_CUSTOMERS: '20',
  });
  try {
    // A sandbox test customer with three overdue bills (README).
    const bills = await callProcess(
      ponte.url,
      'list_bills',
      { customer_document_number: '26184703544' },
      key,
    );
    assert.equal(bills.status, 200, JSON.stringify(bills.body));
    assert.equal((bills.body as unknown[]).length, 3);
  } finally {
    await ponte.stop();
  }
  const output = ponte.output();
  assert.match(output, /The sandbox tenant's API key is the one given in PONTE_BOOTSTRAP_KEY/);
  assert.match(output, /Authorization: Bearer \$PONTE_BOOTSTRAP_KEY/);
  assert.equal(output.includes(key), false, `the supplied key was printed:\n${output}`);
  assert.equal(output.includes(key.slice(0, 12)), false, `part of the supplied key was printed:\n${output}`);
});
