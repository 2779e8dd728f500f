// The Flux dashboard: executions (filtered by workflow and state), an execution's timeline, its workflow's diagram,
// live updates over server-sent events, resume and cancel. Plain JavaScript over the HTTP API next to it (the page's
// <base> is the API's root), no build step, no network beyond this server.
"use strict";

(() => {
  const $ = (selector) => document.querySelector(selector);
  const finished = new Set(["Succeeded", "Failed", "Cancelled"]);
  const taskEnds = new Set(["TaskCompleted", "TaskFailed", "TaskCancelled", "TaskTimedOut", "TaskPaused", "TaskRetryCompleted", "TaskRetryFailed"]);
  const workflowEnds = new Set(["WorkflowCompleted", "WorkflowFailed", "WorkflowCancelled", "WorkflowPaused"]);
  const view = { workflows: new Map(), continuation: null, selected: null, source: null, last: 0, first: null, starts: new Map(), diagrams: 0 };

  // ---- HTTP ----------------------------------------------------------------------------------------------------

  async function call(path, init) {
    const response = await fetch(path, init);
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch { body = null; }
    if (!response.ok) {
      throw new Error(describeProblem(body) || `${response.status} ${response.statusText}`);
    }
    return body;
  }

  function describeProblem(problem) {
    if (!problem) return null;
    if (problem.errors) {
      return Object.entries(problem.errors).map(([field, messages]) => `${field}: ${messages.join(" ")}`).join("\n");
    }
    return problem.detail || problem.title || null;
  }

  const enc = encodeURIComponent;

  // ---- DOM helpers ---------------------------------------------------------------------------------------------

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "dataset") Object.assign(node.dataset, value);
      else if (key in node) node[key] = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  const stateBadge = (state) => el("span", { className: `state state-${state.toLowerCase()}`, textContent: state });

  function formatDuration(ms) {
    if (ms === null || ms === undefined || Number.isNaN(ms)) return "";
    if (ms < 1000) return `${Math.round(ms)} ms`;
    if (ms < 60000) return `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
    const minutes = Math.floor(ms / 60000);
    return `${minutes} min ${Math.round((ms % 60000) / 1000)} s`;
  }

  const time = (iso) => new Date(iso).toLocaleString();

  function showError(error) {
    const box = $("#action-error");
    box.textContent = error ? String(error.message || error) : "";
    box.hidden = !error;
  }

  // ---- Executions ----------------------------------------------------------------------------------------------

  async function loadWorkflows() {
    const select = $("#filter-workflow");
    for (const workflow of await call("workflows")) {
      view.workflows.set(workflow.name, workflow);
      select.append(el("option", { value: workflow.name, textContent: workflow.name }));
    }
  }

  async function loadExecutions(more = false) {
    const query = new URLSearchParams({ limit: "50" });
    if ($("#filter-workflow").value) query.set("workflow", $("#filter-workflow").value);
    if ($("#filter-state").value) query.set("state", $("#filter-state").value);
    if (more && view.continuation) query.set("continuation", view.continuation);
    const page = await call(`executions?${query}`);
    const body = $("#executions tbody");
    if (!more) body.replaceChildren();
    for (const execution of page.executions) body.append(executionRow(execution));
    view.continuation = page.continuationToken;
    $("#more").hidden = !page.continuationToken;
    $("#list-empty").hidden = body.children.length > 0;
  }

  function executionRow(execution) {
    const ended = execution.finishedAt ? new Date(execution.finishedAt) : null;
    const row = el("tr", { dataset: { id: execution.executionId }, className: execution.executionId === view.selected ? "selected" : "" },
      el("td", {}, el("a", { href: `#/executions/${enc(execution.executionId)}`, textContent: execution.executionId })),
      el("td", { textContent: execution.workflow }),
      el("td", {}, stateBadge(execution.state)),
      el("td", { textContent: time(execution.createdAt) }),
      el("td", { textContent: ended ? formatDuration(ended - new Date(execution.createdAt)) : "" }));
    row.addEventListener("click", () => { location.hash = `#/executions/${enc(execution.executionId)}`; });
    return row;
  }

  function updateRow(execution) {
    const row = [...document.querySelectorAll("#executions tbody tr")].find((r) => r.dataset.id === execution.executionId);
    if (row) row.replaceWith(executionRow(execution));
  }

  // ---- One execution -------------------------------------------------------------------------------------------

  async function showExecution(id) {
    stopFollowing();
    showError(null);
    view.selected = id;
    view.last = 0;
    view.first = null;
    view.starts = new Map();
    for (const row of document.querySelectorAll("#executions tbody tr")) row.classList.toggle("selected", row.dataset.id === id);
    $("#timeline tbody").replaceChildren();
    $("#detail").hidden = false;
    $("#detail-id").textContent = id;

    let execution;
    try {
      execution = await call(`executions/${enc(id)}`);
    } catch (error) {
      $("#detail-state").replaceChildren();
      $("#summary").replaceChildren();
      showError(error);
      return;
    }

    renderSummary(execution);
    if (!document.querySelector(`#executions tbody tr[data-id="${CSS.escape(id)}"]`)) loadExecutions().catch(showError);
    await loadEvents(id);
    drawDiagram(execution.workflow);
    if (!finished.has(execution.state) && execution.state !== "Paused") follow(id);
  }

  async function loadEvents(id) {
    for (;;) {
      const page = await call(`executions/${enc(id)}/events?after=${view.last}`);
      if (view.selected !== id) return;
      page.events.forEach(addEvent);
      if (page.next === null) return;
    }
  }

  function renderSummary(execution) {
    $("#detail-state").replaceChildren(stateBadge(execution.state));
    const items = [
      ["Workflow", execution.workflow],
      ["Created", time(execution.createdAt)],
      ["Finished", execution.finishedAt ? time(execution.finishedAt) : null],
      ["Duration", execution.finishedAt ? formatDuration(new Date(execution.finishedAt) - new Date(execution.createdAt)) : null],
      ["Paused at", execution.pausedAt],
      ["Wakes at", execution.wakeAt ? time(execution.wakeAt) : null],
      ["Owner", execution.owner],
      ["Parent", execution.parentExecutionId],
      ["Output", execution.output !== null && execution.output !== undefined ? JSON.stringify(execution.output) : null],
      ["Error", execution.error ? `${execution.error.type}: ${execution.error.message}` : null],
    ];
    $("#summary").replaceChildren(...items.filter(([, value]) => value !== null && value !== undefined)
      .flatMap(([name, value]) => [el("dt", { textContent: name }), el("dd", { textContent: value, className: name === "Error" ? "error" : "" })]));
    $("#resume").disabled = execution.state !== "Paused";
    $("#resume-value").disabled = execution.state !== "Paused";
    $("#cancel").disabled = finished.has(execution.state);
    updateRow(execution);
  }

  function addEvent(event) {
    if (event.sequence <= view.last) return;
    view.last = event.sequence;
    const at = new Date(event.time);
    view.first ??= at;
    let duration = null;
    if (event.type === "TaskStarted" || event.type === "TaskRetryStarted") {
      view.starts.set(event.callId, at);
    } else if (taskEnds.has(event.type) && view.starts.has(event.callId)) {
      duration = at - view.starts.get(event.callId);
    } else if (workflowEnds.has(event.type)) {
      duration = at - view.first;
    }

    const kind = /Failed|TimedOut/.test(event.type) ? "failed" : /Retry/.test(event.type) ? "retry" : /Cancelled/.test(event.type) ? "cancelled" : "";
    $("#timeline tbody").append(el("tr", { className: kind, dataset: { sequence: String(event.sequence), type: event.type } },
      el("td", { textContent: String(event.sequence) }),
      el("td", { textContent: `+${formatDuration(at - view.first) || "0 ms"}`, title: event.time }),
      el("td", { textContent: event.type }),
      el("td", { textContent: event.callId ? event.name : "", title: event.callId || "" }),
      el("td", { textContent: formatDuration(duration) }),
      el("td", { textContent: details(event) })));
  }

  /** What a timeline row says about an event's payload: a failure's message, a retry's attempt, else its JSON. */
  function details(event) {
    const payload = event.payload;
    if (payload === null || payload === undefined) return "";
    if (typeof payload === "object" && !Array.isArray(payload)) {
      const failure = payload.error && payload.error.message ? payload.error : payload.message && payload.type ? payload : null;
      if ("attempt" in payload) {
        // Attempt 0 is the first run of the body; a task with n retries runs at most n + 1 attempts.
        const wait = payload.wait && payload.wait !== "00:00:00" ? `, then waits ${payload.wait}` : "";
        return `attempt ${payload.attempt + 1} of ${payload.retries + 1}${failure ? `: ${failure.type}: ${failure.message}${wait}` : ""}`;
      }
      if (failure) return `${failure.type}: ${failure.message}`;
    }
    const text = JSON.stringify(payload);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
  }

  // ---- Live updates --------------------------------------------------------------------------------------------

  function follow(id) {
    stopFollowing();
    const source = new EventSource(`executions/${enc(id)}/events/stream?after=${view.last}`);
    view.source = source;
    $("#live").hidden = false;
    source.onmessage = (message) => { if (view.selected === id) addEvent(JSON.parse(message.data)); };
    source.addEventListener("end", (message) => {
      stopFollowing();
      if (view.selected !== id) return;
      const execution = JSON.parse(message.data);
      renderSummary(execution);
      // A resume claims the execution before it records anything: paused but owned means it is about to run.
      if (execution.state === "Paused" && execution.owner) setTimeout(() => view.selected === id && follow(id), 250);
    });
  }

  function stopFollowing() {
    if (view.source) view.source.close();
    view.source = null;
    $("#live").hidden = true;
  }

  // ---- Diagram -------------------------------------------------------------------------------------------------

  let mermaidLoaded = null;

  function loadMermaid() {
    mermaidLoaded ??= new Promise((resolve, reject) => {
      const script = el("script", { src: "dashboard/vendor/mermaid/mermaid.min.js" });
      script.onload = () => {
        window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral" });
        resolve(window.mermaid);
      };
      script.onerror = () => reject(new Error("Mermaid could not be loaded."));
      document.head.append(script);
    });
    return mermaidLoaded;
  }

  async function drawDiagram(workflowName) {
    const box = $("#diagram");
    const workflow = view.workflows.get(workflowName);
    if (!workflow || !workflow.hasDiagram) {
      box.replaceChildren(el("p", { className: "muted", textContent: "No diagram: only a graph known at build time has one." }));
      return;
    }
    try {
      const [text, mermaid] = await Promise.all([fetch(`workflows/${enc(workflowName)}/diagram`).then((r) => r.text()), loadMermaid()]);
      const { svg } = await mermaid.render(`flux-diagram-${++view.diagrams}`, text);
      if (view.selected !== null) box.innerHTML = svg; // Mermaid's output, sanitized by its strict security level.
    } catch (error) {
      box.replaceChildren(el("p", { className: "error", textContent: `The diagram could not be drawn: ${error.message || error}` }));
    }
  }

  // ---- Actions -------------------------------------------------------------------------------------------------

  async function resume() {
    const id = view.selected;
    const value = $("#resume-value").value.trim();
    showError(null);
    try {
      const execution = await call(`executions/${enc(id)}/resume`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: value === "" ? null : value,
      });
      $("#resume-value").value = "";
      renderSummary(execution);
      follow(id);
    } catch (error) {
      showError(error);
    }
  }

  async function cancel() {
    const id = view.selected;
    showError(null);
    try {
      const result = await call(`executions/${enc(id)}/cancel`, { method: "POST" });
      renderSummary(result.execution);
      follow(id);
    } catch (error) {
      showError(error);
    }
  }

  // ---- Start ---------------------------------------------------------------------------------------------------

  function route() {
    const match = /^#\/executions\/(.+)$/.exec(location.hash);
    if (match) {
      showExecution(decodeURIComponent(match[1]));
    } else {
      stopFollowing();
      view.selected = null;
      $("#detail").hidden = true;
    }
  }

  async function start() {
    const refresh = () => loadExecutions().catch(showError);
    $("#filter-workflow").addEventListener("change", refresh);
    $("#filter-state").addEventListener("change", refresh);
    $("#refresh").addEventListener("click", refresh);
    $("#more").addEventListener("click", () => loadExecutions(true).catch(showError));
    $("#resume").addEventListener("click", resume);
    $("#cancel").addEventListener("click", cancel);
    window.addEventListener("hashchange", route);
    try {
      await loadWorkflows();
      await loadExecutions();
    } catch (error) {
      showError(error);
    }
    route();
  }

  start();
})();
