// A local reading of the OpenAPI document: one card per endpoint, its parameters and body.
"use strict";

function el(tag, cls, ...children) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function schemaName(schema) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf) return schema.anyOf.map(schemaName).join(" | ");
  return schema.type || "";
}

async function start() {
  const box = document.getElementById("endpoints");
  const spec = await (await fetch("/openapi.json")).json();
  const schemas = (spec.components || {}).schemas || {};
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters || []).map((p) =>
        el("li", null, el("code", null, p.name), ` (${p.in}, ${schemaName(p.schema)}${p.required ? ", required" : ""})`,
          p.description ? ` — ${p.description}` : ""));
      const body = op.requestBody && op.requestBody.content["application/json"];
      const bodyItems = [];
      if (body) {
        const schema = schemas[schemaName(body.schema)] || {};
        for (const [name, prop] of Object.entries(schema.properties || {})) {
          bodyItems.push(el("li", null, el("code", null, name), ` (${schemaName(prop)})`,
            prop.description ? ` — ${prop.description}` : ""));
        }
      }
      box.appendChild(el("article", "card",
        el("h2", null, el("code", null, `${method.toUpperCase()} ${path}`)),
        el("p", null, op.summary || ""),
        params.length ? el("div", null, el("h3", null, "Parameters"), el("ul", null, params)) : null,
        bodyItems.length ? el("div", null, el("h3", null, "JSON body"), el("ul", null, bodyItems)) : null));
    }
  }
  box.appendChild(el("p", "hint", "Errors come back as {\"error\": \"...\"} with the HTTP status: 404 unknown id, ",
    "413 body over 64 KB, 415 body not JSON, 422 invalid input, 429 rate limit (see Retry-After)."));
}

document.addEventListener("DOMContentLoaded", start);
