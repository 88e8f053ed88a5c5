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
