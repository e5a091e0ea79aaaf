// SPDX-License-Identifier: GPL-3.0-or-later
// The visitor's side of the Threadline web chat (protocol: docs/webchat.md). Plain
// script, no libraries: the page must load fast on a phone and trust nothing remote.
// Everything the hub or an agent wrote is put in with textContent, never as HTML.
(function () {
  'use strict';

  const STRINGS = {
    en: {
      title: 'Chat with us',
      intro: 'Tell us your name and how to reach you. We answer here, and we will know you next time.',
      name: 'Your name',
      phone: 'Phone number',
      email: 'Email',
      contactHint: 'A phone number or an email is enough; both is fine.',
      startButton: 'Start chat',
      messageLabel: 'Your message',
      placeholder: 'Write a message…',
      send: 'Send',
      logLabel: 'Messages',
      you: 'You',
      support: 'Support',
      connecting: 'Connecting…',
      offline: 'Connection lost. Reconnecting…',
      sending: 'Sending…',
      notSent: 'Not sent',
      errors: {
        name_required: 'Please enter your name.',
        name_too_long: 'That name is too long (at most 100 characters).',
        contact_required: 'Please give a phone number or an email address.',
        bad_phone: 'This does not look like a phone number. Include the area code, e.g. 0912 345 6789.',
        bad_email: 'This does not look like an email address.',
        empty_message: 'Write something first.',
        too_large: 'That message is too long (at most 4,000 characters).',
        rate_limited: 'You are sending very quickly. Please wait a moment and try again.',
        unknown_visitor: 'This chat is no longer available. Please start again.',
        internal: 'Something went wrong on our side. Please try again.',
        generic: 'Something went wrong. Please reload the page.'
      }
    },
    fa: {
      title: 'گفتگو با ما',
      intro: 'نام خود و راه تماس با شما را بنویسید. همین‌جا پاسخ می‌دهیم و دفعهٔ بعد شما را می‌شناسیم.',
      name: 'نام شما',
      phone: 'شمارهٔ تلفن',
      email: 'ایمیل',
      contactHint: 'شمارهٔ تلفن یا ایمیل کافی است؛ هر دو هم اشکالی ندارد.',
      startButton: 'شروع گفتگو',
      messageLabel: 'پیام شما',
      placeholder: 'پیامی بنویسید…',
      send: 'ارسال',
      logLabel: 'پیام‌ها',
      you: 'شما',
      support: 'پشتیبانی',
      connecting: 'در حال اتصال…',
      offline: 'اتصال قطع شد. در حال اتصال دوباره…',
      sending: 'در حال ارسال…',
      notSent: 'ارسال نشد',
      errors: {
        name_required: 'لطفاً نام خود را بنویسید.',
        name_too_long: 'این نام بیش از حد بلند است (حداکثر ۱۰۰ نویسه).',
        contact_required: 'لطفاً شمارهٔ تلفن یا نشانی ایمیل را بنویسید.',
        bad_phone: 'این شمارهٔ تلفن درست به نظر نمی‌رسد. آن را با پیش‌شماره بنویسید، مثلاً \u2066۰۹۱۲ ۳۴۵ ۶۷۸۹\u2069.',
        bad_email: 'این نشانی ایمیل درست به نظر نمی‌رسد.',
        empty_message: 'اول چیزی بنویسید.',
        too_large: 'این پیام بیش از حد بلند است (حداکثر ۴٬۰۰۰ نویسه).',
        rate_limited: 'پیام‌ها را خیلی سریع می‌فرستید. لطفاً کمی صبر کنید و دوباره بفرستید.',
        unknown_visitor: 'این گفتگو دیگر در دسترس نیست. لطفاً دوباره شروع کنید.',
        internal: 'مشکلی در سمت ما پیش آمد. لطفاً دوباره امتحان کنید.',
        generic: 'مشکلی پیش آمد. لطفاً صفحه را دوباره بارگذاری کنید.'
      }
    },
    ar: {
      title: 'تحدّث معنا',
      intro: 'اكتب اسمك وطريقة التواصل معك. نجيبك هنا، وسنعرفك في المرة القادمة.',
      name: 'اسمك',
      phone: 'رقم الهاتف',
      email: 'البريد الإلكتروني',
      contactHint: 'يكفي رقم الهاتف أو البريد الإلكتروني، ولا بأس بكليهما.',
      startButton: 'ابدأ المحادثة',
      messageLabel: 'رسالتك',
      placeholder: 'اكتب رسالة…',
      send: 'إرسال',
      logLabel: 'الرسائل',
      you: 'أنت',
      support: 'الدعم',
      connecting: 'جارٍ الاتصال…',
      offline: 'انقطع الاتصال. جارٍ إعادة الاتصال…',
      sending: 'جارٍ الإرسال…',
      notSent: 'لم تُرسَل',
      errors: {
        name_required: 'يرجى كتابة اسمك.',
        name_too_long: 'الاسم طويل جدًا (100 حرف على الأكثر).',
        contact_required: 'يرجى إدخال رقم هاتف أو عنوان بريد إلكتروني.',
        bad_phone: 'لا يبدو هذا رقم هاتف صحيحًا. اكتبه مع رمز المنطقة.',
        bad_email: 'لا يبدو هذا عنوان بريد إلكتروني صحيحًا.',
        empty_message: 'اكتب شيئًا أولًا.',
        too_large: 'الرسالة طويلة جدًا (4000 حرف على الأكثر).',
        rate_limited: 'أنت ترسل بسرعة كبيرة. يرجى الانتظار قليلًا ثم المحاولة مجددًا.',
        unknown_visitor: 'لم تعد هذه المحادثة متاحة. يرجى البدء من جديد.',
        internal: 'حدث خطأ من جهتنا. يرجى المحاولة مرة أخرى.',
        generic: 'حدث خطأ. يرجى إعادة تحميل الصفحة.'
      }
    }
  };
  const RIGHT_TO_LEFT = ['fa', 'ar'];
  const TOKEN_KEY = 'threadline.chat.token';
  // Which start field each start error belongs to (the rest go under the button).
  const FIELD_OF_ERROR = {
    name_required: 'name', name_too_long: 'name',
    contact_required: 'phone', bad_phone: 'phone', bad_email: 'email'
  };

  const byId = (id) => document.getElementById(id);
  const lang = pickLanguage();
  const t = STRINGS[lang];
  const timeFormat = new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR' : lang === 'ar' ? 'ar-EG' : 'en-GB',
                                             { hour: '2-digit', minute: '2-digit' });

  let socket = null;
  let started = false;
  let startRequest = null;          // a start frame waiting for the socket
  let retryMs = 500;
  const pending = new Map();        // client id -> { body, item }: written, not yet acknowledged
  const shown = new Map();          // message id -> list item

  function pickLanguage() {
    const asked = new URLSearchParams(location.search).get('lang');
    const candidates = [asked].concat(navigator.languages || [navigator.language]);
    for (const c of candidates) {
      const base = (c || '').toLowerCase().split('-')[0];
      if (STRINGS[base]) return base;
    }
    return 'en';
  }

  function translatePage() {
    document.documentElement.lang = lang;
    document.documentElement.dir = RIGHT_TO_LEFT.includes(lang) ? 'rtl' : 'ltr';
    document.title = t.title;
    for (const e of document.querySelectorAll('[data-text]')) e.textContent = t[e.dataset.text];
    for (const e of document.querySelectorAll('[data-label]')) e.setAttribute('aria-label', t[e.dataset.label]);
    for (const e of document.querySelectorAll('[data-placeholder]')) e.placeholder = t[e.dataset.placeholder];
  }

  function errorText(code) {
    return t.errors[code] || t.errors.generic;
  }

  function storedToken() {
    try { return localStorage.getItem(TOKEN_KEY); } catch (e) { return null; }
  }
  function storeToken(token) {
    try {
      if (token) localStorage.setItem(TOKEN_KEY, token); else localStorage.removeItem(TOKEN_KEY);
    } catch (e) { /* private mode: the chat lasts as long as the page */ }
  }

  function newClientId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function setConnection(text) {
    byId('connection').textContent = text;
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function connect() {
    setConnection(t.connecting);
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + '/chat/ws');
    socket.addEventListener('open', onOpen);
    socket.addEventListener('message', (e) => onFrame(e.data));
    socket.addEventListener('close', onClose);
  }

  function onOpen() {
    retryMs = 500;
    setConnection('');
    const token = storedToken();
    if (token) send({ type: 'resume', token: token });
    else if (startRequest) send(startRequest);
  }

  function onClose() {
    started = false;
    setConnection(t.offline);
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10000);
  }

  function onFrame(text) {
    let frame;
    try { frame = JSON.parse(text); } catch (e) { return; }
    switch (frame.type) {
    case 'started': return onStarted(frame);
    case 'ack': return onAck(frame);
    case 'message': return showMessages([frame.message]);
    case 'error': return onError(frame);
    }
  }

  // ---- starting ---------------------------------------------------------------------

  function showStartForm() {
    byId('conversation').hidden = true;
    byId('start').hidden = false;
    byId('start-button').disabled = false;
  }

  function clearStartErrors() {
    for (const f of ['name', 'phone', 'email']) {
      byId(f).removeAttribute('aria-invalid');
      byId(f + '-error').hidden = true;
    }
    byId('start-error').hidden = true;
  }

  function onStartSubmit(event) {
    event.preventDefault();
    clearStartErrors();
    startRequest = {
      type: 'start',
      name: byId('name').value,
      phone: byId('phone').value,
      email: byId('email').value
    };
    byId('start-button').disabled = true;
    if (!send(startRequest) && (!socket || socket.readyState !== WebSocket.CONNECTING)) connect();
  }

  function onStartError(code) {
    byId('start-button').disabled = false;
    startRequest = null;
    const field = FIELD_OF_ERROR[code];
    if (field) {
      const input = byId(field);
      const message = byId(field + '-error');
      message.textContent = errorText(code);
      message.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    } else {
      const message = byId('start-error');
      message.textContent = errorText(code);
      message.hidden = false;
    }
  }

  function onStarted(frame) {
    const first = !started && !byId('start').hidden;
    started = true;
    startRequest = null;
    storeToken(frame.token);
    byId('start').hidden = true;
    byId('conversation').hidden = false;
    showMessages(frame.history || []);
    // What was written while the connection was down goes out now; the hub keeps one copy.
    for (const [id, p] of pending) send({ type: 'message', id: id, body: p.body });
    if (first) byId('body').focus();
  }

  // ---- the conversation -------------------------------------------------------------

  function messageItem(mine, author, at) {
    const item = document.createElement('li');
    item.className = 'msg ' + (mine ? 'mine' : 'theirs');
    const meta = document.createElement('p');
    meta.className = 'meta';
    const who = document.createElement('span');
    who.className = 'author';
    who.dir = 'auto';
    who.textContent = mine ? t.you : (author || t.support);
    meta.appendChild(who);
    const when = document.createElement('time');
    const date = new Date(at || Date.now());
    when.dateTime = date.toISOString();
    when.textContent = timeFormat.format(date);
    meta.appendChild(when);
    const body = document.createElement('p');
    body.className = 'body';
    body.dir = 'auto';
    const state = document.createElement('p');
    state.className = 'state';
    state.hidden = true;
    item.append(meta, body, state);
    return item;
  }

  function setState(item, text, failed) {
    const state = item.querySelector('.state');
    state.textContent = text;
    state.hidden = !text;
    item.classList.toggle('failed', !!failed);
  }

  function scrollToEnd() {
    const log = byId('log');
    log.scrollTop = log.scrollHeight;
  }

  function showMessages(messages) {
    const log = byId('log');
    const toAcknowledge = [];
    for (const m of messages) {
      if (!m || typeof m.id !== 'number') continue;
      if (!shown.has(m.id)) {
        const item = messageItem(m.direction === 'in', m.author, m.at);
        item.querySelector('.body').textContent = m.body;
        item.dataset.id = String(m.id);
        log.appendChild(item);
        shown.set(m.id, item);
      }
      if (m.direction === 'out' && m.status !== 'delivered') toAcknowledge.push(m.id);
    }
    scrollToEnd();
    if (toAcknowledge.length) send({ type: 'received', ids: toAcknowledge });
  }

  function onComposerSubmit(event) {
    event.preventDefault();
    const input = byId('body');
    const body = input.value;
    byId('send-error').hidden = true;
    if (!body.trim()) {
      showSendError('empty_message');
      return;
    }
    const id = newClientId();
    const item = messageItem(true, '', Date.now());
    item.querySelector('.body').textContent = body;
    setState(item, t.sending, false);
    byId('log').appendChild(item);
    scrollToEnd();
    pending.set(id, { body: body, item: item });
    input.value = '';
    input.focus();
    if (started) send({ type: 'message', id: id, body: body });
  }

  function onComposerKey(event) {
    // Enter sends, Shift+Enter starts a new line (as in most chat widgets).
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      byId('composer').requestSubmit();
    }
  }

  function onAck(frame) {
    const p = pending.get(frame.id);
    if (!p) return;
    pending.delete(frame.id);
    const m = frame.message;
    if (m && typeof m.id === 'number') {
      if (shown.has(m.id)) {
        p.item.remove(); // another tab's copy arrived first
      } else {
        p.item.dataset.id = String(m.id);
        shown.set(m.id, p.item);
      }
    }
    setState(p.item, '', false);
  }

  function showSendError(code) {
    const message = byId('send-error');
    message.textContent = errorText(code);
    message.hidden = false;
  }

  function onError(frame) {
    if (frame.id && pending.has(frame.id)) {
      const p = pending.get(frame.id);
      pending.delete(frame.id);
      setState(p.item, t.notSent + ' — ' + errorText(frame.code), true);
      showSendError(frame.code);
      return;
    }
    if (frame.code === 'unknown_visitor') {
      storeToken(null);
      started = false;
      showStartForm();
      const message = byId('start-error');
      message.textContent = errorText(frame.code);
      message.hidden = false;
      return;
    }
    if (!started) {
      onStartError(frame.code);
      return;
    }
    showSendError(frame.code);
  }

  function init() {
    translatePage();
    byId('start').addEventListener('submit', onStartSubmit);
    byId('composer').addEventListener('submit', onComposerSubmit);
    byId('body').addEventListener('keydown', onComposerKey);
    if (storedToken()) {
      connect(); // resumes; the form shows only if the hub no longer knows the token
    } else {
      showStartForm();
      byId('name').focus();
      connect();
    }
  }

  init();
}());
