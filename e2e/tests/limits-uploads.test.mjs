// Upload attacks and limits, product-wide, at the HTTP level (issue 10; quality.md, Security:
// Uploads, Limits). Every upload form of every module gets, as the role that may use it and
// with a valid CSRF token: an oversized file (the form's own message) and an oversized body
// that claims hundreds of MB (413, cut off early); files whose bytes are HTML, SVG or a
// program under a harmless name, and a picture named .pdf (the field's message); polyglots
// (PDF with HTML, PNG/JPEG with script in a text chunk, GIF/JS) that are either refused or
// stored and then served only with their sniffed type, nosniff and — for documents — as an
// attachment; hostile file names (path traversal, NUL, RTL override, quotes, 5,000 characters)
// that come back sanitized in a well-formed Content-Disposition. CSV exports neutralise
// formula cells. Then the limits: a 20 MB form body and a 20 MB JSON body (413, quickly),
// 100,000-character fields in each module's main form (422 at the field, input kept, nothing
// stored), the page rule on every paginated list (the admin's included) and API (bad `seite` → 400 "Diese Seitenzahl
// gibt es nicht.", beyond the last page → 404), odd and long search queries, repeated fields,
// too many multipart parts, and oversized headers. Writes that succeed are our own items and
// are removed again; no demo data is changed.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  Client,
  EXE_PAYLOAD,
  HOSTILE_NAMES,
  HTML_PAYLOAD,
  SVG_PAYLOAD,
  assertCleanName,
  assertSafeDownload,
  csrfOf,
  dispositionName,
  errorSummary,
  fieldError,
  formFields,
  formHtml,
  gifJsPolyglot,
  jpegWithComment,
  messageOf,
  pdf,
  pdfHtmlPolyglot,
  png,
  signedIn,
  sleep,
  solvePow,
  strip,
  streamingPost,
  withField,
} from '../lib/http-attacks.mjs';
import { signInAdmin } from '../lib/http.mjs';

const MB = 1024 * 1024;
const SCRIPT = '<html><body><script>alert(document.domain)</script></body></html>';
const PROCESS = '/beteiligung/digitalstrategie-sachsen';
const PROPOSAL = `${PROCESS}/vorschlaege/1`;
const PROJECT = 1; // Gigabitprojekt Amtsberg (Demo), managed by the demo Kommune
const ACTOR = 'saechsischer-verbund-kommunale-ki'; // represented by the demo Akteur
const PUBLICATION = 1;
const STAMP = Date.now();

const TOO_LARGE = /Die gesendeten Daten sind zu groß/;
const PAGE_NUMBER = /Diese Seitenzahl gibt es nicht/;
const NOT_FOUND = /Seite nicht gefunden/;

const users = {};

before(async () => {
  for (const who of ['redaktion', 'kommune', 'akteur', 'buerger', 'netzbetreiber']) users[who] = await signedIn(who);
});

/** A file part. */
const file = (name, filename, data, type = 'application/octet-stream') => ({ name, filename, data, type });

/** Text parts from pairs. */
const texts = (pairs) => pairs.map(([name, value]) => ({ name, value }));

/** Asserts a refused form: the status, and the field's message (in the field or the summary). */
function assertRefused(r, { status = 422, field, message, label }) {
  assert.equal(r.status, status, `${label}: status ${r.status} — ${messageOf(r.text)} ${errorSummary(r.text).join(' / ')}`);
  const shown = [fieldError(r.text, field), ...errorSummary(r.text)].filter(Boolean).join(' / ');
  assert.match(shown, message, `${label}: message at "${field}": ${shown || messageOf(r.text)}`);
}

/** A 413 for a body of `claimed` bytes, cut off long before it was all sent, with the message. */
async function assertCutOff(client, path, { claimed = 600 * MB, contentType, label }) {
  const headers = { 'content-type': contentType };
  if (client.cookies.size) headers.cookie = client.cookieHeader();
  const r = await streamingPost(path, { claimedBytes: claimed, maxSendBytes: 120 * MB, headers });
  assert.equal(r.status, 413, `${label}: status ${r.status} ${r.error ?? ''} after ${r.sent} bytes`);
  assert.match(messageOf(r.body), TOO_LARGE, `${label}: message`);
  // Refused on the announced length alone, before a byte of the body is sent.
  assert.equal(r.sent, 0, `${label}: the server let ${Math.round(r.sent / MB)} MB be sent before refusing`);
  assert.ok(r.ms < 10_000, `${label}: took ${Math.round(r.ms)} ms`);
  return r;
}

/** Every cell of an RFC 4180 CSV text. */
function csvCells(text) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n') {
      cells.push(cell.replace(/\r$/, ''));
      cell = '';
    } else cell += c;
  }
  if (cell) cells.push(cell);
  return cells;
}

/** Links of a page matching `re` (deduplicated). */
function links(html, re) {
  return [...new Set([...html.matchAll(re)].map((m) => m[0]))];
}

// ====================================================================== uploads

describe('uploads: Anfragen (public inquiry form, visitors)', () => {
  const visitor = new Client();
  let base;

  before(async () => {
    // One challenge serves every refused submission (nothing is stored, so nothing is
    // counted against the inquiry limit); it must be at least MIN_FILL_SECS old.
    const { page } = await visitor.form('/anfragen/neu');
    const fields = formFields(formHtml(page.text, '/anfragen/neu'));
    const challenge = fields.find(([k]) => k === 'challenge')[1];
    base = withField(fields, 'nonce', solvePow(challenge));
    for (const [k, v] of [
      ['sender_type', 'buerger'],
      ['topic', 'ki'],
      ['subject', `E2E Grenzen ${STAMP}`],
      ['message', 'Eine Anfrage mit Anhang, die nie gespeichert wird.'],
      ['email', 'grenzen@example.org'],
      ['consent', 'ja'],
    ]) {
      base = withField(base, k, v);
    }
    await sleep(3_200);
  });

  const send = (attachment, overrides = []) => {
    let fields = base;
    for (const [k, v] of overrides) fields = withField(fields, k, v);
    return visitor.postMultipart('/anfragen/neu', [...texts(fields), ...(attachment ? [attachment] : [])]);
  };

  test('forged types, a picture named .pdf, a GIF/JS polyglot and a file too large are refused at the field', async () => {
    const cases = [
      ['HTML named .pdf', file('attachment', 'antrag.pdf', HTML_PAYLOAD, 'application/pdf'), /keine PDF-Datei und kein PNG- oder JPEG-Bild/],
      ['SVG named .png', file('attachment', 'plan.png', SVG_PAYLOAD, 'image/png'), /keine PDF-Datei und kein PNG- oder JPEG-Bild/],
      ['EXE named .pdf', file('attachment', 'rechnung.pdf', EXE_PAYLOAD, 'application/pdf'), /keine PDF-Datei und kein PNG- oder JPEG-Bild/],
      ['GIF/JS polyglot', file('attachment', 'bild.gif', gifJsPolyglot(), 'image/gif'), /keine PDF-Datei und kein PNG- oder JPEG-Bild/],
      ['PNG named .pdf', file('attachment', 'scan.pdf', png(), 'application/pdf'), /Dateiname passt nicht zum Inhalt/],
      ['10 MB + 1 byte', file('attachment', 'gross.pdf', Buffer.concat([pdf(), Buffer.alloc(10 * MB + 1 - pdf().length, 0x20)]), 'application/pdf'), /größer als 10 MB/],
    ];
    for (const [label, attachment, message] of cases) {
      const r = await send(attachment);
      assertRefused(r, { field: 'attachment', message, label: `Anfrage: ${label}` });
      // The typed input stays, so the person only chooses another file.
      assert.ok(r.text.includes(`value="E2E Grenzen ${STAMP}"`), `Anfrage: ${label}: the subject is kept`);
    }
  });

  test('a 100,000-character subject is refused at the field, the text kept', async () => {
    const long = 'Ä'.repeat(100_000);
    const r = await send(null, [['subject', long]]);
    assertRefused(r, { field: 'subject', message: /zu lang|höchstens/, label: 'Anfrage: long subject' });
  });

  test('a body claiming 600 MB is cut off with 413', async () => {
    await assertCutOff(visitor, '/anfragen/neu', {
      contentType: 'multipart/form-data; boundary=x',
      label: 'Anfrage: 600 MB',
    });
  });

  test('staff see no new inquiry from any of this', async () => {
    const queue = await users.redaktion.get('/anfragen/verwaltung?status=alle');
    assert.equal(queue.status, 200);
    assert.ok(!queue.text.includes(`E2E Grenzen ${STAMP}`), 'a refused inquiry was stored');
  });
});

describe('uploads: Inhalte (media and publication PDFs, Redaktion)', () => {
  const mine = [];

  async function mediaCount() {
    const r = await users.redaktion.get('/redaktion/medien');
    assert.equal(r.status, 200);
    return links(r.text, /\/redaktion\/medien\/\d+(?=")/g).length;
  }

  async function uploadMedia(f, { alt = 'Testbild', description = 'Testdatei' } = {}) {
    const csrf = await users.redaktion.csrf('/redaktion/medien');
    return users.redaktion.postMultipart('/redaktion/medien/hochladen', [
      ...texts([
        ['_csrf', csrf],
        ['alt_text', alt],
        ['description', description],
      ]),
      f,
    ]);
  }

  test('media: forged types, mismatches, polyglots that are no PNG/JPEG/PDF and oversized files are refused, nothing stored', async () => {
    const before = await mediaCount();
    const type = /kein PNG-, JPEG-Bild und keine PDF-Datei/;
    const cases = [
      ['HTML named .png', file('file', 'bild.png', HTML_PAYLOAD, 'image/png'), type],
      ['SVG named .png', file('file', 'logo.png', SVG_PAYLOAD, 'image/png'), type],
      ['EXE named .pdf', file('file', 'setup.pdf', EXE_PAYLOAD, 'application/pdf'), type],
      ['GIF/JS polyglot', file('file', 'x.gif', gifJsPolyglot(), 'image/gif'), type],
      ['PNG named .pdf', file('file', 'bericht.pdf', png(), 'application/pdf'), /Dateiname passt nicht zum Inhalt/],
      ['PDF named .png', file('file', 'foto.png', pdf(), 'image/png'), /Dateiname passt nicht zum Inhalt/],
      ['10 MB + 1 byte', file('file', 'gross.png', Buffer.concat([png(), Buffer.alloc(10 * MB + 1)])), /größer als 10 MB/],
    ];
    for (const [label, f, message] of cases) {
      assertRefused(await uploadMedia(f), { field: 'file', message, label: `Medien: ${label}` });
    }
    // A raw NUL in a part header is no form a browser sends: the body is unreadable (400).
    const nul = await uploadMedia(file('file', HOSTILE_NAMES.nul, pdf(), 'application/pdf'));
    assert.equal(nul.status, 400, `Medien: NUL in the name: ${nul.status} ${messageOf(nul.text)}`);
    assert.match(messageOf(nul.text), /konnte nicht gelesen werden/);
    assert.equal(await mediaCount(), before, 'a refused medium was stored');
  });

  test('media: a body claiming 600 MB is cut off with 413', async () => {
    await assertCutOff(users.redaktion, '/redaktion/medien/hochladen', {
      contentType: 'multipart/form-data; boundary=x',
      label: 'Medien: 600 MB',
    });
  });

  test('media: polyglots that are real PNG/JPEG/PDF are stored and served only as what they are, under a clean name', async () => {
    const cases = [
      ['PNG with a script in tEXt, traversal name', file('file', HOSTILE_NAMES.traversal.replace('.pdf', '.png'), png(SCRIPT), 'text/html'), 'image/png', false],
      ['JPEG with a script comment, RTL name', file('file', 'foto\u202Egpj.exe.jpg', jpegWithComment(SCRIPT), 'text/html'), 'image/jpeg', false],
      ['PDF with HTML after its header, quote name', file('file', HOSTILE_NAMES.quotes, pdfHtmlPolyglot(), 'text/html'), 'application/pdf', true],
      ['PDF, 5,000-character name', file('file', HOSTILE_NAMES.long, pdf(), 'application/pdf'), 'application/pdf', true],
    ];
    for (const [label, f, mime, attachment] of cases) {
      const r = await uploadMedia(f);
      assert.equal(r.status, 303, `Medien: ${label}: ${r.status} ${errorSummary(r.text).join(' / ')}`);
      const id = r.location.match(/\/redaktion\/medien\/(\d+)/)[1];
      mine.push(id);
      const item = await users.redaktion.get(`/redaktion/medien/${id}`);
      const url = item.text.match(new RegExp(`/medien/${id}/[0-9a-f]+/[^"<\\s)]+`))?.[0];
      assert.ok(url, `Medien: ${label}: no public address on the item page`);
      const name = decodeURIComponent(url.split('/').pop());
      assertCleanName(name, `Medien: ${label}: address name`);
      const served = await new Client().get(url, { binary: true });
      assert.equal(served.status, 200, `Medien: ${label}: ${url}`);
      assert.equal(served.headers.get('content-type'), mime, `Medien: ${label}: type`);
      assert.equal(served.headers.get('x-content-type-options'), 'nosniff', `Medien: ${label}: nosniff`);
      assert.deepEqual(served.bytes, f.data, `Medien: ${label}: the bytes are served unchanged`);
      if (attachment) {
        const { ascii, utf8 } = assertSafeDownload(served, mime, `Medien: ${label}`);
        assertCleanName(ascii, `Medien: ${label}: Content-Disposition name`);
        if (utf8) assertCleanName(utf8, `Medien: ${label}: Content-Disposition UTF-8 name`);
      } else {
        // Pictures are shown inline — as pictures only (nosniff, their own type).
        assert.ok(!served.headers.get('content-disposition'), `Medien: ${label}: pictures are inline`);
      }
    }
  });

  test('media: our uploads are removed again', async () => {
    for (const id of mine.splice(0)) {
      const csrf = await users.redaktion.csrf(`/redaktion/medien/${id}`);
      const r = await users.redaktion.postForm(`/redaktion/medien/${id}/loeschen`, { _csrf: csrf });
      assert.equal(r.status, 303, `delete medium ${id}: ${r.status} ${messageOf(r.text)}`);
    }
  });

  test('publication PDF: forged files are refused at the field and the current file stays', async () => {
    const path = `/redaktion/publikationen/${PUBLICATION}`;
    const fileSection = (html) => strip(html.match(/id="datei"[\s\S]*?<\/section>/)?.[0] ?? '');
    const before = await users.redaktion.get(path);
    assert.equal(before.status, 200);
    const cases = [
      ['HTML named .pdf', file('file', 'bericht.pdf', HTML_PAYLOAD, 'application/pdf'), /kein PDF/],
      ['PNG named .pdf', file('file', 'bericht.pdf', png(SCRIPT), 'application/pdf'), /kein PDF/],
      ['EXE named .pdf', file('file', 'bericht.pdf', EXE_PAYLOAD, 'application/pdf'), /kein PDF/],
    ];
    for (const [label, f, message] of cases) {
      const csrf = await users.redaktion.csrf(path);
      const r = await users.redaktion.postMultipart('/redaktion/publikationen/datei', [
        ...texts([
          ['_csrf', csrf],
          ['publication', String(PUBLICATION)],
        ]),
        f,
      ]);
      assertRefused(r, { field: 'file', message, label: `Publikation: ${label}` });
    }
    const after = await users.redaktion.get(path);
    assert.equal(fileSection(after.text), fileSection(before.text), 'the current file changed');
  });

  test('publication PDF: a body claiming 600 MB is cut off with 413', async () => {
    await assertCutOff(users.redaktion, '/redaktion/publikationen/datei', {
      contentType: 'multipart/form-data; boundary=x',
      label: 'Publikation: 600 MB',
    });
  });
});

describe('uploads: Breitband (project documents and MEV address files, Kommune)', () => {
  const projectPath = `/breitband/projekte/${PROJECT}`;
  const docLinks = async () =>
    links((await users.kommune.get(projectPath)).text, new RegExp(`/breitband/projekte/${PROJECT}/dokumente/\\d+(?=")`, 'g'));

  async function uploadDocument(f) {
    const csrf = await users.kommune.csrf(projectPath);
    return users.kommune.postMultipart('/breitband/projekte/dokumente', [
      ...texts([
        ['_csrf', csrf],
        ['project', String(PROJECT)],
      ]),
      f,
    ]);
  }

  test('project documents: forged types, mismatches and oversized files are refused, nothing stored', async () => {
    const before = await docLinks();
    const type = /kein PDF, ODT, DOCX, XLSX oder CSV/;
    const cases = [
      ['HTML named .pdf', file('document', 'bescheid.pdf', HTML_PAYLOAD), type],
      ['HTML named .csv', file('document', 'liste.csv', HTML_PAYLOAD), type],
      ['SVG named .csv', file('document', 'plan.csv', SVG_PAYLOAD), type],
      ['EXE named .pdf', file('document', 'bescheid.pdf', EXE_PAYLOAD), type],
      ['PNG named .pdf', file('document', 'scan.pdf', png(SCRIPT)), type],
      ['PDF named .csv', file('document', 'liste.csv', pdf()), /Dateiendung passt nicht/],
      ['10 MB + 1 byte', file('document', 'gross.pdf', Buffer.concat([pdf(), Buffer.alloc(10 * MB + 1)])), /größer als 10 MB/],
    ];
    for (const [label, f, message] of cases) {
      assertRefused(await uploadDocument(f), { field: 'document', message, label: `Projektdokument: ${label}` });
    }
    assert.deepEqual(await docLinks(), before, 'a refused document was stored');
  });

  test('project documents: a body claiming 600 MB is cut off with 413', async () => {
    await assertCutOff(users.kommune, '/breitband/projekte/dokumente', {
      contentType: 'multipart/form-data; boundary=x',
      label: 'Projektdokument: 600 MB',
    });
  });

  test('project documents: a PDF/HTML polyglot and a formula CSV are served as attachments of their sniffed type, names clean', async () => {
    const before = await docLinks();
    const cases = [
      ['PDF/HTML polyglot, RTL name', file('document', 'bescheid\u202Efdp.exe.pdf', pdfHtmlPolyglot(), 'text/html'), 'application/pdf'],
      ['PDF, traversal name', file('document', HOSTILE_NAMES.backslash, pdf()), 'application/pdf'],
      ['PDF, 5,000-character name', file('document', HOSTILE_NAMES.long, pdf()), 'application/pdf'],
      ['CSV with formulas, quote name', file('document', 'a"; filename="x.html.csv', Buffer.from('name,wert\n=HYPERLINK("http://evil.example"),+cmd\n@SUM(1),-2\n')), 'text/csv'],
    ];
    const added = [];
    try {
      for (const [label, f, mime] of cases) {
        const r = await uploadDocument(f);
        assert.equal(r.status, 303, `Projektdokument: ${label}: ${r.status} ${errorSummary(r.text).join(' / ')}`);
        const now = await docLinks();
        const fresh = now.filter((l) => !before.includes(l) && !added.includes(l));
        assert.equal(fresh.length, 1, `Projektdokument: ${label}: one new document`);
        added.push(fresh[0]);
        const served = await users.kommune.get(fresh[0], { binary: true });
        const { ascii, utf8 } = assertSafeDownload(served, mime, `Projektdokument: ${label}`);
        assertCleanName(ascii, `Projektdokument: ${label}`);
        if (utf8) assertCleanName(utf8, `Projektdokument: ${label} (UTF-8)`);
        assert.match(served.headers.get('cache-control') ?? '', /no-store/, `Projektdokument: ${label}: not cached`);
        // Visitors get nothing.
        const visitor = await new Client().get(fresh[0]);
        assert.ok([403, 404].includes(visitor.status) || (visitor.status === 303 && /anmelden/.test(visitor.location)), `visitor: ${visitor.status}`);
      }
    } finally {
      for (const link of added) {
        const csrf = await users.kommune.csrf(projectPath);
        const r = await users.kommune.postForm(`${link}/entfernen`, { _csrf: csrf });
        assert.equal(r.status, 303, `remove ${link}: ${r.status}`);
      }
    }
    assert.deepEqual(await docLinks(), before, 'our documents are removed again');
  });

  test('MEV: an HTML file as address list is refused at the field, no procedure opened', async () => {
    const listBefore = (await users.kommune.get('/breitband/verfahren')).text;
    const page = await users.kommune.get('/breitband/verfahren/neu');
    let fields = formFields(formHtml(page.text, '/breitband/verfahren/neu'));
    const day = (d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const title = `E2E Grenzen MEV ${STAMP}`;
    for (const [k, v] of [
      ['titel', title],
      ['beginn', day(0)],
      ['frist', day(60)],
      ['quelle', 'datei'],
    ]) {
      fields = withField(fields, k, v);
    }
    for (const [label, data] of [
      ['HTML', HTML_PAYLOAD],
      ['EXE', EXE_PAYLOAD],
    ]) {
      const r = await users.kommune.postMultipart('/breitband/verfahren/neu', [...texts(fields), file('adressen', 'adressen.csv', data, 'text/csv')]);
      assert.equal(r.status, 422, `MEV ${label}: ${r.status} ${errorSummary(r.text).join(' / ')}`);
      assert.ok(errorSummary(r.text).length > 0, `MEV ${label}: an error summary`);
      assert.ok(r.text.includes(`value="${title}"`), `MEV ${label}: the title is kept`);
    }
    const listAfter = (await users.kommune.get('/breitband/verfahren')).text;
    assert.ok(!listAfter.includes(title), 'a refused procedure was opened');
    assert.equal(links(listAfter, /\/breitband\/verfahren\/\d+(?=")/g).length, links(listBefore, /\/breitband\/verfahren\/\d+(?=")/g).length);
  });

  test('MEV: a body claiming 600 MB is cut off with 413', async () => {
    await assertCutOff(users.kommune, '/breitband/verfahren/neu', {
      contentType: 'multipart/form-data; boundary=x',
      label: 'MEV: 600 MB',
    });
  });
});

describe('uploads: Breitband MEV responses (Netzbetreiber)', () => {
  const UPLOAD = '/breitband/verfahren/antworten';
  // A procedure the demo operator is invited to and may answer (found from its list).
  let survey = null;
  let base = [];

  const uploads = async () =>
    links((await users.netzbetreiber.get(`/breitband/verfahren/${survey}/antworten`)).text, new RegExp(`/breitband/verfahren/${survey}/antworten/\\d+(?=")`, 'g'));

  before(async () => {
    const list = await users.netzbetreiber.get('/breitband/verfahren');
    assert.equal(list.status, 200, `operator's procedure list: ${list.status}`);
    for (const link of links(list.text, /\/breitband\/verfahren\/\d+(?=")/g)) {
      const id = link.split('/').pop();
      const page = await users.netzbetreiber.get(`${link}/antworten`);
      const form = page.status === 200 ? formHtml(page.text, UPLOAD) : null;
      if (form) {
        survey = id;
        base = formFields(form);
        break;
      }
    }
    assert.ok(survey, 'the demo operator may answer no procedure');
  });

  const send = async (f) => {
    const csrf = await users.netzbetreiber.csrf(`/breitband/verfahren/${survey}/antworten`);
    return users.netzbetreiber.postMultipart(UPLOAD, [...texts(withField(base, '_csrf', csrf)), ...(f ? [f] : [])]);
  };

  test('HTML, a program, a picture, a semicolon file, no file and 64 MB + 1 byte are refused at the field, nothing stored', async () => {
    const before = await uploads();
    const header = 'address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n';
    const cases = [
      ['HTML named .csv', file('datei', 'rueckmeldung.csv', HTML_PAYLOAD, 'text/csv'), /kann nicht gelesen werden/],
      ['EXE named .csv', file('datei', 'rueckmeldung.csv', EXE_PAYLOAD, 'text/csv'), /kann nicht gelesen werden/],
      ['PNG named .csv', file('datei', 'rueckmeldung.csv', png(SCRIPT), 'text/csv'), /kann nicht gelesen werden/],
      ['semicolons', file('datei', 'rueckmeldung.csv', Buffer.from(header.replaceAll(',', ';')), 'text/csv'), /mit Semikolon getrennt/],
      ['no file', null, /Bitte wählen Sie eine Datei/],
      ['64 MB + 1 byte', file('datei', 'gross.csv', Buffer.concat([Buffer.from(header), Buffer.alloc(64 * MB + 1 - header.length, 0x20)]), 'text/csv'), /zu groß \(höchstens 64 MB\)/],
    ];
    for (const [label, f, message] of cases) {
      const r = await send(f);
      assertRefused(r, { field: 'datei', message, label: `MEV-Rückmeldung: ${label}` });
      // The file's bytes are never echoed as markup.
      assert.ok(!r.text.includes('<script>alert('), `MEV-Rückmeldung: ${label}: markup echoed`);
    }
    assert.deepEqual(await uploads(), before, 'a refused answer was stored');
  });

  test('a body claiming 600 MB is cut off with 413', async () => {
    await assertCutOff(users.netzbetreiber, UPLOAD, {
      contentType: 'multipart/form-data; boundary=x',
      label: 'MEV-Rückmeldung: 600 MB',
    });
  });
});

describe('uploads: Förderlotse import (Redaktion)', () => {
  test('an HTML page, a program and a formula header as import files are refused with the reason, nothing imported', async () => {
    const before = await users.redaktion.get('/foerderung/redaktion/import');
    const jobs = (html) => links(html, /\/foerderung\/redaktion\/import\/auftrag\/\d+(?=")/g).length;
    const cases = [
      ['HTML named .csv', file('datei', 'angebote.csv', HTML_PAYLOAD, 'text/csv'), /unbekannte Spalten/],
      ['EXE named .json', file('datei', 'angebote.json', EXE_PAYLOAD, 'application/json'), /nicht in UTF-8/],
      ['formula header', file('datei', 'angebote.csv', Buffer.from('=HYPERLINK("http://evil.example")\n'), 'text/csv'), /unbekannte Spalten/],
    ];
    for (const [label, f, message] of cases) {
      const csrf = csrfOf(before.text);
      const r = await users.redaktion.postMultipart('/foerderung/redaktion/import', [
        ...texts([
          ['_csrf', csrf],
          ['format', 'auto'],
          ['notiz', ''],
        ]),
        f,
      ]);
      assertRefused(r, { field: 'datei', message, label: `Förderimport: ${label}` });
      // The refused file's text is shown as text, never as markup.
      assert.ok(!r.text.includes('<script>alert(document.cookie)'), `Förderimport: ${label}: markup echoed`);
    }
    const after = await users.redaktion.get('/foerderung/redaktion/import');
    assert.equal(jobs(after.text), jobs(before.text), 'an import job was started');
  });

  test('a body claiming 600 MB is cut off with 413', async () => {
    await assertCutOff(users.redaktion, '/foerderung/redaktion/import', {
      contentType: 'multipart/form-data; boundary=x',
      label: 'Förderimport: 600 MB',
    });
  });
});

describe('uploads: KI-Netzwerk logo (Akteur)', () => {
  const edit = `/netzwerk/akteure/${ACTOR}/bearbeiten`;
  const logoUrl = `/netzwerk/akteure/${ACTOR}/logo`;

  test('forged logos, polyglots that are no PNG/JPEG/WebP and a logo too large are refused, the logo unchanged', async () => {
    const logoBefore = await new Client().get(logoUrl, { binary: true });
    const type = /kein PNG-, JPEG- oder WebP-Bild/;
    const cases = [
      ['HTML named .png', file('logo', 'logo.png', HTML_PAYLOAD, 'image/png'), type],
      ['SVG named .png', file('logo', 'logo.png', SVG_PAYLOAD, 'image/svg+xml'), type],
      ['EXE named .jpg', file('logo', 'logo.jpg', EXE_PAYLOAD, 'image/jpeg'), type],
      ['GIF/JS polyglot', file('logo', 'logo.gif', gifJsPolyglot(), 'image/gif'), type],
      ['PDF named .png', file('logo', 'logo.png', pdfHtmlPolyglot(), 'image/png'), type],
      ['512 KB + 1 byte', file('logo', 'logo.png', Buffer.concat([png(), Buffer.alloc(512 * 1024 + 1)]), 'image/png'), /größer als 512 KB/],
    ];
    for (const [label, f, message] of cases) {
      const csrf = await users.akteur.csrf(edit);
      const r = await users.akteur.postMultipart(logoUrl, [...texts([['_csrf', csrf], ['logo_alt', 'Logo']]), f]);
      assertRefused(r, { field: 'logo', message, label: `Logo: ${label}` });
    }
    const logoAfter = await new Client().get(logoUrl, { binary: true });
    assert.equal(logoAfter.status, logoBefore.status, 'logo status changed');
    if (logoAfter.status === 200) {
      assert.deepEqual(logoAfter.bytes, logoBefore.bytes, 'the logo changed');
      assert.match(logoAfter.headers.get('content-type') ?? '', /^image\/(png|jpeg|webp)$/);
      assert.equal(logoAfter.headers.get('x-content-type-options'), 'nosniff');
    }
  });

  test('a 3 MB logo body (above the instance limit) is cut off with 413', async () => {
    await assertCutOff(users.akteur, logoUrl, {
      claimed: 3 * MB,
      contentType: 'multipart/form-data; boundary=x',
      label: 'Logo: 3 MB',
    });
  });
});

describe('CSV exports neutralise formulas (Beteiligung)', () => {
  test('a comment starting with =, + or @ comes out of the process export as text, not as a formula', async () => {
    const formula = `=HYPERLINK("http://evil.example/?${STAMP}";"Klick")`;
    const page = await users.buerger.get(PROPOSAL);
    let fields = formFields(formHtml(page.text, `${PROPOSAL}/kommentare`));
    fields = withField(fields, 'body', formula);
    const r = await users.buerger.postForm(`${PROPOSAL}/kommentare`, fields);
    assert.ok([200, 303].includes(r.status), `comment: ${r.status} ${messageOf(r.text)}`);
    const csv = await users.redaktion.get(`${PROCESS}/daten/export.csv`);
    assert.equal(csv.status, 200, `export: ${csv.status} ${messageOf(csv.text)}`);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(csv.headers.get('x-content-type-options'), 'nosniff');
    assert.match(csv.headers.get('content-disposition') ?? '', /^attachment;/);
    const line = csv.text.split('\n').find((l) => l.includes(`evil.example/?${STAMP}`));
    assert.ok(line, 'the comment is in the export');
    assert.ok(line.includes(`"'=HYPERLINK(`), `the formula is not neutralised: ${line}`);
    // No cell of the export starts with a formula character (numbers aside).
    const bad = csvCells(csv.text).filter((c) => /^[=+@\t\r]/.test(c) || /^-[^\d]/.test(c));
    assert.deepEqual(bad.slice(0, 3), [], 'cells that a spreadsheet runs as formulas');
  });
});

// ====================================================================== limits

describe('limits: huge bodies', () => {
  test('a 20 MB form body to a comment form is 413 at once, nothing stored', async () => {
    const csrf = await users.buerger.csrf(PROPOSAL);
    const marker = `E2E-20MB-${STAMP}`;
    const prefix = Buffer.from(`_csrf=${encodeURIComponent(csrf)}&stance=neutral&body=${marker}`);
    const r = await streamingPost(`${PROPOSAL}/kommentare`, {
      claimedBytes: 20 * MB,
      maxSendBytes: 20 * MB,
      prefix,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: users.buerger.cookieHeader() },
    });
    assert.equal(r.status, 413, `status ${r.status} ${r.error ?? ''}`);
    assert.match(messageOf(r.body), TOO_LARGE);
    assert.ok(r.ms < 5_000, `took ${Math.round(r.ms)} ms`);
    assert.ok(!(await users.buerger.get(PROPOSAL)).text.includes(marker), 'the comment was stored');
  });

  test('a 20 MB body from a visitor (sign-in form) and a 20 MB JSON body to the API are 413', async () => {
    for (const [path, type] of [
      ['/konto/anmelden', 'application/x-www-form-urlencoded'],
      ['/foerderung/api/angebote', 'application/json'],
      ['/netzwerk/api/akteure', 'application/json'],
    ]) {
      const r = await streamingPost(path, { claimedBytes: 20 * MB, maxSendBytes: 20 * MB, headers: { 'content-type': type } });
      assert.equal(r.status, 413, `${path}: status ${r.status} ${r.error ?? ''}`);
      assert.match(messageOf(r.body), TOO_LARGE, `${path}: message`);
      assert.ok(r.ms < 5_000, `${path}: took ${Math.round(r.ms)} ms`);
    }
  });
});

describe('limits: 100,000-character fields in each module\'s main form', () => {
  const LONG = 'Ä'.repeat(100_000);
  const forms = [
    ['Beteiligung: comment', 'buerger', PROPOSAL, `${PROPOSAL}/kommentare`, 'body', PROPOSAL],
    ['Beteiligung: proposal title', 'buerger', `${PROCESS}/vorschlaege/neu`, `${PROCESS}/vorschlaege/neu`, 'title', `${PROCESS}/vorschlaege`],
    ['Beteiligung: proposal text', 'buerger', `${PROCESS}/vorschlaege/neu`, `${PROCESS}/vorschlaege/neu`, 'body', `${PROCESS}/vorschlaege`],
    ['KI-Netzwerk: post title', 'akteur', '/netzwerk/beitraege/neu', '/netzwerk/beitraege/neu', 'title', '/netzwerk/beitraege'],
    ['KI-Netzwerk: cooperation request title', 'akteur', '/netzwerk/kooperationsgesuche/neu', '/netzwerk/kooperationsgesuche/neu', 'title', '/netzwerk/kooperationsgesuche'],
    ['Inhalte: news title', 'redaktion', '/redaktion/aktuelles/neu', '/redaktion/aktuelles/neu', 'title', '/redaktion/aktuelles'],
    ['Förderlotse: offer title', 'redaktion', '/foerderung/redaktion/neu', '/foerderung/redaktion/neu', 'title', '/foerderung'],
    ['Breitband: project responsible', 'kommune', `/breitband/projekte/${PROJECT}/bearbeiten`, `/breitband/projekte/${PROJECT}/bearbeiten`, 'responsible', `/breitband/projekte/${PROJECT}`],
  ];
  for (const [label, who, page, action, field, list] of forms) {
    test(label, async () => {
      const client = users[who];
      const form = formHtml((await client.get(page)).text, action);
      assert.ok(form, `${label}: no form ${action} on ${page}`);
      const marker = LONG.slice(0, 200);
      const r = await client.postForm(action, withField(formFields(form), field, LONG));
      assertRefused(r, { field, message: /zu lang|höchstens/, label });
      assert.ok(r.ms < 3_000, `${label}: took ${Math.round(r.ms)} ms`);
      assert.ok(r.text.includes(LONG), `${label}: the typed text is kept`);
      assert.ok(!(await client.get(list)).text.includes(marker), `${label}: stored`);
    });
  }
});

describe('limits: the page rule on every paginated list', () => {
  // Lists with pages (visitors, then staff and members); the rule is one middleware plus
  // Pagination::new (crates/dias-web), see docs/ARCHITECTURE.md "Limits".
  const PUBLIC = [
    '/aktuelles',
    '/newsletter/archiv',
    '/publikationen',
    '/foerderung',
    '/foerderung/fristen',
    '/netzwerk/akteure',
    '/netzwerk/veranstaltungen',
    '/netzwerk/veranstaltungen/archiv',
    '/netzwerk/beitraege',
    '/netzwerk/kooperationsgesuche',
    `${PROCESS}/vorschlaege`,
    PROPOSAL,
    '/suche?q=digital',
  ];
  const MEMBERS = [
    ['redaktion', '/redaktion/aktuelles'],
    ['redaktion', '/anfragen/verwaltung'],
    ['redaktion', '/foerderung/redaktion'],
    ['kommune', '/breitband/projekte'],
    ['buerger', '/konto/benachrichtigungen'],
  ];
  // The admin area's lists (crates/dias-web/src/admin), with and without their filters.
  const ADMIN = [
    '/verwaltung/benutzer',
    '/verwaltung/benutzer?q=demo',
    '/verwaltung/protokoll',
    '/verwaltung/postausgang',
    '/verwaltung/postausgang?an=demo',
    '/verwaltung/aufgaben',
  ];
  const APIS = ['/foerderung/api/angebote', '/netzwerk/api/akteure', '/api/v1/publikationen'];
  const BAD = ['999999999', '-1', 'abc', '1e9', '0', '1.5', '1001', '99999999999999999999999', '%00'];
  const join = (path, q) => `${path}${path.includes('?') ? '&' : '?'}${q}`;

  const check = async (client, path, { api = false } = {}) => {
    const first = await client.get(path);
    assert.equal(first.status, 200, `${path}: ${first.status}`);
    for (const value of BAD) {
      const r = await client.get(join(path, `seite=${value}`));
      assert.equal(r.status, 400, `${path}?seite=${value}: ${r.status}`);
      assert.match(messageOf(r.text), PAGE_NUMBER, `${path}?seite=${value}: ${messageOf(r.text)}`);
      assert.ok(r.ms < 2_000, `${path}?seite=${value}: ${Math.round(r.ms)} ms`);
      if (api) assert.match(r.headers.get('content-type') ?? '', /json/, `${path}: an API answers in JSON`);
    }
    // A valid number beyond the last page (the lists have fewer than 999 pages): 404 for a
    // page (the site search refuses pages past its own cap of 100 with 400); an API answers
    // an empty page that names the page count.
    const beyond = await client.get(join(path, 'seite=999'));
    if (api) {
      assert.equal(beyond.status, 200, `${path}?seite=999: ${beyond.status}`);
      const json = JSON.parse(beyond.text);
      const items = json.data ?? json.items ?? json.offers ?? json.publications;
      assert.ok(Array.isArray(items), `${path}?seite=999: no list in ${Object.keys(json)}`);
      assert.equal(items.length, 0, `${path}?seite=999: entries on a page beyond the last`);
      assert.ok(json.pages >= 1 && json.pages < 999, `${path}?seite=999: pages ${json.pages}`);
    } else if (path.startsWith('/suche')) {
      assert.equal(beyond.status, 400, `${path}?seite=999: ${beyond.status}`);
      assert.match(messageOf(beyond.text), PAGE_NUMBER);
    } else {
      assert.equal(beyond.status, 404, `${path}?seite=999: ${beyond.status}`);
      assert.match(messageOf(beyond.text), NOT_FOUND, `${path}?seite=999`);
    }
    // Parameters no list knows are ignored, never an error.
    const odd = await client.get(join(path, 'limit=100000&offset=-5&cursor=%27%22'));
    assert.equal(odd.status, 200, `${path} with limit/offset/cursor: ${odd.status}`);
  };

  test('public lists', async () => {
    const visitor = new Client();
    for (const path of PUBLIC) await check(visitor, path);
  });

  test('lists of staff and members', async () => {
    for (const [who, path] of MEMBERS) await check(users[who], path);
  });

  test('admin lists', async () => {
    // The admin signs in with the second factor (lib/http.mjs); its cookies serve this client.
    const admin = new Client();
    admin.cookies = new Map((await signInAdmin()).cookies);
    for (const path of ADMIN) await check(admin, path);
  });

  test('APIs (JSON errors)', async () => {
    const visitor = new Client();
    for (const path of APIS) await check(visitor, path, { api: true });
    // `limit` is no parameter of ours: a page keeps its size.
    const normal = JSON.parse((await visitor.get('/foerderung/api/angebote')).text);
    const huge = JSON.parse((await visitor.get('/foerderung/api/angebote?limit=100000')).text);
    assert.deepEqual(huge, normal, 'limit=100000 changed the answer');
  });
});

describe('limits: odd and long queries', () => {
  const SEARCHES = ['/suche', '/foerderung', '/netzwerk/akteure', '/foerderung/api/angebote', '/publikationen'];
  const ODD = ['"unbalanced', 'titel:', 'title:ki', '*', '?', 'ki~', 'ki~2', 'ki^3', 'a AND (b', '[1 TO', '{x', '\\', '%', "'; DROP TABLE users; --", '<script>alert(1)</script>', '\u0000', '\u202Eki'];

  test('search syntax of every kind is answered with results or none, never 500', async () => {
    const visitor = new Client();
    for (const path of SEARCHES) {
      for (const q of ODD) {
        const r = await visitor.get(`${path}?q=${encodeURIComponent(q)}`);
        assert.ok([200, 400].includes(r.status), `${path}?q=${JSON.stringify(q)}: ${r.status}`);
        if (r.status === 400) assert.ok(messageOf(r.text).length > 10, `${path}?q=${JSON.stringify(q)}: no message`);
        assert.ok(!r.text.includes('<script>alert(1)</script>'), `${path}: the query is echoed as markup`);
        assert.ok(r.ms < 2_000, `${path}?q=${JSON.stringify(q)}: ${Math.round(r.ms)} ms`);
      }
    }
  });

  test('a 10,000-character query is refused with the reason (or answered), quickly', async () => {
    const visitor = new Client();
    const long = 'Digitalisierung '.repeat(625);
    for (const path of SEARCHES) {
      const r = await visitor.get(`${path}?q=${encodeURIComponent(long)}`);
      assert.ok([200, 400].includes(r.status), `${path}: ${r.status}`);
      if (r.status === 400) assert.match(messageOf(r.text), /zu lang|höchstens|ungültig/, `${path}: ${messageOf(r.text)}`);
      assert.ok(r.ms < 2_000, `${path}: ${Math.round(r.ms)} ms`);
    }
    const site = await visitor.get(`/suche?q=${encodeURIComponent(long)}`);
    assert.equal(site.status, 400);
    assert.match(messageOf(site.text), /Suchbegriff ist zu lang/);
  });
});

describe('limits: repeated fields, too many parts, oversized headers', () => {
  test('a field repeated 100,000 times is a clear 400 in German, nothing stored', async () => {
    const csrf = await users.buerger.csrf(PROPOSAL);
    const marker = `E2E-repeat-${STAMP}`;
    const pairs = [
      ['_csrf', csrf],
      ['stance', 'neutral'],
    ];
    pairs.push(['body', marker]);
    for (let i = 1; i < 100_000; i++) pairs.push(['body', 'x']);
    const r = await users.buerger.postForm(`${PROPOSAL}/kommentare`, pairs);
    assert.equal(r.status, 400, `${r.status} ${messageOf(r.text)}`);
    assert.match(messageOf(r.text), /Das Formular konnte nicht gelesen werden/);
    assert.ok(!/duplicate field|deserialize/i.test(r.text), 'serde\'s English text is shown');
    assert.ok(!(await users.buerger.get(PROPOSAL)).text.includes(marker), 'stored');
  });

  test('100,000 unknown fields are ignored: the form answers for its own fields only', async () => {
    const csrf = await users.buerger.csrf(PROPOSAL);
    const pairs = [
      ['_csrf', csrf],
      ['stance', 'neutral'],
      ['body', ''],
    ];
    for (let i = 0; i < 100_000; i++) pairs.push([`f${i}`, 'x']);
    const r = await users.buerger.postForm(`${PROPOSAL}/kommentare`, pairs);
    assertRefused(r, { field: 'body', message: /ausfüllen|Bitte/, label: 'many fields' });
    assert.ok(r.ms < 3_000, `took ${Math.round(r.ms)} ms`);
  });

  test('a multipart body with 500 parts is refused as unreadable (400), not as a CSRF failure', async () => {
    const csrf = await users.redaktion.csrf('/redaktion/medien');
    const parts = [{ name: '_csrf', value: csrf }];
    for (let i = 0; i < 500; i++) parts.push({ name: `f${i}`, value: 'x' });
    const r = await users.redaktion.postMultipart('/redaktion/medien/hochladen', parts);
    assert.equal(r.status, 400, `${r.status} ${messageOf(r.text)}`);
    assert.match(messageOf(r.text), /Formular mit der Datei konnte nicht gelesen werden/);
  });

  test('a broken multipart body is a clear 400', async () => {
    const csrf = await users.redaktion.csrf('/redaktion/medien');
    const r = await users.redaktion.request('/redaktion/medien/hochladen', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz', 'x-csrf-token': csrf },
      body: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabgebrochen',
    });
    assert.equal(r.status, 400);
    assert.match(messageOf(r.text), /konnte nicht gelesen werden/);
  });

  test('a 600 KB header and 150 headers are refused with 431', async () => {
    const big = await streamingHead({ 'x-big': 'a'.repeat(600 * 1024) });
    assert.equal(big, 431);
    const many = {};
    for (let i = 0; i < 150; i++) many[`x-h${i}`] = 'v';
    assert.equal(await streamingHead(many), 431);
  });
});

/** The status of a GET / with these headers (node:http, which sends what fetch would refuse). */
async function streamingHead(headers) {
  const { request } = await import('node:http');
  const { BASE_URL } = await import('../lib/http-attacks.mjs');
  const url = new URL('/', BASE_URL);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: '/', headers, maxHeaderSize: 1 << 20 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}
