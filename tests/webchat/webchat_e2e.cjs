// SPDX-License-Identifier: GPL-3.0-or-later
// The web chat in a real browser: Debian's headless Chromium, driven by playwright-core,
// against a real threadline-hub on loopback. A visitor on a 360 px phone screen starts a
// chat in Persian, writes, an agent (a threadline.v1 client in a second browser page)
// answers on chat, and the visitor's page shows the answer, which becomes `delivered`.
// A reload resumes the chat with its history. Screenshots go to the folder given.
//
// usage: node webchat_e2e.cjs HUB_BINARY SCREENSHOT_DIR
'use strict';

const { chromium } = require('playwright-core');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert/strict');

const TIMEOUT_MS = 20000;

function startHub(binary, folder) {
  const hub = spawn(binary, ['--listen', '127.0.0.1:0', '--db', path.join(folder, 'hub.db'),
                             '--demo', '--log-dir', path.join(folder, 'logs')],
                    { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  hub.stderr.on('data', (d) => { errors += d; });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the hub did not start: ' + errors)), 60000);
    hub.stdout.on('data', (d) => {
      out += d;
      const m = /listening on ws:\/\/127\.0\.0\.1:(\d+)\/ws/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ hub: hub, port: Number(m[1]) });
      }
    });
    hub.on('exit', (code) => reject(new Error('the hub exited with ' + code + ': ' + errors)));
  });
}

// The agent: a threadline.v1 WebSocket client running in a browser page on the hub's origin.
async function signInAgent(page, base) {
  await page.goto(base + '/health');
  await page.evaluate(async (url) => {
    window.received = [];
    const socket = new WebSocket(url, 'threadline.v1');
    socket.onmessage = (e) => window.received.push(JSON.parse(e.data));
    await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
    window.agentSocket = socket;
    socket.send(JSON.stringify({ type: 'hello', id: 'hello-1',
                                 data: { user: 'agent', password: 'demo', since: 0,
                                         client: 'webchat-e2e' } }));
  }, base.replace('http://', 'ws://') + '/ws');
  await page.waitForFunction(() => window.received.some((f) => f.type === 'live'), null,
                             { timeout: TIMEOUT_MS });
}

async function agentSees(page, body) {
  const handle = await page.waitForFunction((text) => window.received.find(
    (f) => f.type === 'message.created' && f.data.message.body === text), body,
  { timeout: TIMEOUT_MS });
  return (await handle.jsonValue()).data.message;
}

async function agentReplies(page, customerId, body) {
  await page.evaluate(([customer, text]) => window.agentSocket.send(JSON.stringify({
    type: 'send_message', id: 'reply-' + text.length,
    data: { customer_id: customer, channel: 'chat', body: text } })), [customerId, body]);
  const handle = await page.waitForFunction((id) => window.received.find(
    (f) => (f.type === 'ack' || f.type === 'error') && f.id === id), 'reply-' + body.length,
  { timeout: TIMEOUT_MS });
  const answer = await handle.jsonValue();
  assert.equal(answer.type, 'ack', JSON.stringify(answer));
  return answer.data.message;
}

async function agentSeesDelivered(page, messageId) {
  await page.waitForFunction((id) => window.received.some(
    (f) => f.type === 'message.status' && f.data.message_id === id &&
           f.data.status === 'delivered'), messageId, { timeout: TIMEOUT_MS });
}

async function phonePage(browser, base, lang) {
  const context = await browser.newContext({ viewport: { width: 360, height: 720 },
                                             deviceScaleFactor: 2, locale: lang });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  await page.goto(base + '/chat?lang=' + lang);
  return page;
}

async function persianVisitorIsAnswered(browser, base, agent, shots) {
  const page = await phonePage(browser, base, 'fa');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('h1').textContent(), 'گفتگو با ما');
  // Nothing on the page is wider than the phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));

  // A wrong phone number is explained next to the field, in Persian.
  await page.getByLabel('نام شما').fill('مریم رضایی');
  await page.getByLabel('شمارهٔ تلفن').fill('۱۲');
  await page.getByRole('button', { name: 'شروع گفتگو' }).click();
  const phoneError = page.locator('#phone-error');
  await phoneError.waitFor();
  assert.match(await phoneError.textContent(), /شمارهٔ تلفن درست/);
  assert.equal(await page.getByLabel('شمارهٔ تلفن').getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: path.join(shots, 'webchat-fa-error.png') });

  await page.getByLabel('شمارهٔ تلفن').fill('۰۹۱۲ ۳۳۳ ۴۴۵۵');
  await page.getByRole('button', { name: 'شروع گفتگو' }).click();
  const composer = page.getByLabel('پیام شما');
  await composer.waitFor();
  const question = 'سلام، سفارش ۱۰۴۲ من کی می‌رسد؟';
  await composer.fill(question);
  await composer.press('Enter');
  const mine = page.locator('li.mine', { hasText: question });
  await mine.waitFor();

  const written = await agentSees(agent, question);
  assert.equal(written.channel, 'chat');
  assert.equal(written.direction, 'in');
  const answer = 'سلام مریم! سفارش شما فردا صبح تحویل می‌شود.';
  const reply = await agentReplies(agent, written.customer_id, answer);
  const theirs = page.locator('li.theirs', { hasText: answer });
  await theirs.waitFor();
  assert.equal(await theirs.locator('.body').getAttribute('dir'), 'auto');
  assert.equal(await page.locator('#log').getAttribute('aria-live'), 'polite');
  await agentSeesDelivered(agent, reply.id);
  await page.screenshot({ path: path.join(shots, 'webchat-fa.png') });

  // A reload resumes the same chat from localStorage, history included.
  await page.reload();
  await page.locator('li.theirs', { hasText: answer }).waitFor();
  await page.locator('li.mine', { hasText: question }).waitFor();
  assert.ok(await page.locator('#start').isHidden());
  await page.context().close();
}

async function englishVisitorIsAnswered(browser, base, agent, shots) {
  const page = await phonePage(browser, base, 'en');
  assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  await page.screenshot({ path: path.join(shots, 'webchat-en-start.png') });
  // The keyboard walks the form in reading order and starts the chat from the button.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'name');
  const order = [];
  for (let i = 0; i < 3; ++i) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id));
  }
  assert.deepEqual(order, ['phone', 'email', 'start-button']);
  await page.getByLabel('Your name').fill('Daniel Brooks');
  await page.getByLabel('Email').fill('daniel.brooks@example.com');
  await page.getByRole('button', { name: 'Start chat' }).click();
  const composer = page.getByLabel('Your message');
  await composer.waitFor();
  const question = 'Hi! Can I still change the delivery address of order #1042?';
  await composer.fill(question);
  await page.getByRole('button', { name: 'Send' }).click();
  const written = await agentSees(agent, question);
  const answer = 'Hi Daniel, yes: send me the new address and I will update it.';
  await agentReplies(agent, written.customer_id, answer);
  await page.locator('li.theirs', { hasText: answer }).waitFor();
  await page.screenshot({ path: path.join(shots, 'webchat-en.png') });
  await page.context().close();
}

async function arabicPageIsRightToLeft(browser, base, shots) {
  const page = await phonePage(browser, base, 'ar');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  await page.getByRole('button', { name: 'ابدأ المحادثة' }).click();
  await page.locator('#name-error').waitFor();
  assert.equal(await page.locator('#name-error').textContent(), 'يرجى كتابة اسمك.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'name');
  await page.screenshot({ path: path.join(shots, 'webchat-ar-error.png') });
  await page.context().close();
}

async function main() {
  const [hubBinary, shots] = process.argv.slice(2);
  if (!hubBinary || !shots) throw new Error('usage: node webchat_e2e.cjs HUB_BINARY SCREENSHOT_DIR');
  fs.mkdirSync(shots, { recursive: true });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'threadline-webchat-'));
  const { hub, port } = await startHub(hubBinary, folder);
  const base = 'http://127.0.0.1:' + port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--no-first-run']
  });
  try {
    const agent = await browser.newPage();
    await signInAgent(agent, base);
    await persianVisitorIsAnswered(browser, base, agent, shots);
    await englishVisitorIsAnswered(browser, base, agent, shots);
    await arabicPageIsRightToLeft(browser, base, shots);
    console.log('webchat e2e: passed; screenshots in ' + shots);
  } finally {
    await browser.close();
    hub.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('webchat e2e: FAILED: ' + (error && error.stack ? error.stack : error));
  process.exit(1);
});
