import { expect, openApp, run, savedDraft, setCode, test, waitForTrace } from './fixtures.ts';

test.describe('the stepping playground', () => {
  test('runs the default example and steps through it', async ({ page }) => {
    await openApp(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await run(page);
    const steps = await waitForTrace(page);
    expect(steps).toBeGreaterThan(5);
    await expect(page.getByText(`Step 1 of ${steps}`)).toBeVisible();
    await expect(page.getByText('start of the program')).toBeVisible();

    const forward = page.getByRole('button', { name: 'Step forward' });
    await forward.click();
    await forward.click();
    await forward.click();
    await expect(page.getByText(`Step 4 of ${steps}`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Editor' }).getByText('line 3 c = a[:]')).toBeVisible();
    const variables = page.getByRole('region', { name: 'Variables' });
    await expect(variables.getByRole('row', { name: /^a \[1, 2, 3\]/ })).toBeVisible();
    await expect(variables.getByRole('row', { name: /^b \[1, 2, 3\]/ })).toBeVisible();

    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(page.getByText(`Step 3 of ${steps}`)).toBeVisible();
    await expect(variables.getByRole('row', { name: /^b / })).toHaveCount(0);

    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(page.getByText(`Step ${steps} of ${steps}`)).toBeVisible();
    await expect(variables.getByRole('row', { name: /^a \[1, 2, 3, 4\]/ })).toBeVisible();
    await page.getByRole('button', { name: 'First step' }).click();
    await expect(page.getByText(`Step 1 of ${steps}`)).toBeVisible();

    await page.getByRole('slider', { name: 'Step' }).fill(String(steps - 1));
    await expect(page.getByText(`Step ${steps} of ${steps}`)).toBeVisible();
  });

  test('output shows what was printed up to the step', async ({ page }) => {
    await openApp(page);
    await setCode(page, 'print("one")\nprint("two")\nx = 3\n');
    await run(page);
    const steps = await waitForTrace(page);
    const output = page.getByRole('region', { name: 'Output' });
    await expect(page.getByText(`Step 1 of ${steps}`)).toBeVisible();
    await expect(output).not.toContainText('one');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(output).toContainText('one');
    await expect(output).not.toContainText('two');
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(output).toContainText('one\ntwo');
    expect(steps).toBe(5);
  });

  test('Stop ends an infinite loop within a second and Python stays booted', async ({ page }) => {
    await openApp(page);
    await page.getByRole('combobox', { name: 'Step limit' }).selectOption('1000000');
    await setCode(page, 'n = 0\nwhile True:\n    n += 1\n');
    await run(page);
    await expect(page.getByText(/Running on Python/)).toBeVisible();
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByText(/Stopped; the steps so far are kept/)).toBeVisible({ timeout: 3_000 });
    await expect(page.getByText(/Python [\d.]+ ready/)).toBeVisible();
    const steps = await waitForTrace(page);
    expect(steps).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(page.getByRole('region', { name: 'Variables' }).getByRole('row', { name: /^n \d+/ })).toBeVisible();
  });

  test('interactive input() asks in the output panel', async ({ page }) => {
    await openApp(page);
    await setCode(page, 'name = input("Name? ")\nprint("Hi " + name)\n');
    await run(page);
    const field = page.getByRole('textbox', { name: 'Program input' });
    await expect(field).toBeVisible();
    await expect(page.getByRole('region', { name: 'Output' })).toContainText('Name?');
    await field.fill('Ada');
    await field.press('Enter');
    await waitForTrace(page);
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(page.getByRole('region', { name: 'Output' })).toContainText('Name? Ada\nHi Ada');
  });

  test('a syntax error points at its line and column', async ({ page }) => {
    await openApp(page);
    await setCode(page, 'x = 1\ny = (2 +\nprint(x)\n');
    await run(page);
    await expect(page.getByText(/SyntaxError in the code at line 2, column \d+/)).toBeVisible();
    await expect(page.locator('.code-editor .line-raised')).toHaveCount(1);
  });

  test('a reload restores the draft', async ({ page }) => {
    await openApp(page);
    const code = 'def twice(x):\n    return 2 * x\n\nprint(twice(21))\n';
    await setCode(page, code);
    await page.getByRole('textbox', { name: 'Call' }).fill('twice(4)');
    await expect.poll(() => savedDraft(page).then((d) => d?.call)).toBe('twice(4)');
    await page.reload();
    await expect(page.getByText(/Python [\d.]+ ready/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('textbox', { name: 'Call' })).toHaveValue('twice(4)');
    expect((await savedDraft(page))?.code).toBe(code);
    await run(page);
    await waitForTrace(page);
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(page.getByText('return 8 from main')).toBeVisible();
  });
});

test.describe('seeing objects and predicting steps', () => {
  test('the objects diagram shows two variables pointing at one list', async ({ page }) => {
    await openApp(page);
    await setCode(page, 'a = [1, 2]\nb = a\nc = [1, 2]\nb.append(3)\n');
    await run(page);
    const steps = await waitForTrace(page);
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(page.getByText(`Step ${steps} of ${steps}`)).toBeVisible();
    const objects = page.getByRole('region', { name: 'Variables' }).getByRole('region', { name: 'Objects' });
    await expect(objects).toBeVisible();
    const described = objects.locator('.visually-hidden, [class*="sr-only"]');
    await expect(objects).toContainText(/a → list #(\d+)/);
    const text = (await objects.textContent()) ?? '';
    const a = text.match(/a → list #(\d+)/)![1];
    const b = text.match(/b → list #(\d+)/)![1];
    const c = text.match(/c → list #(\d+)/)![1];
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(await described.count()).toBeGreaterThanOrEqual(0);
    await expect(objects.getByLabel(new RegExp(`list object #${a}: \\[1, 2, 3\\]`))).toBeVisible();
  });

  test('quiz mode asks before stepping and says right or wrong', async ({ page }) => {
    await openApp(page);
    await setCode(page, 'total = 0\nfor n in [4, 5]:\n    total += n\n');
    await run(page);
    await waitForTrace(page);
    await page.getByRole('button', { name: 'Quiz me' }).click();
    // start of the program → line 1: nothing visible changes, so no question
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByText('Step 2 of')).toBeVisible();
    await page.getByRole('button', { name: 'Step forward' }).click();
    const answer = page.getByRole('textbox', { name: 'Your answer' });
    await expect(answer).toBeVisible();
    await expect(page.getByText('After line 1 runs, what will total be?')).toBeVisible();
    await expect(page.getByText('Step 2 of')).toBeVisible();
    await answer.fill('0');
    await page.getByRole('button', { name: 'Reveal', exact: true }).click();
    await expect(page.getByText('Step 3 of')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Right' })).toContainText('total is 0');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('textbox', { name: 'Your answer' }).fill('5');
    await page.getByRole('button', { name: 'Reveal', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Not quite' })).toContainText('n is 4');
    await expect(page.getByText('1 of 2 right')).toBeVisible();
  });

  test('an imported file is validated: a broken trace gives a clear error, a good one opens', async ({ page }) => {
    await openApp(page);
    const own = 'mine = 1\n';
    await setCode(page, own);
    await page.getByText('Share & files').click();
    const picker = page.getByLabel('Import a trace, prediction or share file');
    await picker.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "python-execution-trace", "version": 1, "steps": "nope"}') });
    await expect(page.getByRole('alert').filter({ hasText: 'This trace file cannot be opened' })).toBeVisible();
    expect((await savedDraft(page))?.code).toBe(own);
    await page.getByText('Share & files').click();
    await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes') });
    await expect(page.getByRole('alert').filter({ hasText: 'is not a trace' })).toBeVisible();

    await setCode(page, 'x = 2\ny = x * 21\n');
    await run(page);
    await waitForTrace(page);
    await page.getByText('Share & files').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export trace (JSON)' }).click();
    const file = await (await download).path();
    await setCode(page, own);
    await page.getByText('Share & files').click();
    await picker.setInputFiles(file);
    await expect(page.getByText(/^Step 1 of 4$/)).toBeVisible();
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(page.getByRole('region', { name: 'Variables' }).getByRole('row', { name: /^y 42/ })).toBeVisible();
  });
});

test('switching the runtime to Python 3.14 boots it and traces with its semantics', async ({ page }) => {
  await openApp(page);
  await setCode(page, 'squares = [n * n for n in range(3)]\nprint(squares)\n');
  await page.getByRole('combobox', { name: 'Runtime' }).selectOption('3.14');
  await expect(page.getByText(/Python 3\.14\.\d+ ready/)).toBeVisible({ timeout: 60_000 });
  await run(page);
  const steps314 = await waitForTrace(page);
  await page.getByRole('combobox', { name: 'Runtime' }).selectOption('3.11');
  await expect(page.getByText(/Python 3\.11\.\d+ ready/)).toBeVisible({ timeout: 60_000 });
  await run(page);
  const steps311 = await waitForTrace(page);
  // 3.11 runs the comprehension in a frame of its own (call, lines, return); 3.14 inlines it.
  expect(steps311).toBeGreaterThan(steps314);
  expect((await savedDraft(page))?.runtime).toBe('3.11');
});
