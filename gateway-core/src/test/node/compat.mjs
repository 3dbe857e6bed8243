// Drives an SMSDesk gateway with the official SMSGate JS client (android-sms-gateway, pinned in package.json).
//
//   node compat.mjs --url http://127.0.0.1:3000/3rdparty/v1 --login admin --password secret [--device-id ID]
//   (or SMSDESK_URL, SMSDESK_LOGIN, SMSDESK_PASSWORD, SMSDESK_DEVICE_ID in the environment)
//
// Runs every call twice: once as the client does it (HTTP Basic) and once with a JWT. Client 3.0.0 always sends
// Basic, so the JWT run swaps the Authorization header inside the HTTP-client object the client is given (the
// only way that version can carry a token). Calls that 3.0.0 lacks (listMessages, cancelMessage, refreshInbox,
// generateToken, revokeToken) go through the same HTTP-client object and are marked "via": "http".
// Prints a JSON summary on stdout and exits 1 if any step failed, 2 on bad arguments.
import Client from "android-sms-gateway";
import { readFileSync } from "node:fs";

const PHONE = "+14155552671";
const JWT_SCOPES = ["messages:send", "messages:read", "messages:list", "messages:cancel", "messages:export",
    "inbox:refresh", "devices:list", "webhooks:list", "webhooks:write", "webhooks:delete", "settings:read",
    "logs:read", "tokens:manage"]; // settings:write left out on purpose: patchSettings must then get 403

function options(argv, env) {
    const o = {
        url: env.SMSDESK_URL, login: env.SMSDESK_LOGIN, password: env.SMSDESK_PASSWORD,
        deviceId: env.SMSDESK_DEVICE_ID,
    };
    for (let i = 0; i < argv.length; i += 2) {
        const key = { "--url": "url", "--login": "login", "--password": "password", "--device-id": "deviceId" }[argv[i]];
        if (!key || argv[i + 1] === undefined) {
            throw new Error(`unknown option or missing value: ${argv[i]}`);
        }
        o[key] = argv[i + 1];
    }
    for (const k of ["url", "login", "password"]) {
        if (!o[k]) {
            throw new Error(`--${k} is required`);
        }
    }
    o.url = o.url.replace(/\/+$/, "");
    return o;
}

/** The HttpClient interface client-ts expects, on fetch, with the response rules its docs give. */
class FetchHttpClient {
    constructor(bearer) {
        this.bearer = bearer; // when set, replaces the client's Basic header
        this.calls = [];
    }

    async request(method, url, body, headers = {}) {
        const h = { ...headers };
        if (this.bearer) {
            h.Authorization = `Bearer ${this.bearer}`;
        }
        const init = { method, headers: h, signal: AbortSignal.timeout(15_000) };
        if (body !== undefined) {
            init.body = JSON.stringify(body);
            h["Content-Type"] ??= "application/json";
        }
        const res = await fetch(url, init);
        this.calls.push(`${method} ${new URL(url).pathname} ${res.status}`);
        if (res.status === 204) {
            return null;
        }
        const text = await res.text();
        if (!res.ok) {
            const err = new Error(`HTTP error ${res.status}: ${text}`);
            err.status = res.status;
            throw err;
        }
        return (res.headers.get("content-type") ?? "").includes("application/json") ? JSON.parse(text) : text;
    }

    get(url, headers) { return this.request("GET", url, undefined, headers); }
    post(url, body, headers) { return this.request("POST", url, body, headers); }
    put(url, body, headers) { return this.request("PUT", url, body, headers); }
    patch(url, body, headers) { return this.request("PATCH", url, body, headers); }
    delete(url, headers) { return this.request("DELETE", url, undefined, headers); }
}

function check(condition, message) {
    if (!condition) {
        throw new Error(message);
    }
}

async function expectHttpError(promise, status) {
    try {
        await promise;
    } catch (e) {
        check(e.status === status, `expected HTTP ${status}, got: ${e.message}`);
        return `HTTP ${status} as expected`;
    }
    throw new Error(`expected HTTP ${status}, but the call succeeded`);
}

/** Runs the named steps in order; a failed step is recorded and the run goes on. */
class Run {
    constructor(name) {
        this.name = name;
        this.steps = [];
    }

    async step(name, via, fn) {
        try {
            const detail = await fn();
            this.steps.push({ name, via, ok: true, ...(detail === undefined ? {} : { detail }) });
        } catch (e) {
            this.steps.push({ name, via, ok: false, error: String(e.message ?? e) });
        }
    }

    get ok() {
        return this.steps.length > 0 && this.steps.every((s) => s.ok);
    }
}

/** The calls both runs make; `jwt` tells which credential the client carries. */
async function exercise(run, client, http, o, jwt) {
    const api = o.url;
    const auth = jwt ? {} : { Authorization: `Basic ${btoa(`${o.login}:${o.password}`)}` };
    let messageId;

    await run.step("getHealth", "client", async () => {
        const h = await client.getHealth();
        check(["pass", "warn"].includes(h.status), `status ${h.status}`);
        return h.status;
    });
    await run.step("send", "client", async () => {
        const m = await client.send({ message: `compat ${run.name}`, phoneNumbers: [PHONE] });
        check(typeof m.id === "string" && m.id.length > 0, "no id");
        check(m.state === "Pending", `state ${m.state}`);
        check(m.recipients?.[0]?.phoneNumber === PHONE, `recipients ${JSON.stringify(m.recipients)}`);
        messageId = m.id;
        return m.state;
    });
    await run.step("send skipPhoneValidation", "client", async () => {
        const m = await client.send({ message: "no validation", phoneNumbers: ["12345"], ttl: 3600 },
            { skipPhoneValidation: true });
        check(m.recipients?.[0]?.phoneNumber === "12345", `recipients ${JSON.stringify(m.recipients)}`);
        return m.state;
    });
    await run.step("send invalid number is rejected", "client",
        () => expectHttpError(client.send({ message: "x", phoneNumbers: ["not-a-number"] }), 400));
    await run.step("getState", "client", async () => {
        const m = await client.getState(messageId);
        check(m.id === messageId, `id ${m.id}`);
        check(m.recipients?.[0]?.phoneNumber === PHONE, "recipient lost");
        return m.state;
    });
    await run.step("listMessages", "http", async () => {
        const list = await http.get(`${api}/messages?limit=100`, auth);
        check(Array.isArray(list), "not an array");
        check(list.some((m) => m.id === messageId), "sent message not listed");
        return list.length;
    });
    await run.step("cancelMessage", "http", async () => {
        await http.delete(`${api}/message/${messageId}`, auth);
        const m = await client.getState(messageId);
        check(["Cancelling", "Cancelled"].includes(m.state), `state after cancel ${m.state}`);
        return m.state;
    });
    await run.step("getDevices", "client", async () => {
        const devices = await client.getDevices();
        check(Array.isArray(devices), "not an array");
        if (o.deviceId) {
            const d = devices.find((x) => x.id === o.deviceId);
            check(d, `device ${o.deviceId} not listed`);
            check(d.name && d.createdAt && d.updatedAt && "lastSeen" in d, `fields ${JSON.stringify(d)}`);
        }
        return devices.length;
    });
    await run.step("webhooks register/list/delete", "client", async () => {
        const url = `https://hooks.example.com/smsdesk/${run.name}`;
        const w = await client.registerWebhook({ event: "sms:received", url });
        check(w.id && w.url === url && w.event === "sms:received", `registered ${JSON.stringify(w)}`);
        check((await client.getWebhooks()).some((x) => x.id === w.id), "not listed after register");
        const same = await client.registerWebhook({ id: w.id, event: "sms:sent", url });
        check(same.id === w.id && same.event === "sms:sent", "upsert by id did not replace");
        await client.deleteWebhook(w.id);
        check(!(await client.getWebhooks()).some((x) => x.id === w.id), "still listed after delete");
        return w.id;
    });
    await run.step("getSettings", "client", async () => {
        const s = await client.getSettings();
        check(s && typeof s === "object" && !Array.isArray(s), `settings ${JSON.stringify(s)}`);
        return Object.keys(s).sort();
    });
    if (jwt) {
        await run.step("patchSettings without settings:write is forbidden", "client",
            () => expectHttpError(client.patchSettings({ messages: { limit_value: 7 } }), 403));
    } else {
        await run.step("patchSettings", "client", async () => {
            const s = await client.patchSettings({ messages: { limit_period: "PerHour", limit_value: 120 } });
            check(s.messages?.limit_period === "PerHour" && s.messages?.limit_value === 120,
                `after patch ${JSON.stringify(s)}`);
            const again = await client.getSettings();
            check(again.messages?.limit_value === 120, "patch not kept");
            return s.messages;
        });
        await run.step("patchSettings with the typed camelCase keys is ignored, as the reference does", "client",
            async () => {
                const s = await client.patchSettings({ messages: { limitValue: 5 } });
                check(s.messages?.limit_value === 120 && s.messages?.limitValue === undefined,
                    `after patch ${JSON.stringify(s)}`);
            });
    }
    await run.step("getLogs", "client", async () => {
        const to = new Date(Date.now() + 60_000);
        const logs = await client.getLogs(new Date(Date.now() - 3_600_000), to);
        check(Array.isArray(logs) && logs.length > 0, "no log entries");
        check(logs.every((e) => e.id !== undefined && e.createdAt && e.message && e.priority), "fields missing");
        return logs.length;
    });
    if (o.deviceId) {
        await run.step("exportInbox", "client", async () => {
            const r = await client.exportInbox({ deviceId: o.deviceId, since: new Date(Date.now() - 86_400_000),
                until: new Date() });
            check(r === "" || r === null, `body ${JSON.stringify(r)}`);
        });
    }
    await run.step("refreshInbox", "http", async () => {
        const r = await http.post(`${api}/inbox/refresh`, { since: new Date(Date.now() - 86_400_000).toISOString(),
            until: new Date().toISOString() }, auth);
        check(r === "" || r === null, `body ${JSON.stringify(r)}`);
    });
    await run.step("generateToken/revokeToken", "http", async () => {
        const t = await http.post(`${api}/auth/token`, { scopes: ["devices:list"], ttl: 600 }, auth);
        check(t.token_type === "Bearer" && t.access_token && t.id && t.expires_at, `token ${JSON.stringify(t)}`);
        const holder = new FetchHttpClient(t.access_token);
        const viaToken = new Client("unused", "unused", holder, api);
        check(Array.isArray(await viaToken.getDevices()), "minted token does not work");
        await http.delete(`${api}/auth/token/${t.id}`, auth);
        await expectHttpError(viaToken.getDevices(), 401);
        return "revoked token gets 401";
    });
}

async function main() {
    let o;
    try {
        o = options(process.argv.slice(2), process.env);
    } catch (e) {
        console.error(`compat.mjs: ${e.message}`);
        process.exit(2);
    }
    const version = JSON.parse(readFileSync(new URL("./node_modules/android-sms-gateway/package.json",
        import.meta.url), "utf8")).version;

    const basicHttp = new FetchHttpClient(null);
    const basic = new Run("basic");
    await exercise(basic, new Client(o.login, o.password, basicHttp, o.url), basicHttp, o, false);

    const jwt = new Run("jwt");
    let jwtHttp = null;
    await jwt.step("mint JWT with Basic", "http", async () => {
        const t = await basicHttp.post(`${o.url}/auth/token`, { scopes: JWT_SCOPES },
            { Authorization: `Basic ${btoa(`${o.login}:${o.password}`)}` });
        check(t.access_token, `token ${JSON.stringify(t)}`);
        jwtHttp = new FetchHttpClient(t.access_token);
        return t.id;
    });
    if (jwtHttp) {
        await exercise(jwt, new Client("ignored", "ignored", jwtHttp, o.url), jwtHttp, o, true);
    }

    const runs = [basic, jwt];
    const steps = runs.flatMap((r) => r.steps);
    const summary = {
        client: `android-sms-gateway@${version}`,
        url: o.url,
        ok: runs.every((r) => r.ok),
        passed: steps.filter((s) => s.ok).length,
        failed: steps.filter((s) => !s.ok).length,
        runs: Object.fromEntries(runs.map((r) => [r.name, { ok: r.ok, steps: r.steps }])),
        calls: basicHttp.calls.length + (jwtHttp ? jwtHttp.calls.length : 0),
    };
    console.log(JSON.stringify(summary, null, 2));
    process.exit(summary.ok ? 0 : 1);
}

await main();
