// Run the theme's own search worker (Material for MkDocs, lunr) in Node on a built site's
// search index, and rank queries as the site's search box does: bench/search_quality.py.
//
//   node bench/search_worker.js WORKER_JS SEARCH_INDEX_JSON QUERIES_JSON
//
// QUERIES_JSON is a list of [query, regular expression]; prints a JSON list with, for each,
// the rank (1 = first) of the first result (a page with its matching sections) holding an
// address the expression matches (null when none does), and how many results there were.
"use strict";
const fs = require("fs");
const vm = require("vm");

const [worker, indexPath, queriesPath] = process.argv.slice(2);
let listener = null;
let replies = [];
const context = { console, URL, setTimeout, Promise };
context.self = context;
context.addEventListener = (_type, fn) => { listener = fn; };
context.postMessage = message => replies.push(message);
context.importScripts = () => {};  // English only: no extra language files
vm.createContext(context);
vm.runInContext(fs.readFileSync(worker, "utf8"), context);

const SETUP = 0;  // the worker's message types (SearchMessageType)
const QUERY = 2;

(async () => {
  const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
  const data = { config: index.config, docs: index.docs, options: { suggest: false } };
  await listener({ data: { type: SETUP, data } });
  const results = [];
  for (const [query, expected] of JSON.parse(fs.readFileSync(queriesPath, "utf8"))) {
    replies = [];
    await listener({ data: { type: QUERY, data: query } });
    const groups = replies[0].data.items.map(group => group.map(item => item.location));
    const want = new RegExp(expected);
    const at = groups.findIndex(group => group.some(location => want.test(location)));
    results.push({ rank: at < 0 ? null : at + 1, results: groups.length,
                   first: groups.slice(0, 3).map(group => group[0]) });
  }
  process.stdout.write(JSON.stringify(results));
})();
