#!/usr/bin/env node
// Accessibility check of a built sakip-site (issue 5, item 8).
//
//   node tests/a11y/axe.mjs [--no-js] <site-dir> <page> [<page> …]
//
// Serves <site-dir> over HTTP on 127.0.0.1 (a free port, GET and HEAD only, nothing outside the
// folder), opens every <page> (a path relative to the folder, e.g. `indikator/iku-1/index.html`)
// in Debian's Chromium through playwright-core, runs axe-core with the WCAG 2.1 A/AA rules and
// the best-practice rules, and prints one JSON object on standard output:
//
//   {"<page>": [{"id", "impact", "help", "nodes": [<CSS target>, …]}, …], …}
//
// An empty list is a page without violation. Exit code 0 when every list is empty, 1 when any
// is not, 2 on a usage or start-up error (message on standard error).
//
// Besides axe's own rules, a page also fails with a rule of ours when it does not load
// (`page-load`), a file it uses is missing (`http-error`) or a script on it fails (`script-error`).
// With JavaScript, each page is also looked at on a 390-px phone: it must not scroll sideways as a
// whole, and every box of the performance tree must lie within the screen (`phone-layout`).
//
// --no-js loads the pages with script execution off, as a reader without JavaScript sees them,
// and adds the checks of "the site works without JavaScript": the page has a <main> with an <h1>
// (`no-js-content`), and a search page (`cari/index.html`) links every year page, the tree and
// the downloads with the open data (`no-js-search`). With JavaScript, a search page's index
// (`cari/indeks.js`) holds every indicator, year, cascading unit and Markdown page of its
// language and the page counts them all before anything is typed (`search-index`). Scripts are switched back
// on after loading only so that axe (which needs timers) can run; the page's own scripts, skipped
// while it loaded, stay skipped.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axe = require('axe-core');

const CHROMIUM = '/usr/bin/chromium';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const PAGE_TIMEOUT_MS = 30_000;
const PHONE_WIDTH = 390;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function usage(message) {
  if (message) console.error(`axe.mjs: ${message}`);
  console.error('usage: node tests/a11y/axe.mjs [--no-js] <site-dir> <page> [<page> …]');
  process.exit(2);
}

/// What `urlPath` names under `root` (a real path): `{ file }`, `{ redirect }` for a folder named
/// without its final slash, or null when it names nothing inside the folder.
function resolve(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split('/').includes('..')) return null;
  let real;
  try {
    real = fs.realpathSync(path.join(root, decoded));
    if (fs.statSync(real).isDirectory()) {
      if (!urlPath.endsWith('/')) return { redirect: `/${urlPath.replace(/^\/+/, '')}/` };
      real = fs.realpathSync(path.join(real, 'index.html'));
    }
  } catch {
    return null;
  }
  // A symbolic link must not lead out of the folder either.
  if (!real.startsWith(root + path.sep)) return null;
  return fs.statSync(real).isFile() ? { file: real } : null;
}

/// An HTTP server for the folder `root`; resolves to the server once it listens.
export function serve(root) {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
    const found = resolve(root, urlPath);
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    if (found.redirect) {
      res.writeHead(301, { Location: found.redirect }).end();
      return;
    }
    const { file } = found;
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const body = fs.readFileSync(file);
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

/// Every entry a search page must list, as paths relative to the language root: indicator
/// pages, year pages, Markdown pages and the places of the cascading tree (sasaran, programme,
/// kegiatan, sub-kegiatan: the anchored items of the cascading page).
function expectedSearchEntries(root, langRoot) {
  const base = path.join(root, langRoot);
  const fixed = new Set(['cari', 'cascading', 'indikator', 'tahun', 'unduh', 'en', 'static', 'data', 'bukti']);
  const out = [];
  const pagesIn = (dir) =>
    fs.existsSync(path.join(base, dir))
      ? fs.readdirSync(path.join(base, dir)).filter((d) => fs.existsSync(path.join(base, dir, d, 'index.html')))
      : [];
  for (const d of pagesIn('indikator')) out.push(`indikator/${d}/`);
  for (const d of pagesIn('tahun')) out.push(`tahun/${d}/`);
  for (const d of fs.readdirSync(base)) {
    if (!fixed.has(d) && fs.existsSync(path.join(base, d, 'index.html'))) out.push(`${d}/`);
  }
  const cascading = path.join(base, 'cascading', 'index.html');
  if (fs.existsSync(cascading)) {
    for (const m of fs.readFileSync(cascading, 'utf8').matchAll(/<li id="(k-[^"]+)">/g)) out.push(`cascading/#${m[1]}`);
  }
  return out.sort();
}

function ourViolation(id, help, targets) {
  return { id, impact: 'serious', help, nodes: targets };
}

/// The checks of "the site works without JavaScript" on an opened page.
async function noJsChecks(page, root, rel, baseUrl) {
  const found = [];
  const content = await page.evaluate(() => {
    const main = document.querySelector('main');
    const h1 = main && main.querySelector('h1');
    return { main: !!main, h1: !!(h1 && h1.textContent.trim() && h1.getClientRects().length) };
  });
  if (!content.main || !content.h1) {
    found.push(ourViolation('no-js-content', 'Without JavaScript the page shows its <main> and <h1>', ['main h1']));
  }
  if (/(^|\/)cari\/index\.html$/.test(rel)) {
    // Without JavaScript the search page cannot search: it links what leads to everything.
    const langRoot = rel.replace(/cari\/index\.html$/, '');
    const expected = expectedSearchEntries(root, langRoot).filter((e) => /^tahun\/[^/]+\/$/.test(e));
    expected.push('cascading/', 'unduh/');
    const missing = await missingLinks(page, '#cari-tanpa-js a', langRoot, baseUrl, expected);
    if (missing.length > 0) {
      found.push(
        ourViolation('no-js-search', 'Without JavaScript the search page links every year, the tree and the open data', missing),
      );
    }
  }
  return found;
}

/// Which of `expected` (paths relative to the language root) no visible link matching `selector`
/// leads to.
async function missingLinks(page, selector, langRoot, baseUrl, expected) {
  const shown = await page.evaluate(
    (sel) => Array.from(document.querySelectorAll(sel)).filter((a) => a.getClientRects().length > 0).map((a) => a.href),
    selector,
  );
  const langUrl = new URL(langRoot || './', baseUrl);
  const listed = new Set(shown.map((href) => {
    const u = new URL(href);
    return u.pathname.slice(langUrl.pathname.length) + u.hash;
  }));
  return expected.filter((e) => !listed.has(e));
}

/// With JavaScript, a search page loads its index (`indeks.js`), which holds every indicator,
/// year, cascading unit and Markdown page of its language, and its count of matches is the
/// index's size before anything is typed (`search-index`).
async function searchChecks(page, root, rel) {
  const langRoot = rel.replace(/cari\/index\.html$/, '');
  const state = await page.evaluate(() => ({
    urls: window.sakipCari ? window.sakipCari.e.map((e) => e[2]) : [],
    status: (document.getElementById('cari-jumlah') || {}).textContent || '',
    items: document.querySelectorAll('#cari-daftar > li').length,
  }));
  const urls = new Set(state.urls);
  const missing = expectedSearchEntries(root, langRoot).filter((e) => !urls.has(e));
  const count = state.status.match(/\d[\d.,]*/);
  const counted = count ? Number(count[0].replace(/[.,]/g, '')) : -1;
  if (missing.length > 0 || counted !== urls.size || state.items === 0) {
    const why = missing.length > 0 ? missing : [`count ${counted} of ${urls.size} entries, ${state.items} listed`];
    return [ourViolation('search-index', 'The search index holds everything and the count is true', why)];
  }
  return [];
}

/// On a 390-px phone (issue 10 item 2): the page never scrolls sideways as a whole (a wide table
/// scrolls inside its own region), and every box of the performance tree lies within the screen,
/// so the tree opens on its first box rather than on empty space (`phone-layout`).
async function phoneChecks(page) {
  await page.setViewportSize({ width: PHONE_WIDTH, height: 844 });
  const problems = await page.evaluate(() => {
    const width = window.innerWidth;
    const out = [];
    const page = document.documentElement.scrollWidth;
    if (page > width) out.push(`the page is ${page} px wide on a ${width}-px screen`);
    for (const node of document.querySelectorAll('.tree .node')) {
      const r = node.getBoundingClientRect();
      if (r.left < 0 || r.right > width) {
        const level = (node.querySelector('.level') || node).textContent.trim();
        out.push(`tree box "${level}" spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
      }
    }
    return out.slice(0, 10);
  });
  return problems.length > 0 ? [ourViolation('phone-layout', 'On a phone the page and the tree fit the screen', problems)] : [];
}

async function checkPage(context, root, baseUrl, rel, noJs) {
  const page = await context.newPage();
  const found = [];
  const httpErrors = [];
  const scriptErrors = [];
  page.on('response', (r) => {
    if (r.status() >= 400) httpErrors.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on('pageerror', (e) => scriptErrors.push(String(e.message || e)));
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  // Without JavaScript: the page's own scripts do not run while it loads. Switched back on
  // afterwards only for axe, which needs timers; scripts skipped while loading stay skipped.
  const cdp = noJs ? await context.newCDPSession(page) : null;
  if (cdp) await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  try {
    const response = await page.goto(new URL(rel, baseUrl).href, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    if (!response || response.status() !== 200) {
      return [ourViolation('page-load', 'The page loads', [`HTTP ${response ? response.status() : 'no response'}`])];
    }
    if (cdp) {
      found.push(...(await noJsChecks(page, root, rel, baseUrl)));
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
    } else if (/(^|\/)cari\/index\.html$/.test(rel)) {
      found.push(...(await searchChecks(page, root, rel)));
    }
    await page.evaluate(axe.source);
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      TAGS,
    );
    for (const v of result.violations) {
      found.push({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) });
    }
    if (!cdp) found.push(...(await phoneChecks(page)));
  } catch (e) {
    found.push(ourViolation('page-load', 'The page loads and axe runs on it', [String(e.message || e).split('\n')[0]]));
  } finally {
    await page.close();
  }
  if (httpErrors.length > 0) found.push(ourViolation('http-error', 'Every file the page uses exists', httpErrors));
  if (scriptErrors.length > 0) found.push(ourViolation('script-error', 'The page runs without script errors', scriptErrors));
  return found;
}

async function main() {
  const args = process.argv.slice(2);
  const noJs = args[0] === '--no-js';
  if (noJs) args.shift();
  if (args.some((a) => a.startsWith('--'))) usage(`unknown option ${args.find((a) => a.startsWith('--'))}`);
  const [siteDir, ...pages] = args;
  if (!siteDir || pages.length === 0) usage();
  let root;
  try {
    root = fs.realpathSync(siteDir);
  } catch (e) {
    usage(`${siteDir}: ${e.message}`);
  }
  if (!fs.statSync(root).isDirectory()) usage(`${siteDir} is not a folder`);
  if (!fs.existsSync(CHROMIUM)) usage(`${CHROMIUM} is missing (scripts/test installs Debian's chromium)`);

  const server = await serve(root);
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;
  let browser;
  const summary = {};
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const rel of pages) {
      summary[rel] = await checkPage(context, root, baseUrl, rel.replace(/^\/+/, ''), noJs);
    }
  } finally {
    if (browser) await browser.close();
    server.close();
  }
  console.log(JSON.stringify(summary, null, 2));
  return Object.values(summary).some((v) => v.length > 0) ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`axe.mjs: ${e.stack || e}`);
      process.exit(2);
    },
  );
}
