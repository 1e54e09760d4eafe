/*
 * The whistleblower form's proof of work (GET /api/v1/whistleblower/challenge):
 * find a decimal nonce such that SHA-256(salt + nonce) begins with
 * `difficulty` zero bits, then send it with the report. Our own SHA-256,
 * because crypto.subtle exists only on https or localhost and the site may
 * be served over plain http on a LAN. No other script, no third party.
 * Without JavaScript the form still works, under a stricter limit.
 */
(function () {
  'use strict';
  var K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ]);
  var W = new Int32Array(64);

  function ror(x, n) { return (x >>> n) | (x << (32 - n)); }

  /** The first word of SHA-256 of a short ASCII text (at most 55 bytes: one block). */
  function firstWords(text) {
    var i;
    for (i = 0; i < 16; i++) W[i] = 0;
    for (i = 0; i < text.length; i++) W[i >> 2] |= text.charCodeAt(i) << (24 - (i % 4) * 8);
    W[text.length >> 2] |= 0x80 << (24 - (text.length % 4) * 8);
    W[15] = text.length * 8;
    for (i = 16; i < 64; i++) {
      var s0 = ror(W[i - 15], 7) ^ ror(W[i - 15], 18) ^ (W[i - 15] >>> 3);
      var s1 = ror(W[i - 2], 17) ^ ror(W[i - 2], 19) ^ (W[i - 2] >>> 10);
      W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
    }
    var a = 0x6a09e667, b = 0xbb67ae85, c = 0x3c6ef372, d = 0xa54ff53a;
    var e = 0x510e527f, f = 0x9b05688c, g = 0x1f83d9ab, h = 0x5be0cd19;
    for (i = 0; i < 64; i++) {
      var t1 = (h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
      var t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    return [(a + 0x6a09e667) | 0, (b + 0xbb67ae85) | 0];
  }

  function zeroBits(words) {
    var first = Math.clz32(words[0]);
    return first < 32 ? first : 32 + Math.clz32(words[1]);
  }

  /** Counts up in slices, so that the page stays responsive on a slow phone. */
  function solve(salt, difficulty, done) {
    var nonce = 0;
    (function slice() {
      var end = nonce + 20000;
      for (; nonce < end; nonce++) {
        if (zeroBits(firstWords(salt + nonce)) >= difficulty) return done(String(nonce));
      }
      setTimeout(slice, 0);
    })();
  }

  var form = document.getElementById('report-form');
  if (!form) return;
  var status = document.getElementById('pow-status');
  form.addEventListener('submit', function (event) {
    // The language switch posts the form back as it is: nothing is filed, no work is needed.
    if (event.submitter && event.submitter.name === 'switchLang') return;
    if (form.elements['pow.id'].value && form.elements['pow.nonce'].value) return;
    event.preventDefault();
    var buttons = form.querySelectorAll('button[type=submit]');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    if (status) status.textContent = form.getAttribute('data-working');
    fetch('/api/v1/whistleblower/challenge', { cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (challenge) {
        solve(challenge.salt, challenge.difficulty, function (nonce) {
          form.elements['pow.id'].value = challenge.id;
          form.elements['pow.nonce'].value = nonce;
          form.submit();
        });
      })
      // No challenge to be had: send without one, as a browser without JavaScript would.
      .catch(function () { form.submit(); });
  });
})();
