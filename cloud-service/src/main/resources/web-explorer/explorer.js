// The twin explorer: everything it shows comes from the /v1 API with the viewer's own token, so it
// shows exactly what the service lets that viewer see.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem("spime-token") || "";

  function claims(t) {
    try {
      return JSON.parse(atob(t.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    } catch (e) {
      return null;
    }
  }

  async function api(path) {
    const r = await fetch(path, { headers: { Authorization: "Bearer " + token } });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      throw new Error(body.detail || ("HTTP " + r.status));
    }
    return body;
  }

  function text(el, value) {
    el.textContent = value == null ? "" : String(value);
    return el;
  }

  function cell(row, value) {
    text(row.insertCell(), value);
  }

  function showWho() {
    const c = claims(token);
    text($("who"), c ? "signed in as " + c.sub + " (" + (c.spime_role || "?") + ")" : "not signed in");
  }

  async function search(e) {
    if (e) e.preventDefault();
    const q = new URLSearchParams();
    ["phase", "make", "model", "openDtc", "batteryBelow"].forEach((k) => {
      if ($(k).value.trim()) q.set(k, $(k).value.trim());
    });
    const tbody = $("fleet").tBodies[0];
    tbody.replaceChildren();
    $("search-status").className = "status";
    try {
      const page = await api("/v1/fleet?" + q.toString());
      page.vehicles.forEach((v) => {
        const row = tbody.insertRow();
        row.dataset.vin = v.vin;
        cell(row, v.vin);
        cell(row, v.phase);
        cell(row, [v.make, v.model].filter(Boolean).join(" "));
        cell(row, v.modelYear);
        cell(row, v.batteryHealthPercent != null ? v.batteryHealthPercent.toFixed(1) : "");
        cell(row, v.lastSeen ? v.lastSeen.substring(0, 16).replace("T", " ") : "");
        row.addEventListener("click", () => openCar(v.vin));
      });
      text($("search-status"), page.vehicles.length + " car(s)" + (page.next ? ", more on the next page" : ""));
    } catch (err) {
      $("search-status").className = "error";
      text($("search-status"), err.message);
    }
  }

  function describe(entry) {
    const e = entry.event || {};
    switch (entry.type) {
      case "VehicleProduced": return "produced at " + ((e.production || {}).plant || "?");
      case "PhaseChanged": return "→ " + e.to + (e.reason ? " (" + e.reason + ")" : "");
      case "CustodyStarted": return e.role + (e.party ? " " + e.party : "");
      case "CustodyEnded": return e.role + " ended" + (e.reason ? ": " + e.reason : "");
      case "ServiceVisited": return "service at " + e.workshop + ", " + e.odometerKm + " km: " + (e.work || []).join(", ");
      case "DtcRaised": return "DTC " + e.code + " raised: " + (e.description || "");
      case "DtcCleared": return "DTC " + (e.code || "") + " cleared";
      case "SoftwareUpdated": return "software " + e.ecu + " → " + e.toVersion + " " + (e.outcome || "");
      case "BatteryMeasured": return "battery SoH " + ((e.condition || {}).stateOfHealthPercent || "?") + " %";
      case "TouchpointRecorded": return e.kind + ": " + e.outcome + (e.note ? " — " + e.note : "");
      case "ConsentGranted": return (e.party || "") + " consents to " + e.category;
      case "ConsentRevoked": return (e.party || "") + " withdraws " + e.category;
      default: return "";
    }
  }

  async function history(vin) {
    const out = [];
    let cursor = "";
    do {
      const page = await api("/v1/twins/" + vin + "/history?limit=500" + (cursor ? "&cursor=" + cursor : ""));
      out.push(...page.entries);
      cursor = page.next || "";
    } while (cursor && out.length < 5000);
    return out;
  }

  function chart(readings) {
    const host = $("soh-chart");
    host.replaceChildren();
    $("soh-empty").hidden = readings.length > 0;
    if (!readings.length || typeof uPlot === "undefined") return;
    const xs = readings.map((r) => Date.parse(r.at) / 1000);
    const ys = readings.map((r) => r.stateOfHealthPercent);
    new uPlot({ width: 560, height: 180, series: [{}, { label: "SoH %", stroke: "#3b6fd8" }] }, [xs, ys], host);
  }

  async function openCar(vin) {
    $("car-panel").hidden = false;
    text($("car-title"), vin);
    const list = $("timeline");
    list.replaceChildren();
    try {
      const [twin, entries] = await Promise.all([api("/v1/twins/" + vin), history(vin)]);
      const id = twin.identity || {};
      text($("car-summary"), [id.make, id.model, id.modelYear, twin.phase, "revision " + twin.revision,
        (twin.custodyEpochs || []).length + " custody epoch(s)", (twin.openDtcs || []).length + " open DTC(s)"]
        .filter(Boolean).join(" · "));
      const soh = [];
      entries.forEach((entry) => {
        const li = document.createElement("li");
        li.className = entry.withheld ? "withheld" : (entry.type.startsWith("Custody") ? "epoch" : "");
        li.appendChild(text(document.createElement("span"), entry.occurredAt.substring(0, 10))).className = "when";
        li.appendChild(text(document.createElement("span"), entry.type)).className = "kind";
        li.appendChild(text(document.createElement("span"), entry.withheld ? entry.withheld : describe(entry)));
        list.appendChild(li);
        if (entry.type === "BatteryMeasured" && entry.event) {
          soh.push({ at: entry.occurredAt, stateOfHealthPercent: entry.event.condition.stateOfHealthPercent });
        }
      });
      if (twin.battery && !soh.length) {
        soh.push({ at: twin.battery.at, stateOfHealthPercent: twin.battery.condition.stateOfHealthPercent });
      }
      chart(soh);
    } catch (err) {
      const li = document.createElement("li");
      li.className = "error";
      list.appendChild(text(li, err.message));
    }
  }

  $("signin").addEventListener("submit", (e) => {
    e.preventDefault();
    token = $("token").value.trim();
    sessionStorage.setItem("spime-token", token);
    showWho();
    search();
  });
  $("search").addEventListener("submit", search);
  showWho();
  if (token) search();
})();
