// End-to-end tests of the dondoc pages: `dondoc serve --demo` on a free port with a temporary
// database, Debian's Chromium driven by playwright-core, no network beyond 127.0.0.1.
//
// Environment: DONDOC_BIN (default ../../build/dondoc), SCREENSHOTS (default
// ../../build/screenshots), CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { zipSync, unzipSync, strToU8, strFromU8 } from 'fflate';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const BIN = process.env.DONDOC_BIN || path.join(repo, 'build/dondoc');
const SHOTS = process.env.SCREENSHOTS || path.join(repo, 'build/screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const NOTICE = path.resolve(repo, '../shared/corpus/dev/ducpho-2023-06-kl.txt');
const PASSWORD = 'e2e-demo-password';

let server, base, browser, tmp;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitUp(url, child, ms = 60000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`dondoc serve exited with ${child.exitCode}`);
    try {
      const r = await fetch(url, { redirect: 'manual' });
      if (r.status > 0) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('dondoc serve did not start');
}

before(async () => {
  assert.ok(fs.existsSync(BIN), `no program at ${BIN} (build it first)`);
  fs.mkdirSync(SHOTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-e2e-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  let log = '';
  server = spawn(BIN, ['serve', '--demo', '--db', path.join(tmp, 'e2e.db'), '--host', '127.0.0.1',
    '--port', String(port)], {
    cwd: repo,
    env: { ...process.env, DONDOC_DEMO_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (d) => { log += d; });
  server.stderr.on('data', (d) => { log += d; });
  try {
    await waitUp(`${base}/login`, server);
  } catch (e) {
    throw new Error(`${e.message}\n${log.slice(-2000)}`);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function signIn(user, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.fill('#username', user);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.click('button[type=submit]')]);
  return { context, page };
}

// Long pages (lists, the review screen) are shot as the first screen only.
async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

// A minimal .docx holding `text`, one paragraph per line.
function docxOf(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paras = text.split(/\r?\n/).map((line) =>
    `<w:p><w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>`).join('');
  const files = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>'),
    'word/document.xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${paras}</w:body></w:document>`),
  };
  return Buffer.from(zipSync(files));
}

// The rows of the first sheet of an .xlsx as arrays of strings (shared strings resolved).
function xlsxRows(bytes) {
  const files = unzipSync(new Uint8Array(bytes));
  const shared = [];
  const ss = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : '';
  for (const m of ss.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    shared.push([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  }
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
  const rows = [];
  for (const r of sheet.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = [];
    for (const c of r[1].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const v = (c[2] || '').match(/<v>([\s\S]*?)<\/v>/);
      if (!v) { cells.push(''); continue; }
      cells.push(/t="s"/.test(c[1]) ? shared[Number(v[1])] : v[1]);
    }
    rows.push(cells);
  }
  return { rows, sheet };
}

test('sign-in: a wrong password gets a clear message, the right one opens the dashboard', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${base}/tasks`);
  assert.match(page.url(), /\/login\?next=/);
  await shot(page, '01-login');
  await page.fill('#username', 'vanphong');
  await page.fill('#password', 'not-the-password');
  await page.click('button[type=submit]');
  await page.waitForSelector('.alert-error');
  assert.equal((await page.textContent('.alert-error')).trim(),
    'Tên đăng nhập hoặc mật khẩu không đúng.');
  await shot(page, '02-login-error');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/tasks/), page.click('button[type=submit]')]);
  assert.match(await page.textContent('header'), /Văn phòng/);
  await context.close();
});

test('office imports the dev notice as .txt and .docx, fixes a unit and confirms', async () => {
  const { context, page } = await signIn('vanphong');
  const text = fs.readFileSync(NOTICE, 'utf8');

  // The exact file of the demo is recognised as already imported.
  await page.goto(`${base}/import`);
  await shot(page, '05-import');
  await page.setInputFiles('#file', { name: 'ducpho-2023-06-kl.txt', mimeType: 'text/plain',
    buffer: Buffer.from(text) });
  await Promise.all([page.waitForURL(/\/notices\/\d+/), page.click('form[enctype] button[type=submit]')]);
  assert.match(await page.textContent('.alert'), /đã được nhập trước đây/);

  // A changed copy as .txt: a new draft with highlighted tasks.
  await page.goto(`${base}/import`);
  await page.setInputFiles('#file', { name: 'ducpho-ban-sao.txt', mimeType: 'text/plain',
    buffer: Buffer.from(text + '\n') });
  await Promise.all([page.waitForURL(/\/notices\/\d+$/), page.click('form[enctype] button[type=submit]')]);
  assert.match(await page.textContent('h1'), /Kiểm tra kết quả trích xuất/);
  const marks = await page.locator('.doc mark.task').count();
  assert.ok(marks >= 10, `expected highlighted tasks, got ${marks}`);
  assert.ok(await page.locator('.doc .u').count() > 0, 'units are marked in the text');
  await shot(page, '06-review', false);

  // Fix the lead unit of the first task.
  const first = page.locator('.review-task').first();
  await first.locator('input[name=lead]').fill('Phòng Tài chính - Kế hoạch');
  await Promise.all([page.waitForURL(/ok=save/), first.locator('button[value=save]').click()]);
  assert.equal(await page.locator('.review-task').first().locator('input[name=lead]').inputValue(),
    'Phòng Tài chính - Kế hoạch');
  // An unknown unit is refused with a message and changes nothing.
  await page.locator('.review-task').first().locator('input[name=lead]').fill('Sở Không Có');
  await page.locator('.review-task').first().locator('button[value=save]').click();
  await page.waitForSelector('.alert-error');
  assert.match(await page.textContent('.alert-error'), /Không có trong danh mục đơn vị: Sở Không Có/);

  page.on('dialog', (d) => d.accept());
  await Promise.all([page.waitForURL(/ok=confirm/),
    page.click('form[action$="/confirm"] button')]);
  assert.match(await page.textContent('.alert-ok'), /Đã xác nhận/);

  // The same notice as .docx (made here from the text, with a change so it is new).
  await page.goto(`${base}/import`);
  await page.setInputFiles('#file', { name: 'ducpho.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: docxOf(text) });
  await Promise.all([page.waitForURL(/\/notices\/\d+/), page.click('form[enctype] button[type=submit]')]);
  const docxMarks = await page.locator('.doc mark.task').count();
  assert.ok(docxMarks >= 10, `expected tasks from the .docx, got ${docxMarks}`);
  await Promise.all([page.waitForURL(/ok=confirm/), page.click('form[action$="/confirm"] button')]);

  await page.goto(`${base}/notices`);
  await shot(page, '07-notices');
  await context.close();
});

test('a unit user sees only its tasks, reports with a file, and is refused another unit\'s task', async () => {
  // A task that Công an thị xã may see and Phòng TC-KH may not.
  const police = await signIn('congan');
  await police.page.goto(`${base}/tasks`);
  const policeIds = await police.page.$$eval('#results a[href^="/tasks/"]',
    (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
  await police.context.close();

  const { context, page } = await signIn('tckh');
  assert.match(page.url(), /\/my$/);
  await shot(page, '08-my-work', false);
  await page.goto(`${base}/tasks`);
  await shot(page, '09-tasks-unit', false);
  const rows = await page.locator('#results tbody tr').allTextContents();
  assert.ok(rows.length > 0, 'the unit has tasks');
  for (const r of rows) assert.match(r, /Tài chính - Kế hoạch/, `a row not of the unit: ${r.slice(0, 120)}`);

  // Report progress with a file.
  const href = await page.locator('#results tbody tr a[href^="/tasks/"]').first().getAttribute('href');
  await page.goto(`${base}${href}`);
  await page.fill('#r-text', 'Đã rà soát, giải ngân đạt 45% kế hoạch vốn');
  await page.fill('#r-percent', '45');
  await page.setInputFiles('#r-file', { name: 'bao-cao-tien-do.txt', mimeType: 'text/plain',
    buffer: Buffer.from('Báo cáo tiến độ giải ngân') });
  await Promise.all([page.waitForURL(/ok=report/), page.click('form[action$="/reports"] button[type=submit]')]);
  assert.match(await page.textContent('.alert-ok'), /Đã gửi báo cáo tiến độ/);
  assert.match(await page.textContent('.timeline'), /giải ngân đạt 45% kế hoạch vốn/);
  assert.equal(await page.locator('a:has-text("bao-cao-tien-do.txt")').count(), 1);
  // The unit user reads the task's passage in the notice (other units' tasks cut out).
  assert.equal(await page.locator('.passage mark').count(), 1);
  await shot(page, '10-task');

  // Another unit's task: a refusal page, none of its content.
  let refused = null;
  for (const h of policeIds) {
    const resp = await page.goto(`${base}${h}`);
    if (resp.status() === 404 || resp.status() === 403) { refused = resp; break; }
  }
  assert.ok(refused, 'found a police task the finance office may not see');
  assert.match(await page.textContent('h1'), /Không tìm thấy|Không được phép/);
  await shot(page, '11-refused');
  await context.close();
});

test('the leader\'s dashboard shows the report', async () => {
  const { context, page } = await signIn('chutich');
  assert.match(page.url(), /\/dashboard/);
  assert.match(await page.textContent('main'), /giải ngân đạt 45% kế hoạch vốn/);
  await page.waitForFunction(() => document.querySelector('canvas[data-chart="chart-status"]')?.dataset.drawn === '1');
  await shot(page, '03-dashboard');
  await context.close();
});

test('an XLSX export downloads and its rows match the list', async () => {
  const { context, page } = await signIn('vanphong');
  await page.goto(`${base}/tasks?overdue=true`);
  const summary = await page.textContent('#results .muted');
  const total = Number((summary.match(/trên ([\d.]+) nhiệm vụ/) || [0, '0'])[1].replace(/\./g, ''));
  await shot(page, '04-tasks', false);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Xuất Excel")')]);
  const file = await download.path();
  const { rows, sheet } = xlsxRows(fs.readFileSync(file));
  assert.match(rows[0][0], /DANH SÁCH NHIỆM VỤ/);
  assert.match(rows[1][0], /Chỉ quá hạn/);
  assert.deepEqual(rows[2].slice(0, 5), ['STT', 'Số hiệu', 'Thông báo', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì']);
  assert.equal(rows.length - 3, total, 'one row per listed task');
  for (const r of rows.slice(3)) assert.match(r[8], /quá hạn/);
  assert.match(sheet, /ySplit="4"/);
  assert.match(sheet, /<autoFilter /);
  await context.close();
});

test('an XSS attempt is shown as text', async () => {
  const { context, page } = await signIn('vanphong');
  await page.goto(`${base}/tasks`);
  const href = await page.locator('#results tbody tr a[href^="/tasks/"]').first().getAttribute('href');
  await page.goto(`${base}${href}`);
  const attack = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
  await page.fill('#c-text', attack);
  await Promise.all([page.waitForURL(/ok=comment/), page.click('form[action$="/comments"] button')]);
  assert.ok((await page.textContent('main')).includes(attack), 'the comment shows as text');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await context.close();
});

test('the office pauses two selected tasks in bulk and resumes them', async () => {
  const { context, page } = await signIn('vanphong');
  await page.goto(`${base}/tasks`);
  const boxes = page.locator('#results input[name="task"]');
  assert.ok(await boxes.count() >= 2, 'rows can be selected');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.selectOption('#bulk-action', 'pause');
  await shot(page, '16-tasks-bulk', false);
  await Promise.all([page.waitForURL(/bulk_done=2/), page.click('#bulk-form button[type=submit]')]);
  assert.match(await page.textContent('.alert-ok'), /Đã cập nhật 2 nhiệm vụ/);
  await page.locator('#results input[name="task"]').nth(0).check();
  await page.locator('#results input[name="task"]').nth(1).check();
  await page.selectOption('#bulk-action', 'resume');
  await Promise.all([page.waitForURL(/bulk_done=2/), page.click('#bulk-form button[type=submit]')]);
  await context.close();
});

test('screenshots: administration, phone and print layouts', async () => {
  const admin = await signIn('admin');
  await admin.page.goto(`${base}/admin`);
  await shot(admin.page, '12-admin');
  await admin.context.close();

  const phone = await signIn('vanphong', { width: 390, height: 844 });
  await phone.page.goto(`${base}/tasks`);
  const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling on a phone (page is ${width}px wide)`);
  await shot(phone.page, '13-tasks-phone', false);
  await phone.page.goto(`${base}/dashboard`);
  await shot(phone.page, '14-dashboard-phone', false);
  await phone.page.emulateMedia({ media: 'print' });
  await phone.page.setViewportSize({ width: 1000, height: 1400 });
  await phone.page.goto(`${base}/tasks`);
  await shot(phone.page, '15-tasks-print', false);
  await phone.context.close();
});

test('the admin renames a unit and imports units from CSV after a preview', async () => {
  const { context, page } = await signIn('admin');
  await page.goto(`${base}/admin`);
  // The edit link is reachable from the keyboard.
  await page.locator('a[aria-label="Sửa Thanh tra tỉnh"]').focus();
  await Promise.all([page.waitForURL(/\/admin\/units\/\d+$/), page.keyboard.press('Enter')]);
  await page.fill('#e-name', 'Thanh tra tỉnh Quảng Ngãi (đã đổi)');
  await page.fill('#e-aliases', 'Thanh tra tỉnh, TTr tỉnh');
  await Promise.all([page.waitForURL(/ok=unit/), page.click('form button.primary')]);
  assert.match(await page.textContent('.alert-ok'), /Đã lưu đơn vị/);
  assert.ok((await page.textContent('.tree')).includes('Thanh tra tỉnh Quảng Ngãi (đã đổi)'));

  // A CSV file with a BOM and CRLF line ends: one good row, one with an unknown parent.
  const csv = '\ufeffname,aliases,kind,parent\r\n' +
    'Tổ công tác cải cách hành chính,Tổ CCHC,to,UBND thị xã Đức Phổ\r\n' +
    'Tổ không cấp trên,,to,Phòng Không Tồn Tại\r\n';
  await page.click('#csv-import summary');
  await page.setInputFiles('#u-csv-file',
    { name: 'don-vi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await Promise.all([page.waitForURL(/\/admin\/units\/csv$/),
    page.click('#csv-import button[type=submit]')]);
  const summary = await page.textContent('#csv-summary');
  assert.match(summary, /1\s*đơn vị sẽ được thêm mới/);
  assert.match(summary, /1\s*dòng lỗi/);
  const bad = page.locator('tr.row-error');
  assert.equal(await bad.count(), 1);
  assert.match(await bad.textContent(), /3[\s\S]*Không tìm thấy đơn vị cấp trên «Phòng Không Tồn Tại»/);
  await shot(page, '17-admin-csv-preview');
  // Nothing is stored before "Nhập".
  const before = await (await context.request.get(`${base}/admin`)).text();
  assert.ok(!before.includes('Tổ công tác cải cách hành chính'));
  await Promise.all([page.waitForURL(/ok=csv/), page.click('text=Nhập 1 đơn vị')]);
  assert.match(await page.textContent('.alert-ok'), /Đã nhập 1 đơn vị mới/);
  const tree = await page.textContent('.tree');
  assert.ok(tree.includes('Tổ công tác cải cách hành chính'));
  assert.ok(!tree.includes('Tổ không cấp trên'));
  await shot(page, '18-admin-after-import');
  // The edit pages of a user and of a field.
  await page.click('a[aria-label="Sửa người dùng tckh"]');
  assert.match(await page.textContent('h1'), /Người dùng: tckh/);
  await shot(page, '19-admin-user');
  await page.goto(`${base}/admin`);
  await page.click('#fields a[aria-label^="Sửa lĩnh vực"]');
  assert.match(await page.textContent('h1'), /Sửa lĩnh vực/);
  await shot(page, '20-admin-field', false);
  await context.close();
});

test('the office adds a unit the review found unknown to the directory', async () => {
  const { context, page } = await signIn('vanphong');
  await page.goto(`${base}/import`);
  await page.fill('#filename', 'du-an-abc.txt');
  await page.fill('#text', 'THÔNG BÁO\nKết luận của Chủ tịch UBND thị xã về dự án ABC\n\n' +
    '1. Giao Ban Quản lý dự án ABC chủ trì, phối hợp với Phòng Kinh tế hoàn thành hồ sơ ' +
    'thiết kế trước ngày 30/7/2023.\n');
  await Promise.all([page.waitForURL(/\/notices\/\d+$/),
    page.click('form[data-progress="paste-progress"] button[type=submit]')]);
  const unknown = page.locator('.unknown-units');
  assert.match(await unknown.locator('h2').textContent(), /Đơn vị chưa có trong danh mục/);
  const row = unknown.locator('.unknown-unit-row[data-unit="Ban Quản lý dự án ABC"]');
  assert.equal(await row.count(), 1, 'the unknown unit is listed with its forms');
  assert.equal(await row.locator('input[name=name]').inputValue(), 'Ban Quản lý dự án ABC');
  assert.equal(await row.locator('select[name=kind]').inputValue(), 'ban', 'kind from "Ban"');
  await row.locator('select[name=parent]').selectOption({ label: 'UBND thị xã Đức Phổ' });
  await shot(page, '19-review-unknown-unit', false);
  await Promise.all([page.waitForURL(/ok=unit/), row.locator('button[value=add]').click()]);
  assert.match(await page.textContent('.alert-ok'), /Đã cập nhật danh mục đơn vị/);
  assert.equal(await page.locator('.unknown-unit-row[data-unit="Ban Quản lý dự án ABC"]').count(), 0);
  assert.equal(await page.locator('.review-task').first().locator('input[name=lead]').inputValue(),
    'Ban Quản lý dự án ABC', 'the task that named it now has it as lead');
  await context.close();
});
