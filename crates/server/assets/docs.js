// Renders the server's OpenAPI document as a readable page. Builds the DOM with
// textContent only (no HTML strings), so nothing in the document can inject markup.
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function refName(schema) {
  return schema && schema.$ref ? schema.$ref.split("/").pop() : null;
}

// The schema with its $ref resolved one level, for display.
function resolve(doc, schema) {
  const name = refName(schema);
  if (!name) return schema;
  return (doc.components && doc.components.schemas && doc.components.schemas[name]) || schema;
}

function schemaBlock(doc, schema) {
  if (!schema) return null;
  const name = refName(schema);
  const shown = resolve(doc, schema);
  return el("div", {},
    name ? el("p", {}, "Schema ", el("code", {}, name)) : null,
    el("pre", {}, JSON.stringify(shown, null, 2)));
}

function parametersTable(params) {
  const rows = params.map((p) => el("tr", {},
    el("td", {}, el("code", {}, p.name)),
    el("td", {}, p.in),
    el("td", {}, (p.schema && (p.schema.type || refName(p.schema))) ? String(p.schema.type || refName(p.schema)) : ""),
    el("td", {}, p.description || "")));
  return el("table", {},
    el("thead", {}, el("tr", {}, el("th", {}, "name"), el("th", {}, "in"), el("th", {}, "type"), el("th", {}, "description"))),
    el("tbody", {}, ...rows));
}

function operation(doc, path, method, op) {
  const id = (method + path).replace(/[^a-z0-9]+/gi, "-");
  const secured = (op.security || []).some((req) => Object.keys(req).length > 0);
  const section = el("section", { class: "op", id },
    el("h2", {},
      el("span", { class: "method " + method }, method.toUpperCase()),
      el("span", { class: "path" }, path),
      secured ? el("span", { class: "lock" }, "bearer token when the server has one") : null),
    op.summary ? el("p", {}, op.summary) : null,
    op.description ? el("p", { class: "muted" }, op.description) : null);
  if (op.parameters && op.parameters.length) {
    section.append(el("h3", {}, "Parameters"), parametersTable(op.parameters));
  }
  if (op.requestBody) {
    section.append(el("h3", {}, "Request body"));
    if (op.requestBody.description) section.append(el("p", {}, op.requestBody.description));
    for (const [type, media] of Object.entries(op.requestBody.content || {})) {
      section.append(el("p", {}, el("code", {}, type)));
      if (media.example !== undefined) {
        section.append(el("pre", {}, typeof media.example === "string" ? media.example : JSON.stringify(media.example, null, 2)));
      } else if (media.schema && refName(media.schema)) {
        section.append(schemaBlock(doc, media.schema));
      }
    }
  }
  const rows = Object.entries(op.responses || {}).map(([status, response]) => el("tr", {},
    el("td", {}, el("code", {}, status)),
    el("td", {}, response.description || ""),
    el("td", {}, Object.keys(response.content || {}).join(", "))));
  section.append(el("h3", {}, "Responses"),
    el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "status"), el("th", {}, "meaning"), el("th", {}, "content type"))),
      el("tbody", {}, ...rows)));
  return { id, section };
}

async function main() {
  const summary = document.getElementById("summary");
  let doc;
  try {
    const response = await fetch("openapi.json");
    doc = await response.json();
  } catch (error) {
    summary.textContent = "Could not load openapi.json: " + error;
    return;
  }
  document.getElementById("title").textContent = doc.info.title + " " + doc.info.version;
  summary.textContent = doc.info.description || "";
  const toc = document.getElementById("toc");
  const main = document.getElementById("operations");
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      if (!item[method]) continue;
      const { id, section } = operation(doc, path, method, item[method]);
      toc.append(el("a", { href: "#" + id }, method.toUpperCase() + " " + path));
      main.append(section);
    }
  }
  const problems = doc.components && doc.components.schemas && doc.components.schemas.ProblemDocument;
  if (problems) {
    main.append(el("section", { class: "op", id: "errors" },
      el("h2", {}, "Errors"),
      el("p", {}, "Every error is application/problem+json (RFC 9457) with a stable type:"),
      schemaBlock(doc, { $ref: "#/components/schemas/ProblemDocument" })));
    toc.append(el("a", { href: "#errors" }, "Errors"));
  }
}

main();
