/* Search in the reader's language with Pagefind, loaded on first use.
   Each language has its own index (pagefind/, en/pagefind/, km/pagefind/). The build
   prepares the indexed text (see src/gialai/search.py); this module prepares queries the
   same way and shows results in the original script:
   - Vietnamese: words are indexed as bare letters, an end marker and stand-in letters
     naming the marks ("Đắk" → "Dak" + 4), so "dak" finds "Đắk" and "Đắk" finds only
     "Đắk". An accented query that finds few articles is followed by the bare one.
   - Khmer, Lao, Chinese: words are split by spaces in the index, real spaces marked with
     U+2060. A Khmer or Lao query typed without spaces is split with the site's own word
     list, fetched in small parts; Pagefind splits a Chinese query itself (Intl.Segmenter).
     Khmer and Lao vowel signs and tone marks are indexed as stand-in letters.
   - Ranking: Pagefind ranks the lead above the body (its weights, set by the build); the
     results are then ranked again here, with what Pagefind gives before any page's data
     is fetched: query words found in the title, tags or names count more, and a page
     where the words stand together as typed beats one where they are scattered. Nothing
     more is downloaded for it: the word searches reuse the index chunks of the query.
   - Latin (Jrai, Bahnar): Pagefind folds the marks; stroke letters (ƀ, đ) are indexed as
     base letter + U+0335, so a query is written with the base letter. */

const PANEL_RESULTS = 5;
const PAGE_RESULTS = 20;
const MIN_CHARACTERS = 2;
const DEBOUNCE_MS = 250;
const WORD_JOINER = "\u2060";

const instances = new Map();

function pagefindFor(bundle, baseUrl, lang) {
  if (!instances.has(bundle)) {
    instances.set(bundle, (async () => {
      let pagefind;
      try {
        pagefind = await import(`${bundle}pagefind.js`);
      } catch (error) {
        // A language without published articles has no index: nothing is ever found.
        // Anything else (the server cannot be reached) is reported as such.
        const entry = await fetch(`${bundle}pagefind-entry.json`, { method: "HEAD" });
        if (entry.status === 404) return null;
        throw error;
      }
      // noWorker spares a 12 KB download of a worker script.
      await pagefind.options({ baseUrl, excerptLength: 24, noWorker: true });
      await pagefind.init();
      return pagefind;
    })());
  }
  return instances.get(bundle);
}

// --- Vietnamese ------------------------------------------------------------------------
// As in src/gialai/search.py: a word is indexed as its bare letters, an end marker, then
// one stand-in letter per mark, letter by letter, in Unicode's canonical order.
const VI_END = "\ua0ff";
const VI_STAND_IN = 0xa100;
const VI_STROKE = "d-stroke";
const VI_MARKS = [VI_STROKE, "\u0302", "\u0306", "\u031b", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
const VI_LETTERS = 24;
const VI_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const VI_ENCODED = /([\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*?)\ua0ff([\ua100-\ua1d7]*)/gu;

function vietnameseWord(word, keepMarks) {
  const letters = []; // one per character of the written word, marks taken out
  const marks = [];
  for (const char of word) {
    if ((char === "đ" || char === "Đ") && letters.length < VI_LETTERS) {
      letters.push(char === "đ" ? "d" : "D");
      marks.push([letters.length - 1, 0]);
      continue;
    }
    const parts = [...char.normalize("NFD")];
    if (!(letters.length && /\p{M}/u.test(parts[0]))) letters.push("");
    const last = letters.length - 1;
    let kept = "";
    let taken = [];
    for (const part of parts) {
      if (VI_MARKS.indexOf(part) > 0 && letters[last] + kept && letters.length <= VI_LETTERS) {
        taken.push(part);
      } else {
        kept += part; // a letter, or another script's mark (ü, ç)
      }
    }
    // As in the build: marks that would come back in another order (Ṥ) stay in the letter.
    const written = (letters[last] + parts.join("")).normalize("NFC");
    if (taken.length && (letters[last] + kept + taken.join("")).normalize("NFC") !== written) {
      kept = parts.join("");
      taken = [];
    }
    letters[last] += kept;
    for (const mark of taken) marks.push([last, VI_MARKS.indexOf(mark)]);
  }
  const suffix = keepMarks
    ? marks.map(([at, mark]) => String.fromCharCode(VI_STAND_IN + at * VI_MARKS.length + mark)).join("")
    : "";
  return letters.map((letter) => letter.normalize("NFC")).join("") + VI_END + suffix;
}
// The query as the index spells it, and with bare letters only (every spelling).
const vietnameseQuery = (text) => text.normalize("NFC").replace(VI_WORD, (w) => vietnameseWord(w, true));
const vietnameseBare = (text) => text.normalize("NFC").replace(VI_WORD, (w) => vietnameseWord(w, false));
const vietnameseShow = (text) => text.replace(VI_ENCODED, (_, word, suffix) => {
  const letters = word.match(/\p{M}+|\P{M}\p{M}*/gu);
  for (const standIn of suffix) {
    const code = standIn.charCodeAt(0) - VI_STAND_IN;
    const at = Math.floor(code / VI_MARKS.length);
    const mark = VI_MARKS[code % VI_MARKS.length];
    if (at >= letters.length) continue;
    if (mark === VI_STROKE) letters[at] = { d: "đ", D: "Đ" }[letters[at]] || letters[at];
    else letters[at] += mark;
  }
  return letters.join("").normalize("NFC");
});

// --- Scripts written without spaces: Khmer, Lao, Chinese ------------------------------
// As in src/gialai/segmenting.py: the script's letters, the marks indexed as stand-in
// letters (from `standIn`, one for one) so that Pagefind does not fold them away, and the
// one spelling of look-alike sequences. `longest`: graphemes in the longest word tried.
const range = (from, to) => [...Array(to - from).keys()].map((i) => from + i);
const WORD_SCRIPTS = {
  khmer: {
    letters: /[\u1780-\u17FF\u19E0-\u19FF]/,
    marks: range(0x17b4, 0x17d4).concat([0x17dd]),
    standIn: 0xa000,
    // Subscript DA and subscript TA look the same; writers use both.
    normal: (text) => text.normalize("NFC").replace(/\u17d2\u178a/g, "\u17d2\u178f"),
    vocabulary: true,
    longest: 14,
  },
  lao: {
    letters: /[\u0E80-\u0EFF]/,
    marks: [0x0eb1].concat(range(0x0eb4, 0x0ebd), range(0x0ec8, 0x0ecf)),
    standIn: 0xa040,
    // ຳ for ໍາ (the tone mark on either side), ໜ and ໝ for ຫນ and ຫມ.
    normal: (text) => text.normalize("NFC").replace(/\u0ecd([\u0ec8-\u0ecb]?)\u0eb2/g, "$1\u0eb3")
      .replace(/\u0eab\u0e99/g, "\u0edc").replace(/\u0eab\u0ea1/g, "\u0edd"),
    vocabulary: true,
    longest: 20,
  },
  chinese: {
    letters: /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u,
    marks: [],
    standIn: 0,
    normal: (text) => text.normalize("NFC"),
    vocabulary: false,
    longest: 0,
  },
};
for (const script of Object.values(WORD_SCRIPTS)) {
  script.hide = new Map(script.marks.map((code, i) => [String.fromCharCode(code), String.fromCharCode(script.standIn + i)]));
  script.show = new Map([...script.hide].map(([mark, standIn]) => [standIn, mark]));
}
const wordsHide = (script, text) => [...text].map((c) => script.hide.get(c) || c).join("");
const wordsShow = (script, text) =>
  [...text.split(WORD_JOINER).map((part) => part.replace(/ +/g, "")).join(" ")
    .replace(/ {2,}/g, " ").trim()].map((c) => script.show.get(c) || c).join("");

// --- Latin with stroke letters (Jrai, Bahnar) -------------------------------------------
// As LATIN_STROKES in src/gialai/search.py.
const STROKES = {
  "ƀ": "b", "Ƀ": "B", "đ": "d", "Đ": "D", "ǥ": "g", "Ǥ": "G", "ħ": "h", "Ħ": "H", "ɨ": "i",
  "Ɨ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ŧ": "t", "Ŧ": "T", "ʉ": "u", "Ʉ": "U",
  "ƶ": "z", "Ƶ": "Z",
};
const STROKE = "\u0335";
const STROKE_BACK = new Map(Object.entries(STROKES).map(([letter, base]) => [base + STROKE, letter]));
const STROKE_LETTERS = new RegExp(`[${Object.keys(STROKES).join("")}]`, "gu");
const STROKED = new RegExp(`[${[...new Set(Object.values(STROKES))].join("")}]${STROKE}`, "gu");
// Pagefind folds the marks of the query itself; the stroke letters become their base.
const latinQuery = (text) => text.normalize("NFC").replace(STROKE_LETTERS, (c) => STROKES[c]);
const latinShow = (text) => text.replace(STROKED, (pair) => STROKE_BACK.get(pair) || pair);

// Grapheme clusters follow Unicode's rules, the same in every language.
const graphemes = (text) =>
  [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((g) => g.segment);
// "0123456789" written in a language's digits, as given by the page.
const localDigits = (ten) => ({
  format: (n) => (ten && ten.length === 10 ? String(n).replace(/[0-9]/g, (d) => ten[d]) : String(n)),
});

// The site's words of one script, fetched by first letter as a query needs them.
class VocabularyWords {
  constructor(folder, script, lang) {
    this.folder = folder;
    this.script = script;
    this.segmenter = lang ? new Intl.Segmenter(lang, { granularity: "word" }) : null;
    this.words = new Set();
    this.loaded = new Map();
  }

  load(text) {
    const needed = new Set(
      graphemes(text).filter((g) => this.script.letters.test(g)).map((g) => g.codePointAt(0).toString(16)),
    );
    return Promise.all([...needed].map((key) => {
      if (!this.loaded.has(key)) {
        this.loaded.set(key, fetch(`${this.folder}${key}.txt`)
          .then((response) => (response.ok ? response.text() : ""))
          .then((list) => { for (const word of list.split("\n")) if (word) this.words.add(word); })
          .catch(() => {}));
      }
      return this.loaded.get(key);
    }));
  }

  // The split with the fewest known words, as split_known in src/gialai/segmenting.py
  // splits the site's texts; unknown letters are kept together.
  split(text, longest = this.script.longest) {
    const out = [];
    const runs = text.split(/\s+/).filter(Boolean);
    for (const run of runs) {
      if (!this.script.letters.test(run)) { out.push(run); continue; }
      const g = graphemes(run);
      const n = g.length;
      const best = new Array(n + 1).fill(Infinity);
      const back = new Array(n + 1).fill(0);
      best[0] = 0;
      for (let i = 0; i < n; i += 1) {
        if (best[i] === Infinity) continue;
        let word = "";
        for (let j = i + 1; j <= Math.min(n, i + longest); j += 1) {
          word += g[j - 1];
          const cost = this.words.has(word) ? 1 : (j === i + 1 ? 10 : Infinity);
          if (best[i] + cost < best[j]) { best[j] = best[i] + cost; back[j] = i; }
        }
      }
      const tokens = [];
      for (let j = n; j > 0; j = back[j]) tokens.unshift(g.slice(back[j], j).join(""));
      const merged = [];
      for (const token of tokens) {
        const last = merged.length - 1;
        if (!this.words.has(token) && last >= 0 && !this.words.has(merged[last])) merged[last] += token;
        else merged.push(token);
      }
      // Letters no word of the site covers: the browser's own splitter, for what it is worth
      // (the build never has such letters: every word of the site is in the vocabulary).
      // The end of the query, from its first unknown letters on, stays whole: it may be the
      // start of a word still being typed (រតន for រតនគិរី), which Pagefind finds as such.
      const last = run === runs[runs.length - 1];
      // The end of the query is the start of a word of the site (សម of សមុទ្រ): searched as
      // such, rather than cut into shorter words (ស, ម).
      if (last && merged.length > 1 && [...this.words].some((w) => w.length > run.length && w.startsWith(run))) {
        out.push(run);
        continue;
      }
      const unknown = merged.findIndex((token) => !this.words.has(token));
      if (last && unknown >= 0) merged.splice(unknown, merged.length, merged.slice(unknown).join(""));
      for (const [at, token] of merged.entries()) {
        if (this.words.has(token) || !this.segmenter || (last && at === merged.length - 1)) out.push(token);
        else out.push(...[...this.segmenter.segment(token)].map((s) => s.segment).filter((w) => w.trim()));
      }
    }
    return out.join(" ");
  }
}

// --- Ranking -------------------------------------------------------------------------------
// The query's words in the title (or tags, or a name of the title typed as one word)
// multiply a page's score by up to 1 + TITLE_WEIGHT (all words there); the words side by
// side, as typed, by 1 + TOGETHER_WEIGHT.
const TITLE_WEIGHT = 2;
const TOGETHER_WEIGHT = 1.5;
const TITLE_FIELDS = ["title", "tags", "names"];
const RERANKED = 50; // the pages ranked again; the rest keep Pagefind's order after them

// Whether `count` matched words sit within `count` consecutive positions (parts of one
// code, 1191/QĐ-TTg, share a position).
function together(positions, count) {
  if (count < 2 || !positions || positions.length < count) return false;
  const sorted = [...positions].sort((a, b) => a - b);
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (sorted[i] - sorted[j] > count - 1) j += 1;
    if (i - j + 1 >= count) return true;
  }
  return false;
}

const inTitle = (result) => (result.matchedMetaFields || []).some((f) => TITLE_FIELDS.includes(f));

// Pagefind's results ranked again; `terms`: the query's words as the index writes them.
async function rerank(pagefind, results, terms) {
  if (results.length < 2) return results;
  const head = results.slice(0, RERANKED);
  const titled = new Map();
  if (terms.length < 2) {
    for (const r of head) if (inTitle(r)) titled.set(r.id, 1);
  } else {
    for (const term of new Set(terms)) {
      for (const r of (await pagefind.search(term)).results) {
        if (inTitle(r)) titled.set(r.id, (titled.get(r.id) || 0) + 1);
      }
    }
  }
  const scored = head.map((r, i) => {
    const title = Math.min(1, (titled.get(r.id) || 0) / Math.max(1, terms.length));
    const near = together(r.words, terms.length);
    // Squared: all the query's words in the title count far more than some of them.
    return { r, i, s: r.score * (1 + TITLE_WEIGHT * title * title) * (near ? 1 + TOGETHER_WEIGHT : 1) };
  });
  scored.sort((a, b) => b.s - a.s || a.i - b.i);
  return scored.map((x) => x.r).concat(results.slice(RERANKED));
}

// A query as the index of a language (by its search.text trait) writes it.
async function prepareFor(written, vocabulary, query) {
  if (written === "vietnamese") return vietnameseBare(query);
  if (written === "latin") return latinQuery(query);
  const script = WORD_SCRIPTS[written];
  if (!script || !script.letters.test(query)) return query;
  const normal = script.normal(query);
  if (!vocabulary) return wordsHide(script, normal);
  await vocabulary.load(normal);
  return wordsHide(script, vocabulary.split(normal));
}

// How many articles of each other language match: asked only when the reader's language
// has none, so it costs nothing otherwise. [{name, page, count}], languages with matches.
async function elsewhere(root, others, query) {
  const counts = await Promise.all(others.map(async (other) => {
    const languageRoot = new URL(other.prefix, root);
    const pagefind = await pagefindFor(new URL("pagefind/", languageRoot).href, languageRoot.pathname, other.lang)
      .catch(() => null);
    if (!pagefind) return null;
    const script = WORD_SCRIPTS[other.text];
    const vocabulary = script && script.vocabulary
      ? new VocabularyWords(new URL("search-vocab/", languageRoot).href, script, other.lang) : null;
    const count = (await pagefind.search(await prepareFor(other.text, vocabulary, query))).results.length;
    return count ? { name: other.name, lang: other.lang, page: new URL(other.page, root).href, count } : null;
  }));
  return counts.filter(Boolean);
}

// --- Rendering -------------------------------------------------------------------------
const escapeHtml = (text) => text.replace(
  /[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
);
// Pagefind escapes < and > in excerpts and adds <mark>; keep only those marks.
const safeExcerpt = (excerpt) =>
  escapeHtml(excerpt.replace(/<mark>/g, "\u0001").replace(/<\/mark>/g, "\u0002")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">"))
    .replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>");

// An excerpt cut from the middle of a text may start with the end of a sentence.
const trimStart = (text) => text.replace(/^[\s។៕៖.,;:!?)»”。，、；：！？）」』]+/u, "");

// For the tests, which check that the browser and the build spell words alike.
export { vietnameseQuery, vietnameseBare, vietnameseShow, latinQuery, latinShow };
// The build's spelling of a query in a script without spaces (before it is split) and the
// excerpt shown from an indexed text.
export const wordsQuery = (name, text) => wordsHide(WORD_SCRIPTS[name], WORD_SCRIPTS[name].normal(text));
export const wordsText = (name, encoded) => wordsShow(WORD_SCRIPTS[name], encoded);
// A text split as a query is, with the site's vocabulary of a language (its search-vocab/).
export async function wordsSplit(name, folder, text) {
  const vocabulary = new VocabularyWords(folder, WORD_SCRIPTS[name]);
  const normal = WORD_SCRIPTS[name].normal(text);
  await vocabulary.load(normal);
  return vocabulary.split(normal);
}

export function attach(form) {
  const lang = form.dataset.lang;
  const root = new URL(form.dataset.root, location.href);
  const languageRoot = new URL(form.dataset.prefix, root);
  const bundle = new URL("pagefind/", languageRoot).href;
  const input = form.querySelector("input[type=search]");
  const panel = form.querySelector(".gl-search__panel");
  const status = form.querySelector(".gl-search__status");
  const list = form.querySelector(".gl-search__results");
  const onPage = form.hasAttribute("data-page");
  const limit = onPage ? PAGE_RESULTS : PANEL_RESULTS;
  // How the language's words are written in its index: a trait of the language
  // (search.text in locales/<code>.yml), never decided by its code here.
  const written = form.dataset.text;
  const script = WORD_SCRIPTS[written] || null;
  const vocabulary = script && script.vocabulary
    ? new VocabularyWords(new URL("search-vocab/", languageRoot).href, script, lang) : null;
  const show = written === "vietnamese" ? vietnameseShow
    : written === "latin" ? latinShow
      : script ? (text) => wordsShow(script, text) : (t) => t;
  // Numbers in the language's own digits, whatever the browser's number data holds.
  const digits = localDigits(form.dataset.digits);
  const loading = pagefindFor(bundle, languageRoot.pathname, lang);
  let sequence = 0;
  let timer = 0;

  const prepare = (query) => prepareFor(written, vocabulary, query);

  // The results for a query, best first. Vietnamese typed with marks looks for that
  // spelling; when it finds fewer than a screenful, the bare letters add the rest after it.
  // When nothing is found, the last word is taken as the start of a word ("Plei": Pleiku).
  // The query's words as the index writes them, for the ranking.
  function terms(prepared) {
    if (written === "vietnamese") return prepared.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (written === "chinese") {
      return [...new Intl.Segmenter(lang, { granularity: "word" }).segment(prepared)]
        .filter((s) => s.isWordLike).map((s) => s.segment);
    }
    return prepared.split(/\s+/).filter(Boolean);
  }

  async function ranked(pagefind, prepared) {
    return rerank(pagefind, (await pagefind.search(prepared)).results, terms(prepared));
  }

  // Vietnamese words are searched one by one: a word of the query is one index word.
  const vietnameseTerms = (text) => (text.match(/\S+/g) || []).join(" ");

  async function find(pagefind, query) {
    if (!pagefind) return [];
    if (written !== "vietnamese") return ranked(pagefind, await prepare(query));
    const exact = vietnameseTerms(vietnameseQuery(query));
    const bare = vietnameseTerms(vietnameseBare(query));
    let found = await ranked(pagefind, exact);
    if (exact !== bare && found.length < limit) {
      // The exact spelling first; the other spellings after it.
      const seen = new Set(found.map((r) => r.id));
      found = found.concat((await ranked(pagefind, bare)).filter((r) => !seen.has(r.id)));
    }
    if (!found.length && bare.endsWith(VI_END)) {
      found = await ranked(pagefind, bare.slice(0, -VI_END.length));
    }
    return found;
  }

  function say(text) {
    status.textContent = text;
  }

  async function run() {
    const query = input.value.trim();
    const mine = ++sequence;
    if (query.length < MIN_CHARACTERS) {
      list.replaceChildren();
      say("");
      if (!onPage) panel.hidden = true;
      return;
    }
    panel.hidden = false;
    say(form.dataset.loading);
    try {
      const results = await find(await loading, query);
      if (mine !== sequence) return;
      const data = await Promise.all(results.slice(0, limit).map((r) => r.data()));
      if (mine !== sequence) return;
      const count = results.length;
      list.innerHTML = data.map((d) => {
        const category = (d.filters.category || [""])[0];
        const date = (d.filters.date || [""])[0];
        return `<li class="gl-search__result"><a href="${escapeHtml(d.url)}">`
          + `<span class="gl-search__title">${escapeHtml(show(d.meta.title || d.url))}</span>`
          + `<span class="gl-search__meta">${escapeHtml(category)} · ${escapeHtml(date)}</span>`
          + `<span class="gl-search__excerpt">${trimStart(show(safeExcerpt(d.excerpt)))}</span>`
          + "</a></li>";
      }).join("");
      if (count === 0) {
        const others = await elsewhere(root, JSON.parse(form.dataset.others || "[]"), query);
        if (mine !== sequence) return;
        if (others.length) {
          const heading = document.createElement("li");
          heading.className = "gl-search__elsewhere";
          heading.textContent = form.dataset.elsewhere;
          list.append(heading);
          for (const other of others) {
            const item = document.createElement("li");
            item.className = "gl-search__elsewhere";
            const link = document.createElement("a");
            link.href = `${other.page}?q=${encodeURIComponent(query)}`;
            link.hreflang = other.lang;
            const name = document.createElement("span");
            name.lang = other.lang;
            name.dataset.script = other.script; // the language names' own font (fonts.css)
            name.textContent = other.name;
            link.append(name, ` · ${digits.format(other.count)}`);
            item.append(link);
            list.append(item);
          }
        }
        say(form.dataset.none.replace("{query}", query));
      } else {
        say((count === 1 ? form.dataset.one : form.dataset.other).replace("{count}", digits.format(count)));
      }
      if (!onPage && count > limit) {
        const more = document.createElement("li");
        more.className = "gl-search__more";
        const link = document.createElement("a");
        link.href = `${form.action}?q=${encodeURIComponent(query)}`;
        link.textContent = form.dataset.all;
        more.append(link);
        list.append(more);
      }
    } catch (error) {
      if (mine === sequence) say(form.dataset.offline);
    }
  }

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    if (onPage) {
      event.preventDefault();
      history.replaceState(null, "", `?q=${encodeURIComponent(input.value.trim())}`);
      window.clearTimeout(timer);
      run();
    }
  });
  form.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && links.length) {
      event.preventDefault();
      if (at <= 0) input.focus(); else links[at - 1].focus();
    } else if (event.key === "Escape" && !onPage) {
      panel.hidden = true;
      input.focus();
    }
  });
  document.addEventListener("pointerdown", (event) => {
    if (!onPage && !form.contains(event.target)) panel.hidden = true;
  });
  input.addEventListener("focus", () => { if (!onPage && list.children.length) panel.hidden = false; });
  if (input.value.trim()) run();
}
