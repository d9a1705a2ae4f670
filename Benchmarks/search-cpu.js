// search.js of a built site in node, with a stub DOM, as a fresh page runs it: the page's
// data-ms measured in process CPU time (user + system) instead of wall time, which on a shared
// machine measures mostly the other processes. One query per process, so the script is cold.
//   node Benchmarks/search-cpu.js SITE QUERY [&unit=…&level=…]
//   for i in 1 2 3 4 5; do node Benchmarks/search-cpu.js SITE 许可; done   # best / median of 5
// Prints: the query, the status line (找到 N 个事项), the CPU ms, and how many results are shown.
const fs = require("fs"), vm = require("vm");
const [site, query, filters = ""] = process.argv.slice(2);
const elements = {}, attributes = {}, pending = [];
function element(id) {
  return elements[id] || (elements[id] = { id, value: "", hidden: false, textContent: "", children: [],
    setAttribute(name, value) { attributes[name] = value; }, appendChild(child) { this.children.push(child); } });
}
const document = {
  getElementById: element,
  createElement: () => ({ children: [], appendChild(child) { this.children.push(child); }, set src(path) { pending.push(path); } }),
  head: { appendChild() {} },
};
const cpu = { now: () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; } };
const context = { document, performance: cpu, URLSearchParams,
                  window: { location: { search: "?q=" + encodeURIComponent(query) + filters } } };
vm.createContext(context);
vm.runInContext(fs.readFileSync(site + "/assets/search.js", "utf8"), context);
context.PL_SEARCH = context.window.PL_SEARCH;
vm.runInContext(fs.readFileSync(site + "/search/meta.js", "utf8"), context);
while (pending.length) vm.runInContext(fs.readFileSync(site + "/" + pending.shift(), "utf8"), context);
console.log(query, element("search-status").textContent, attributes["data-ms"], "ms CPU,", element("search-results").children.length, "shown");
