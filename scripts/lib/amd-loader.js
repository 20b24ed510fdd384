// The module loader `npm run dist` inlines into dist/*/index.html (hand-written ES5: it runs on every
// target before anything else). The app bundle and its lazy chunks are AMD modules built by rollup with
// `output.amd.define: 'tveDefine'` (scripts/lib/split.ts): a name of our own, so UMD files such as
// hls.min.js never see an AMD `define` and keep setting their globals.
//   tveDefine(deps, factory)  called by each chunk as it runs; the module's id is its script's URL
//   tveModule(url)            exports of a module that has run (the entry, for the bootstrap script)
// Dependencies: 'exports', 'require' (asynchronous, relative to the module: rollup's import()) and
// relative chunk URLs, loaded by <script> tags. A chunk that fails to load rejects its import().
// window.tveChunkDeps (written by the build before this code: chunk URL -> the chunks it imports, all
// relative to the document) lets a chunk's own imports load alongside it instead of after it has run.
/* global window, document */
(function (win, doc) {
  var own = Object.prototype.hasOwnProperty;
  var mods = {};
  var chunkDeps = null;

  // The build's map with absolute URLs (script.src is absolute), made on first use.
  function depsOf(url) {
    if (!chunkDeps) {
      chunkDeps = {};
      var map = win.tveChunkDeps || {};
      for (var key in map) {
        if (!own.call(map, key)) continue;
        var list = [];
        for (var i = 0; i < map[key].length; i++) list.push(absolute(map[key][i]));
        chunkDeps[absolute(key)] = list;
      }
    }
    return chunkDeps[url] || [];
  }

  function dirOf(url) {
    var path = url.split('#')[0].split('?')[0];
    return path.slice(0, path.lastIndexOf('/') + 1);
  }

  function resolve(id, base) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(id) || id.charAt(0) === '/') return id;
    var head = dirOf(base).match(/^([a-z][a-z0-9+.-]*:\/\/[^/]*)?(.*)$/i);
    var parts = (head[2] + id).split('/');
    var out = [];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === '.') continue;
      if (parts[i] === '..') {
        if (out.length > 1) out.pop();
      } else out.push(parts[i]);
    }
    return (head[1] || '') + out.join('/');
  }

  function record(url) {
    return mods[url] || (mods[url] = { exports: {}, done: false, failed: null, waiting: [], requested: false });
  }

  function settle(m) {
    var waiting = m.waiting;
    m.waiting = [];
    for (var i = 0; i < waiting.length; i++) waiting[i]();
  }

  function fetchScript(url) {
    var m = record(url);
    if (m.requested || m.done) return;
    m.requested = true;
    var s = doc.createElement('script');
    s.src = url;
    s.async = true;
    s.onerror = function () {
      m.failed = new Error('Could not load ' + url);
      settle(m);
    };
    (doc.head || doc.body || doc.documentElement).appendChild(s);
    var deps = depsOf(url);
    for (var i = 0; i < deps.length; i++) fetchScript(deps[i]);
  }

  // Calls back with the exports of every id (resolved against base) once all have run.
  function load(ids, base, ok, fail) {
    var urls = [];
    var left = ids.length;
    var failed = false;
    var check = function () {
      if (failed) return;
      for (var i = 0; i < urls.length; i++) {
        if (mods[urls[i]].failed) {
          failed = true;
          if (fail) fail(mods[urls[i]].failed);
          return;
        }
      }
      if (left > 0) return;
      var values = [];
      for (var j = 0; j < urls.length; j++) values.push(mods[urls[j]].exports);
      ok.apply(null, values);
    };
    for (var i = 0; i < ids.length; i++) urls.push(resolve(ids[i], base));
    if (!left) return check();
    for (var k = 0; k < urls.length; k++) {
      var m = record(urls[k]);
      if (m.done || m.failed) {
        left--;
        continue;
      }
      m.waiting.push(function () {
        left--;
        check();
      });
      fetchScript(urls[k]);
    }
    check();
  }

  function define(deps, factory) {
    var script = doc.currentScript;
    var url = script && script.src ? script.src : absolute('./anonymous.js');
    var m = record(url);
    m.requested = true;
    var special = {
      exports: m.exports,
      require: function (ids, ok, fail) {
        load(ids, url, ok, fail);
      },
      module: m,
    };
    var chunkIds = [];
    for (var i = 0; i < deps.length; i++) if (!own.call(special, deps[i])) chunkIds.push(deps[i]);
    var run = function () {
      var loaded = arguments;
      var args = [];
      var c = 0;
      for (var j = 0; j < deps.length; j++) args.push(own.call(special, deps[j]) ? special[deps[j]] : loaded[c++]);
      var result = factory.apply(null, args);
      if (result !== undefined) m.exports = result;
      m.done = true;
      settle(m);
    };
    var failed = function (error) {
      m.failed = error;
      settle(m);
    };
    load(chunkIds, url, run, failed);
  }

  // A URL relative to the document, made absolute the way script.src is.
  function absolute(id) {
    var a = doc.createElement('a');
    a.href = id;
    return a.href;
  }

  win.tveDefine = define;
  win.tveModule = function (id) {
    var m = mods[absolute(id)];
    if (!m || !m.done) throw new Error('Module not loaded: ' + id);
    return m.exports;
  };
})(window, document);
