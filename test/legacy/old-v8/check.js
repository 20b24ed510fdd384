/* global setTimeout, clearTimeout, setInterval, clearInterval */
/**
 * Runs INSIDE Node 5.12 (V8 4.6, the JavaScript engine of Chromium 46/47, i.e. Tizen 2017), so this file
 * is ES5 only. Two modes, results as one JSON line on stdout:
 *   node --nolazy check.js compile FILE...            compile each file as a classic script (no run)
 *   node check.js polyfills POLYFILLS.js PROBES.json   run the polyfills bundle against a minimal window
 *                                                      stub, then evaluate each probe expression there
 * --nolazy makes V8 compile every function body eagerly, so syntax errors deep inside are reported too.
 */
'use strict';
var fs = require('fs');
var vm = require('vm');

var mode = process.argv[2];
var args = process.argv.slice(3);

function compile(files) {
  var results = files.map(function (file) {
    try {
      new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file });
      return { file: file, ok: true };
    } catch (e) {
      return { file: file, ok: false, error: String(e && e.message) };
    }
  });
  return { engine: 'node ' + process.version + ' / V8 ' + process.versions.v8, results: results };
}

/** A window with what polyfills touch at start-up: no DOM, no network. */
function windowStub() {
  var sandbox = {
    console: console,
    setTimeout: setTimeout,
    clearTimeout: clearTimeout,
    setInterval: setInterval,
    clearInterval: clearInterval,
    navigator: { userAgent: 'Mozilla/5.0 (SMART-TV; Linux; Tizen 3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/47.0.2526.69 TV Safari/537.36' },
    location: { href: 'http://localhost/', protocol: 'http:', host: 'localhost', hostname: 'localhost', port: '', pathname: '/', search: '', hash: '' },
    document: {
      createElement: function () { return { style: {}, setAttribute: function () {}, appendChild: function () {} }; },
      createTextNode: function () { return { data: '' }; },
      getElementsByTagName: function () { return []; },
      documentElement: { style: {} },
      head: { appendChild: function () {} },
    },
  };
  var context = vm.createContext(sandbox);
  // Interfaces Chromium 47 has and core-js's web.* modules build on (DOMException is constructible since 46).
  vm.runInContext(
    'this.window = this; this.self = this;' +
      'this.DOMException = function DOMException(message, name) { this.message = String(message); this.name = name || "Error"; this.code = 0; };' +
      'this.DOMException.prototype = Object.create(Error.prototype, { constructor: { value: this.DOMException, writable: true, configurable: true } });',
    context
  );
  return context;
}

function polyfills(bundle, probesFile) {
  var context = windowStub();
  try {
    vm.runInContext(fs.readFileSync(bundle, 'utf8'), context, { filename: bundle });
  } catch (e) {
    // The message and the position (the bundle is one minified line), not a code frame of it.
    var where = /polyfills[^:]*\.js:(\d+):(\d+)/.exec(String(e && e.stack));
    var code = fs.readFileSync(bundle, 'utf8');
    var at = where ? Number(where[2]) : -1;
    return {
      engine: 'V8 ' + process.versions.v8,
      executed: false,
      error: String(e && e.message) + (where ? ' at column ' + at + ': …' + code.slice(Math.max(0, at - 160), at + 40) + '…' : ''),
    };
  }
  var probes = JSON.parse(fs.readFileSync(probesFile, 'utf8'));
  var failed = [];
  probes.forEach(function (p) {
    var ok;
    try {
      ok = vm.runInContext('!!(' + p.expr + ')', context);
    } catch (e) {
      ok = false;
      p.error = String(e && e.message);
    }
    if (!ok) failed.push(p);
  });
  return { engine: 'V8 ' + process.versions.v8, executed: true, probes: probes.length, failed: failed };
}

var out;
if (mode === 'compile') out = compile(args);
else if (mode === 'polyfills') out = polyfills(args[0], args[1]);
else out = { error: 'usage: check.js compile FILE... | polyfills BUNDLE PROBES.json' };
// Let timers the polyfills started (microtask fallbacks) not keep the process alive.
process.stdout.write(JSON.stringify(out) + '\n', function () { process.exit(0); });
