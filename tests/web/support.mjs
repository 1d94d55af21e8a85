// What every browser test needs: a real rapidfire-server on a free loopback port, Debian's
// Chromium driven by playwright-core (one browser context per person), the bundled bank's
// answers, and screenshots written under the build folder. Everything stops by itself.

import { spawn, execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const phone = { width: 360, height: 640 };
export const projector = { width: 1280, height: 720 };

const serverBinary = process.env.RAPIDFIRE_SERVER_BIN;
const screenshotDir = process.env.RAPIDFIRE_WEB_SCREENSHOTS || join(tmpdir(), 'rapidfire-web');
const chromiumPath = process.env.RAPIDFIRE_CHROMIUM || '/usr/bin/chromium';
const bankFile = process.env.RAPIDFIRE_BANK;

// The flags that let Chromium run as root in a closed network without reaching out.
const chromiumFlags = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, deadline, tls) {
  while (Date.now() < deadline) {
    try {
      const url = `${base}/healthz`;
      const ok = tls ? await httpsOk(url, tls.cert) : (await fetch(url)).ok;
      if (ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server at ${base} did not answer /healthz`);
}

// A self-signed certificate for 127.0.0.1 made with the openssl command line, in `folder`.
export async function selfSignedCertificate(folder) {
  const cert = join(folder, 'cert.pem');
  const key = join(folder, 'key.pem');
  await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1']);
  return { cert, key };
}

// Whether `url` answers 200 over TLS, trusting the test's own certificate.
function httpsOk(url, certFile) {
  return new Promise((resolve) => {
    const request = httpsGet(url, { ca: readFileSync(certFile) }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
  });
}

// A server of its own for one test file; stop() ends it and removes its data. With `tls`
// ({cert, key}) it serves https:// and wss://.
export async function startServer(extraArgs = [], tls = null) {
  if (!serverBinary) throw new Error('RAPIDFIRE_SERVER_BIN is not set');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rapidfire-web-data-'));
  const tlsArgs = tls ? ['--tls-cert', tls.cert, '--tls-key', tls.key] : [];
  const child = spawn(serverBinary, ['--host', '127.0.0.1', '--port', String(port),
    '--data-dir', dataDir, ...tlsArgs, ...extraArgs], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  // A binary that cannot start (missing, not executable) fails the test at once, by name.
  const failed = new Promise((_, reject) => child.once('error', (e) =>
    reject(new Error(`cannot start ${serverBinary}: ${e.message}`))));
  const base = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  failed.catch(() => {});  // once it runs, a later error is the test's stop() business
  await Promise.race([waitForHealth(base, Date.now() + 15000, tls), failed]);
  return {
    base,
    port,
    log: () => log,
    kill: (signal) => child.kill(signal),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
}

// One person: a browser context of their own (storage included) with one page. Dialogs are
// recorded, so a test can say none was opened (a script injected through a nickname would).
export async function person(browser, viewport, name, options = {}) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const dialogs = [];
  const errors = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { name, context, page, dialogs, errors };
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

// The reference answer of each bundled question, by its text.
export function bankAnswers() {
  const bank = JSON.parse(readFileSync(bankFile, 'utf8'));
  const answers = new Map();
  for (const q of bank.questions) answers.set(q.text, q.answer);
  return answers;
}

// Every topic of the bank the server plays.
export function bankTopics() {
  const bank = JSON.parse(readFileSync(bankFile, 'utf8'));
  return new Set(bank.questions.flatMap((q) => q.topics));
}

// The screen a page shows: its visible <main data-screen>.
export async function screenOf(page) {
  return page.locator('main[data-screen]:visible').first().getAttribute('data-screen');
}

export async function waitForScreen(page, name, timeout = 15000) {
  await page.locator(`main[data-screen="${name}"]`).waitFor({ state: 'visible', timeout });
}

// Reads a QR code from a PNG with zbarimg; returns the text it holds.
export async function decodeQr(pngPath) {
  const { stdout } = await promisify(execFile)('zbarimg', ['--quiet', '--raw', pngPath]);
  return stdout.trim();
}


// Creates a room from the host page (the settings by their input's id) and returns its code.
export async function hostRoom(host, base, settings = {}) {
  await host.page.goto(`${base}/`);
  await host.page.click('#host-link');
  await waitForScreen(host.page, 'host-setup');
  for (const [id, value] of Object.entries(settings)) {
    const input = host.page.locator(`#${id}`);
    const kind = await input.evaluate((e) => (e.tagName === 'SELECT' ? 'select' : e.type));
    if (kind === 'select') await input.selectOption(String(value));
    else if (kind === 'checkbox') await input.setChecked(Boolean(value));
    else await input.fill(String(value));
  }
  await host.page.click('#create-button');
  if (settings.kind === 'solo') return null;  // a solo run starts by itself
  await waitForScreen(host.page, 'host-lobby');
  const code = (await host.page.textContent('#room-code')).trim();
  assert.match(code, /^[A-Z0-9]{6,7}$/);
  return code;
}

// A player joins by the room's link and waits in the lobby.
export async function joinRoom(player, base, code, nickname) {
  await player.page.goto(`${base}/join/${code}`);
  await waitForScreen(player.page, 'join');
  assert.equal(await player.page.inputValue('#code'), code);  // the link filled it in
  await player.page.fill('#nickname', nickname);
  await player.page.click('#join-button');
  await waitForScreen(player.page, 'lobby');
}

// Phones (`phone` viewport) named `names` join room `code` in turn; returns them once the
// host's page counts them all.
export async function joinPhones(browser, base, host, code, names) {
  const players = [];
  for (const name of names) {
    const p = await person(browser, phone, name);
    await joinRoom(p, base, code, name);
    players.push(p);
  }
  await host.page.locator('#player-count')
    .filter({ hasText: new RegExp(`^\\s*${names.length}\\s*$`) }).waitFor();
  return players;
}

// The 0-based index of the tile holding the reference answer of the question on screen.
export async function correctTile(page, answers) {
  const text = (await page.textContent('#question-text')).trim();
  const reference = answers.get(text);
  assert.ok(reference, `the question "${text}" is in the bundled bank`);
  const tiles = page.locator('button.choice');
  const count = await tiles.count();
  for (let i = 0; i < count; ++i) {
    if ((await tiles.nth(i).textContent()).includes(reference))
      return Number(await tiles.nth(i).getAttribute('data-choice'));
  }
  throw new Error(`no tile holds the answer to "${text}"`);
}

// Answers the question on screen with keys 1-4, as on a keyboard: the right tile or the next
// one. Waits for the acknowledgement, which may land on a screen already hidden (the last
// answer closes the question at once).
export async function answerChoice(player, answers, right) {
  await waitForOpenQuestion(player);
  const correct = await correctTile(player.page, answers);
  await player.page.keyboard.press(String((right ? correct : (correct + 1) % 4) + 1));
  await waitForAnswerIn(player);
}

// Types a free-text answer and sends it.
export async function typeAnswer(player, text) {
  await waitForOpenQuestion(player);
  await player.page.fill('#answer-text', text);
  await player.page.click('#answer-send');
  await waitForAnswerIn(player);
}

// A question this player has not answered yet. The question just answered stays on screen
// until the server moves on (at once when the only player answers), so the question screen
// alone does not tell the next question from the last.
export async function waitForOpenQuestion(player) {
  await waitForScreen(player.page, 'question');
  await player.page.locator('main[data-screen="question"] #answer-status')
    .filter({ hasNotText: /answer in/i }).waitFor({ state: 'attached' });
}

export async function waitForAnswerIn(player) {
  await player.page.locator('#answer-status').filter({ hasText: /answer in/i })
    .waitFor({ state: 'attached' });
}

// A server and a browser for the tests of one file, started before them and stopped after:
// `const world = withServerAndBrowser();` then `world.server` and `world.browser` in a test.
// Several servers (node ids `nodes`) behind HAProxy with the shipped configuration made to run
// on loopback (deploy/haproxy/loopback.awk): `base` is the proxy's address, `servers` each
// server with its node id (kill() one to see what its players see).
export async function startCluster(nodes) {
  const servers = [];
  for (const node of nodes) {
    servers.push({ node, ...(await startServer(['--node-id', node, '--max-connections-per-ip', '0'])) });
  }
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'rapidfire-web-proxy-'));
  const deploy = fileURLToPath(new URL('../../deploy/haproxy/', import.meta.url));
  const config = execFileSync('awk', ['-v', `port=${port}`, '-v', 'maxconn=2000', '-v', 'inter=100ms',
    '-v', `servers=${servers.map((s) => `${s.node}:${s.port}`).join(',')}`,
    '-f', join(deploy, 'loopback.awk'), join(deploy, 'rapidfire.cfg')]);
  writeFileSync(join(folder, 'haproxy.cfg'), config);
  const proxy = spawn('/usr/sbin/haproxy', ['-q', '-db', '-f', join(folder, 'haproxy.cfg')],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, Date.now() + 15000, null);
  return {
    base,
    servers,
    async stop() {
      if (proxy.exitCode === null && proxy.signalCode === null) {
        const exited = new Promise((r) => proxy.once('exit', r));
        proxy.kill('SIGTERM');
        await exited;
      }
      for (const server of servers) await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export function withServerAndBrowser(serverArgs = [], makeTls = null) {
  const world = { server: null, browser: null, folder: null };
  before(async () => {
    let tls = null;
    if (makeTls) {
      world.folder = mkdtempSync(join(tmpdir(), 'rapidfire-web-tls-'));
      tls = await makeTls(world.folder);
    }
    world.server = await startServer(serverArgs, tls);
    world.browser = await launchBrowser();
  });
  after(async () => {
    await world.browser?.close();
    await world.server?.stop();
    if (world.folder) rmSync(world.folder, { recursive: true, force: true });
  });
  return world;
}

export { screenshotDir };
