/* Kiosk edition: the on-screen keyboard of the search fields (simple-keyboard with the
   layouts of keyboard-layouts.js). It types into the field the reader touched, as a
   keyboard would: the search runs on the field's "input" event. Khmer clusters are kept in
   their written order (consonant, subscripts, vowel, signs) whatever order the keys come
   in; a Vietnamese tone key puts its mark on the vowel of the word that carries the tone. */
(() => {
  "use strict";

  const root = document.getElementById("gl-keyboard");
  const data = window.GialaiKeyboardLayouts;
  const library = window.SimpleKeyboard;
  if (!root || !data || !library) return;
  const Keyboard = library.SimpleKeyboard || library.default;

  // The layouts this kiosk offers, in its languages' order: "khmer:km vietnamese:vi ...".
  const offered = root.dataset.keyboards
    .split(" ")
    .filter(Boolean)
    .map((pair) => pair.split(":"))
    .filter(([name]) => data.layouts[name]);
  if (!offered.length) return;
  const tagOf = Object.fromEntries(offered);
  let layout = tagOf[root.dataset.keyboard] ? root.dataset.keyboard : offered[0][0];
  let shifted = false;
  let field = null; // the search field typed into
  let closing = false; // the close key was touched; the keyboard goes on its click

  // --- Khmer: each cluster in the order Unicode writes it ------------------------------
  const COENG = "\u17d2";
  const isKhmerBase = (c) => c >= "\u1780" && c <= "\u17b3"; // consonants, independent vowels
  const isKhmerConsonant = (c) => c >= "\u1780" && c <= "\u17a2";
  // Vowel signs, coeng and the other marks that follow a consonant (not punctuation).
  const isKhmerMark = (c) => (c >= "\u17b6" && c <= "\u17d3") || c === "\u17dd";
  // After the base: subscripts (coeng + consonant), register shifters, robat, vowels, signs.
  function khmerRank(mark) {
    if (mark[0] === COENG) return 0;
    if (mark === "\u17c9" || mark === "\u17ca") return 1;
    if (mark === "\u17cc") return 2;
    if (mark >= "\u17b6" && mark <= "\u17c5") return 3;
    return 4;
  }

  /** The text with the cluster before ``end`` put in order. */
  function orderKhmerCluster(text, end) {
    const chars = [...text.slice(0, end)];
    // A coeng waits for its consonant before the cluster is put in order.
    if (chars[chars.length - 1] === COENG) return text;
    let start = chars.length;
    while (start > 0) {
      const c = chars[start - 1];
      if (isKhmerMark(c)) start -= 1;
      else if (isKhmerConsonant(c) && start > 1 && chars[start - 2] === COENG) start -= 2;
      else break;
    }
    if (start === 0 || !isKhmerBase(chars[start - 1])) return text;
    // The marks after the base, a subscript kept with its coeng.
    const marks = [];
    for (let i = start; i < chars.length; i += 1) {
      if (chars[i] === COENG && isKhmerConsonant(chars[i + 1] || "")) {
        marks.push(COENG + chars[i + 1]);
        i += 1;
      } else {
        marks.push(chars[i]);
      }
    }
    const ordered = marks
      .map((mark, index) => ({ mark, index }))
      .sort((a, b) => khmerRank(a.mark) - khmerRank(b.mark) || a.index - b.index)
      .map(({ mark }) => mark)
      .join("");
    return chars.slice(0, start).join("") + ordered + text.slice(end);
  }

  // --- Vietnamese tones -------------------------------------------------------------------
  const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
  const VOWELS = "aăâeêioôơuưy";
  const MARKED = "ăâêôơư";

  /** The word with its tone mark, alone, on the vowel that carries it. */
  function withTone(word, mark) {
    const letters = [...word.normalize("NFD").replace(TONE_MARKS, "").normalize("NFC")];
    const lower = letters.map((c) => c.toLowerCase());
    const vowel = (i) => VOWELS.includes(lower[i]);
    let first = 0;
    // qu and gi: the u and i belong to the consonant (quả, già), unless no vowel follows (gì).
    if ((lower[0] === "q" && lower[1] === "u") || (lower[0] === "g" && lower[1] === "i")) {
      if (letters.length > 2 && vowel(2)) first = 2;
    }
    let end = letters.length;
    while (end > first && !vowel(end - 1)) end -= 1;
    let start = end;
    while (start > first && vowel(start - 1)) start -= 1;
    if (start === end) return null; // no vowel: nothing to mark
    const run = [];
    for (let i = start; i < end; i += 1) run.push(i);
    const marked = run.filter((i) => MARKED.includes(lower[i]));
    let target;
    if (marked.length) target = marked[marked.length - 1]; // biển, người, quốc
    else if (end < letters.length) target = run[run.length - 1]; // hoàn, toán
    else if (run.length === 1) target = run[0];
    else target = run[run.length - 2]; // hòa, mùa, tài, khuỷu
    letters[target] = (letters[target].normalize("NFD") + mark).normalize("NFC");
    return letters.join("");
  }

  // --- typing into the field --------------------------------------------------------------
  function caret() {
    const value = field.value;
    const focused = document.activeElement === field;
    const start = focused && field.selectionStart !== null ? field.selectionStart : value.length;
    const end = focused && field.selectionEnd !== null ? field.selectionEnd : value.length;
    return { value, start, end };
  }

  function put(value, at) {
    field.value = value;
    try { field.setSelectionRange(at, at); } catch (error) { /* not a text field */ }
    field.dispatchEvent(new Event("input", { bubbles: true }));
    fit();
  }

  function type(text) {
    const { value, start, end } = caret();
    let before = value.slice(0, start);
    const after = value.slice(end);
    if (text === COENG && before.endsWith(COENG)) return; // one coeng, then its consonant
    before = (before + text).normalize("NFC");
    if ([...text].some((c) => isKhmerMark(c) || isKhmerConsonant(c))) {
      before = orderKhmerCluster(before, before.length);
    }
    put(before + after, before.length);
  }

  function erase() {
    const { value, start, end } = caret();
    if (start !== end) return put(value.slice(0, start) + value.slice(end), start);
    // One character (code point) at a time, as a Khmer or Vietnamese keyboard deletes.
    const before = [...value.slice(0, start)];
    before.pop();
    const kept = before.join("");
    return put(kept + value.slice(end), kept.length);
  }

  function tone(mark) {
    const { value, start, end } = caret();
    const before = value.slice(0, start);
    const word = before.match(/[\p{L}\p{M}]+$/u);
    if (!word) return;
    const toned = word ? withTone(word[0], mark) : null;
    if (!toned) return;
    const head = before.slice(0, before.length - word[0].length) + toned;
    put(head + value.slice(end), head.length);
  }

  // --- the keyboard -------------------------------------------------------------------------
  const keys = root.querySelector(".gl-keyboard__keys");

  function lastRow() {
    return [...offered.map(([name]) => `{layout:${name}}`), "{space}", "{close}"].join(" ");
  }

  function options() {
    const rows = data.layouts[layout].layout;
    const withLast = Object.fromEntries(
      Object.entries(rows).map(([name, layer]) => [name, [...layer, lastRow()]]),
    );
    const display = { ...data.display, "{bksp}": "⌫", "{shift}": "⇧", "{space}": " ", "{close}": "⌄" };
    const attributes = [
      { attribute: "aria-label", value: root.dataset.backspace, buttons: "{bksp}" },
      { attribute: "aria-label", value: root.dataset.shift, buttons: "{shift}" },
      { attribute: "aria-label", value: root.dataset.space, buttons: "{space}" },
      { attribute: "aria-label", value: root.dataset.close, buttons: "{close}" },
      { attribute: "aria-pressed", value: String(shifted), buttons: "{shift}" },
    ];
    // The tone keys (Vietnamese layout only) are named in Vietnamese.
    for (const [tone, label] of Object.entries(data.toneNames || {})) {
      attributes.push({ attribute: "aria-label", value: label, buttons: tone });
      if (tagOf.vietnamese) attributes.push({ attribute: "lang", value: tagOf.vietnamese, buttons: tone });
    }
    for (const [name, tag] of offered) {
      display[`{layout:${name}}`] = data.layouts[name].name;
      attributes.push({ attribute: "lang", value: tag, buttons: `{layout:${name}}` });
      attributes.push({
        attribute: "aria-pressed", value: String(name === layout), buttons: `{layout:${name}}`,
      });
    }
    return {
      layout: withLast,
      layoutName: shifted ? "shift" : "default",
      display,
      buttonAttributes: attributes,
      buttonTheme: [
        { class: "gl-keyboard__wide", buttons: "{bksp} {shift} {close}" },
        { class: "gl-keyboard__layout", buttons: offered.map(([name]) => `{layout:${name}}`).join(" ") },
        { class: "gl-keyboard__current", buttons: `{layout:${layout}}` },
        { class: "gl-keyboard__tone", buttons: "{tone:0301} {tone:0300} {tone:0309} {tone:0303} {tone:0323}" },
      ],
    };
  }

  function press(button) {
    if (!field) return;
    const toneKey = /^\{tone:([0-9a-f]{4})\}$/.exec(button);
    const layoutKey = /^\{layout:([a-z]+)\}$/.exec(button);
    if (button === "{bksp}") erase();
    else if (button === "{space}") type(" ");
    // Closed on the click that ends the tap: closed at once (keys act when touched), the
    // screen would pass the tap to whatever lies under the key, a search result perhaps.
    else if (button === "{close}") closing = true;
    else if (button === "{shift}") shifted = !shifted;
    else if (toneKey) tone(String.fromCharCode(parseInt(toneKey[1], 16)));
    else if (layoutKey) { layout = layoutKey[1]; shifted = false; }
    else if (!button.startsWith("{")) {
      type(button);
      shifted = false; // one shifted key, as on a phone
    }
    keyboard.setOptions(options());
    keys.lang = tagOf[layout];
    // Counted once the key is handled: a tap's click comes after the touch, and the
    // browser tests wait for this.
    root.dataset.presses = String(Number(root.dataset.presses || 0) + 1);
  }

  const keyboard = new Keyboard(keys, {
    ...options(),
    useButtonTag: true,
    preventMouseDownDefault: true, // the field keeps the focus and its caret
    disableCaretPositioning: true,
    onKeyPress: press,
  });
  keys.lang = tagOf[layout];

  // The results stay between the field and the keyboard, never under it.
  function fit() {
    if (!field || root.hidden) return;
    const form = field.closest("form");
    const panel = form && form.querySelector(".gl-search__panel");
    const top = root.getBoundingClientRect().top;
    if (panel && getComputedStyle(panel).position === "absolute") {
      const room = top - field.getBoundingClientRect().bottom - 16;
      panel.style.maxHeight = `${Math.max(room, 0)}px`;
    }
    document.body.style.paddingBottom = `${window.innerHeight - top}px`;
  }

  function open(input) {
    field = input;
    root.hidden = false;
    document.documentElement.classList.add("gl-keyboard-open");
    fit();
  }

  function close() {
    root.hidden = true;
    document.documentElement.classList.remove("gl-keyboard-open");
    document.body.style.paddingBottom = "";
    if (field) {
      const panel = field.closest("form") && field.closest("form").querySelector(".gl-search__panel");
      if (panel) panel.style.maxHeight = "";
      field.blur();
    }
  }

  for (const input of document.querySelectorAll('input[type="search"]')) {
    input.inputMode = "none"; // no other keyboard: this one
    input.addEventListener("focus", () => open(input));
    input.addEventListener("pointerdown", () => open(input));
  }
  root.addEventListener("click", () => {
    if (closing) close();
    closing = false;
  });
  // A touch on the keyboard stays with it: the search panel closes on touches elsewhere.
  root.addEventListener("pointerdown", (event) => event.stopPropagation());
  document.addEventListener("pointerdown", (event) => {
    if (!root.hidden && field && !field.closest("form").contains(event.target)) close();
  });
  window.addEventListener("resize", fit);
})();
